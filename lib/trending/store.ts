/**
 * The trending cache in storage.local: one entry per filter set and page, under
 * `trending:cache:<filtersKey>:<page>`. Writing an entry is also the announcement: pages listen to
 * storage changes of `trending:` keys and ask again. Entries of an older schema are migrated or
 * dropped on read; a damaged entry is dropped, never thrown.
 */
import { browser } from 'wxt/browser';
import * as v from 'valibot';
import {
  CACHE_PREFIX,
  CACHE_SCHEMA_VERSION,
  cacheKey,
  EMPTY_ENTRY,
  migrateEntry,
  type CacheEntry,
} from './entry';
import { filtersKey, type TrendFilters } from './types';
import { serialized } from './serial';
import { defineVaultItem } from '../vault';

// The entry's shape lives in entry.ts, which pages read too (the popup paints from the cache).
export * from './entry';

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
