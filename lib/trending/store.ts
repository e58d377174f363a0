/**
 * The trending cache in storage.local: one entry per filter set and page, under
 * `trending:cache:<filtersKey>:<page>`. Writing an entry is also the announcement: pages listen to
 * storage changes of `trending:` keys and ask again. Entries of an older schema are migrated or
 * dropped on read; a damaged entry is dropped, never thrown.
 */
import { browser } from 'wxt/browser';
import * as v from 'valibot';
import type { TrendingPage } from '../keyapi/parse';
import { filtersKey, type TrendError, type TrendFilters } from './types';
import { StoredPageSchema, StoredErrorSchema } from './stored-schema';
import { serialized } from './serial';
import { defineVaultItem } from '../vault';

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

async function readKeys(keys: string[]): Promise<(CacheEntry | null)[]> {
  const stored = await browser.storage.local.get(keys);
  const entries: (CacheEntry | null)[] = [];
  const migrated: Record<string, CacheEntry> = {};
  const damaged: string[] = [];
  for (const key of keys) {
    const raw = stored[key];
    const entry = raw === undefined ? null : migrateEntry(raw);
    if (raw !== undefined && !entry) damaged.push(key);
    if (entry && (raw as { schemaVersion?: unknown }).schemaVersion !== CACHE_SCHEMA_VERSION) {
      migrated[key] = entry;
    }
    entries.push(entry);
  }
  if (damaged.length) await browser.storage.local.remove(damaged);
  if (Object.keys(migrated).length) await browser.storage.local.set(migrated);
  return entries;
}

/** The entries of pages 1..pages of a filter set, in one storage read; null where none is usable. */
export function readEntries(filters: TrendFilters, pages: number): Promise<(CacheEntry | null)[]> {
  return readKeys(Array.from({ length: pages }, (_, i) => cacheKey(filters, i + 1)));
}

export async function readEntry(filters: TrendFilters, page: number): Promise<CacheEntry | null> {
  return (await readKeys([cacheKey(filters, page)]))[0] ?? null;
}

/** Read-modify-write of one entry, serialised with other updates of the same entry. */
export function updateEntry(
  filters: TrendFilters,
  page: number,
  change: (entry: CacheEntry) => CacheEntry,
): Promise<CacheEntry> {
  const key = cacheKey(filters, page);
  return serialized(key, async () => {
    const entry = change((await readEntry(filters, page)) ?? EMPTY_ENTRY);
    await browser.storage.local.set({ [key]: entry });
    return entry;
  });
}

async function cacheKeys(): Promise<string[]> {
  const all = await browser.storage.local.get(null);
  return Object.keys(all).filter((key) => key.startsWith(CACHE_PREFIX));
}

export async function clearCache(): Promise<void> {
  const keys = await cacheKeys();
  if (keys.length) await browser.storage.local.remove(keys);
}

/** Makes room: removes every cached page of other filter sets. */
export async function clearCacheExcept(filters: TrendFilters): Promise<void> {
  const kept = `${CACHE_PREFIX}${filtersKey(filters)}:`;
  const keys = (await cacheKeys()).filter((key) => !key.startsWith(kept));
  if (keys.length) await browser.storage.local.remove(keys);
}

/**
 * When the cache was last cleared to make room for a fetched list, until the popup has said so.
 * In the vault, since storage.local is what was full.
 */
export const storageClearedItem = defineVaultItem<number | null>('radar:storageCleared', {
  fallback: null,
  schema: v.nullable(v.pipe(v.number(), v.finite())),
});

/** Errors of a key that is no more say nothing about the next one. */
export async function clearEntryErrors(): Promise<void> {
  const all = await browser.storage.local.get(null);
  const changed: Record<string, CacheEntry> = {};
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(CACHE_PREFIX)) continue;
    const entry = migrateEntry(raw);
    if (entry?.error) changed[key] = { ...entry, error: null, errorAt: null };
  }
  if (Object.keys(changed).length) await browser.storage.local.set(changed);
}

/** Keeps the storage small: drops damaged entries, entries older than `maxAgeMs`, and the oldest past `maxEntries`. */
export async function pruneCache(
  now: number,
  maxAgeMs: number,
  maxEntries: number,
): Promise<number> {
  const all = await browser.storage.local.get(null);
  const kept: { key: string; at: number }[] = [];
  const drop: string[] = [];
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(CACHE_PREFIX)) continue;
    const entry = migrateEntry(raw);
    const at = Math.max(entry?.fetchedAt ?? 0, entry?.checkedAt ?? 0, entry?.errorAt ?? 0);
    if (!entry || now - at > maxAgeMs) drop.push(key);
    else kept.push({ key, at });
  }
  kept.sort((a, b) => b.at - a.at);
  drop.push(...kept.slice(maxEntries).map((k) => k.key));
  if (drop.length) await browser.storage.local.remove(drop);
  return drop.length;
}
