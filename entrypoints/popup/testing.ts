/** Test-only: cached pages and key states as the background stores them, for the popup's tests. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cacheKey, CACHE_SCHEMA_VERSION, type CacheEntry } from '../../lib/trending/entry';
import type { KeyState } from '../../lib/trending/key-state';
import {
  DEFAULT_FILTERS,
  type CreditStatus,
  type Hashtag,
  type ListView,
  type TrendFilters,
  type TrendView,
} from '../../lib/trending/types';

export const HOUR = 3_600_000;

export function hashtag(rank: number, over: Partial<Hashtag> = {}): Hashtag {
  return {
    id: `id${rank}`,
    name: `tag${rank}`,
    rank,
    movement: 'same',
    rankDiff: 0,
    country: null,
    industry: { id: '11000000000', name: 'Vehicle & Transportation' },
    promoted: false,
    trend: [
      { time: 1769472000, value: 0.2 },
      { time: 1769558400, value: 1 },
    ],
    creators: [],
    posts: 1000 + rank,
    views: 5000 + rank,
    ...over,
  };
}

/** Page `page` (ranks 20·(page−1)+1 …) as the cache keeps it, fetched at `fetchedAt`. */
export function cachedPage(page: number, fetchedAt: number, over: Partial<CacheEntry> = {}) {
  const items = Array.from({ length: 20 }, (_, i) => hashtag((page - 1) * 20 + i + 1));
  return {
    schemaVersion: CACHE_SCHEMA_VERSION,
    data: { items, total: 100, hasMore: page < 5, dropped: 0 },
    fetchedAt,
    checkedAt: fetchedAt,
    error: null,
    errorAt: null,
    ...over,
  } satisfies CacheEntry;
}

export const KEY_SET: KeyState = { version: 1, keySet: true, keyError: null };
export const NO_KEY: KeyState = {
  version: 1,
  keySet: false,
  keyError: { kind: 'no-key', message: 'Add your keyapi.ai API key.' },
};

/** Stores the published key state and the given pages of `filters` in the fake storage.local. */
export async function storeCache(
  filters: TrendFilters,
  pages: Record<number, unknown>,
  keyState: unknown = KEY_SET,
): Promise<void> {
  await fakeBrowser.storage.local.set({
    'radar:keyState': keyState,
    ...Object.fromEntries(
      Object.entries(pages).map(([page, entry]) => [cacheKey(filters, Number(page)), entry]),
    ),
  });
}

export const CREDITS: CreditStatus = {
  day: '2026-11-26',
  requestsToday: 1,
  creditsToday: 2,
  dailyBudget: 100,
  resetsAt: 0,
  last7Days: [],
};

/** A list of the default filters, fetched at 1, of `items` (ranks 1–3 unless given). */
export function listView(over: Partial<ListView> = {}): ListView {
  return {
    filters: DEFAULT_FILTERS,
    source: 'live',
    items: [hashtag(1), hashtag(2), hashtag(3)],
    pagesLoaded: 1,
    total: 100,
    hasMore: true,
    nextPageCached: false,
    fetchedAt: 1,
    stale: false,
    refreshing: false,
    error: null,
    rankYesterday: {},
    ...over,
  };
}

/** The background's answer: a list and the day's credits. */
export function trendView(over: Partial<TrendView> = {}): TrendView {
  return { ...listView(over), credits: CREDITS, ...over };
}
