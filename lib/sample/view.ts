/**
 * The sample data as a list view: what the background answers in sample mode, and what the popup
 * paints from it before the background has answered (it loads this module only in sample mode).
 */
import { PAGE_SIZE, type ListView, type TrendFilters } from '../trending/types';
import { SAMPLE_FETCHED_AT, sampleHashtags } from './index';

/** Pages 1..`pages` of the sample top 100 for a filter set: always fresh, never refreshing. */
export function sampleList(filters: TrendFilters, pages: number): ListView {
  const all = sampleHashtags(filters);
  return {
    filters,
    source: 'sample',
    items: all.slice(0, pages * PAGE_SIZE),
    pagesLoaded: pages,
    total: all.length,
    hasMore: pages * PAGE_SIZE < all.length,
    nextPageCached: true,
    fetchedAt: SAMPLE_FETCHED_AT,
    stale: false,
    refreshing: false,
    error: null,
    rankYesterday: {},
  };
}
