/** When a cache entry wants a refresh. Pure. */
import type { CacheEntry } from './entry';

/** Errors that stop requests through the gates (key, credits, back-off) rather than per entry. */
const GATED_KINDS = new Set([
  'invalid-key',
  'out-of-credits',
  'rate-limited',
  'server',
  'offline',
  'timeout',
  'storage-full',
]);

/**
 * After an error the gates do not cover (400, 403, a response not understood, budget), the entry is
 * not retried on its own before this: a page that re-asks on every storage change must not loop.
 */
export const ENTRY_RETRY_MS = 15 * 60_000;

/** When the entry last got a good answer (ms), or 0. */
export function lastGood(entry: CacheEntry | null): number {
  return Math.max(entry?.fetchedAt ?? 0, entry?.checkedAt ?? 0);
}

/** The entry's last attempt failed (and nothing good came since). */
export function failedLast(entry: CacheEntry | null): boolean {
  return !!entry?.error && (entry.errorAt ?? 0) >= lastGood(entry);
}

/**
 * When the entry should next be refreshed automatically (ms since epoch). `retryGap` is the wait
 * after an error the gates do not cover: short while someone looks, the TTL for the schedule (no
 * one is waiting, so a lasting 400 costs one request a TTL, not one every few minutes).
 */
export function dueAt(entry: CacheEntry | null, ttl: number, retryGap = ENTRY_RETRY_MS): number {
  if (!entry) return 0;
  const staleAt = entry.data ? lastGood(entry) + ttl : 0;
  if (failedLast(entry) && !GATED_KINDS.has(entry.error!.kind)) {
    const wait = entry.error!.kind === 'budget-reached' ? (entry.error!.retryAt ?? 0) : 0;
    return Math.max(staleAt, (entry.errorAt ?? 0) + retryGap, wait);
  }
  return staleAt;
}

export function isStale(entry: CacheEntry | null, ttl: number, now: number): boolean {
  return !entry?.data || now - lastGood(entry) >= ttl;
}
