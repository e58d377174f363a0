/**
 * One cached page of the trending cache, as stored under `trending:cache:<filtersKey>:<page>`: its
 * shape, key and schema. Pure: the background's store (store.ts) and the popup's own first read
 * (entrypoints/popup/first-read.ts) both read entries through `migrateEntry`, so an old or damaged
 * entry means the same to both.
 */
import * as v from 'valibot';
import type { TrendingPage } from '../keyapi/parse';
import { filtersKey, type TrendError, type TrendFilters } from './types';
import { StoredPageSchema, StoredErrorSchema } from './stored-schema';

export const CACHE_PREFIX = 'trending:cache:';
export const CACHE_SCHEMA_VERSION = 2;

export interface CacheEntry {
  schemaVersion: typeof CACHE_SCHEMA_VERSION;
  /** The page as last fetched with items; kept when a later answer is empty or fails. */
  data: TrendingPage | null;
  /** When `data` was fetched. */
  fetchedAt: number | null;
  /** When the API last answered well, even if with an empty list (which does not replace `data`). */
  checkedAt: number | null;
  /** The last failed attempt, kept until a later success. */
  error: TrendError | null;
  errorAt: number | null;
}

export const EMPTY_ENTRY: CacheEntry = {
  schemaVersion: CACHE_SCHEMA_VERSION,
  data: null,
  fetchedAt: null,
  checkedAt: null,
  error: null,
  errorAt: null,
};

export function cacheKey(filters: TrendFilters, page: number): string {
  return `${CACHE_PREFIX}${filtersKey(filters)}:${page}`;
}

const time = v.nullable(v.pipe(v.number(), v.finite()));

const EntryV2 = v.object({
  schemaVersion: v.literal(2),
  data: v.nullable(StoredPageSchema),
  fetchedAt: time,
  checkedAt: time,
  error: v.nullable(StoredErrorSchema),
  errorAt: time,
});

/** Version 1 (the first slice): no `checkedAt`, no `dropped`, items without `rankDiff`. */
const EntryV1 = v.object({
  schemaVersion: v.literal(1),
  data: v.nullable(StoredPageSchema),
  fetchedAt: time,
  error: v.optional(v.nullable(StoredErrorSchema), null),
  errorAt: v.optional(time, null),
});

/** A stored value as a current entry: migrated when older, null when unknown or damaged. */
export function migrateEntry(raw: unknown): CacheEntry | null {
  const current = v.safeParse(EntryV2, raw);
  if (current.success) return current.output as CacheEntry;
  const old = v.safeParse(EntryV1, raw);
  if (old.success) {
    return {
      ...old.output,
      schemaVersion: CACHE_SCHEMA_VERSION,
      checkedAt: old.output.fetchedAt,
    } as CacheEntry;
  }
  return null;
}
