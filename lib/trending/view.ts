/**
 * Builds what the popup and the content script get from cache entries. Pure: the background builds
 * its answers with it, and the popup its first paint, from the same entries.
 */
import type { CacheEntry } from './entry';
import { failedLast, isStale } from './freshness';
import {
  MAX_PAGES,
  type Hashtag,
  type HighlightTag,
  type ListView,
  type TrendError,
  type TrendFilters,
} from './types';

export interface ViewInput {
  filters: TrendFilters;
  entries: (CacheEntry | null)[];
  /** The entry of the page after the asked ones, if any was read. */
  next: CacheEntry | null;
  now: number;
  ttl: number;
  refreshing: boolean;
  /** An error that stops a due refresh (no key, gates, budget); wins over the entries' own. */
  blocking: TrendError | null;
  rankYesterday: Record<string, number>;
}

/** The pages that can be shown: page 1 onwards, up to the first one not cached. */
function loadedPages(entries: (CacheEntry | null)[]): CacheEntry[] {
  const loaded: CacheEntry[] = [];
  for (const entry of entries) {
    if (!entry?.data) break;
    loaded.push(entry);
  }
  return loaded;
}

/** Pages fetched at different times can overlap; a name is listed once, at its best rank. */
function uniqueByName(items: Hashtag[]): Hashtag[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const name = item.name.toLowerCase();
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
}

/** The newest error of the entries' last attempts that still means something. */
export function entryError(entries: (CacheEntry | null)[], now: number): TrendError | null {
  let newest: CacheEntry | null = null;
  for (const entry of entries) {
    if (!entry || !failedLast(entry)) continue;
    const e = entry.error!;
    if (e.kind === 'budget-reached' && (e.retryAt ?? 0) <= now) continue;
    if (!newest || (entry.errorAt ?? 0) > (newest.errorAt ?? 0)) newest = entry;
  }
  return newest?.error ?? null;
}

export function buildView(input: ViewInput): ListView {
  const loaded = loadedPages(input.entries);
  const last = loaded.at(-1);
  const fetched = loaded.map((e) => e.fetchedAt ?? 0);
  return {
    filters: input.filters,
    source: 'live',
    items: uniqueByName(loaded.flatMap((e) => e.data!.items)),
    pagesLoaded: loaded.length,
    total: loaded[0]?.data!.total ?? 0,
    hasMore: !!last?.data!.hasMore && loaded.length < MAX_PAGES,
    nextPageCached:
      loaded.length === input.entries.length &&
      !!input.next?.data?.items.length &&
      !isStale(input.next, input.ttl, input.now),
    fetchedAt: fetched.length ? Math.min(...fetched) : null,
    stale: loaded.some((e) => isStale(e, input.ttl, input.now)),
    refreshing: input.refreshing,
    error: input.blocking ?? entryError(input.entries, input.now),
    rankYesterday: input.rankYesterday,
  };
}

export function toHighlightTag(item: Hashtag): HighlightTag {
  return {
    name: item.name,
    rank: item.rank,
    movement: item.movement,
    rankDiff: item.rankDiff,
    trend: item.trend.map((p) => p.value),
    posts: item.posts,
    views: item.views,
  };
}
