/** What the Watching view shows, built from the watchlist and the ranking known now. Pure. */
import { filtersKey, type TrendFilters } from '../trending/types';
import { rankIndex } from './engine';
import { watchKey } from './name';
import { MAX_WATCHED, type ChangeEvent, type WatchedTag, type WatchView } from './types';

/** The default filters' ranking as far as it is known (fetched or sample), without a request. */
export interface KnownRanking {
  filters: TrendFilters;
  source: 'live' | 'sample';
  /** Names by rank (index = rank − 1). */
  names: string[];
  /** The top N these names are (pages known × 20); 0 when nothing is known. */
  depth: number;
  fetchedAt: number | null;
}

export interface WatchViewInput {
  known: KnownRanking;
  watchlist: WatchedTag[];
  /** Each watched tag's rank history, by `watchKey`. */
  series: Record<string, { day: string; rank: number }[]>;
  /** Newest first. */
  events: ChangeEvent[];
}

/** When a tag left the top N of these filters and depth, if its last entry or exit was an exit. */
function droppedAt(events: ChangeEvent[], key: string, known: KnownRanking): number | null {
  const last = events.find(
    (e) =>
      (e.kind === 'dropped' || e.kind === 'entered') &&
      watchKey(e.tag) === key &&
      e.depth === known.depth &&
      filtersKey(e.filters) === filtersKey(known.filters),
  );
  return last?.kind === 'dropped' ? last.time : null;
}

export function buildWatchView({ known, watchlist, series, events }: WatchViewInput): WatchView {
  const ranks = rankIndex(known.names);
  const current = filtersKey(known.filters);
  return {
    filters: known.filters,
    depth: known.depth,
    source: known.source,
    fetchedAt: known.fetchedAt,
    max: MAX_WATCHED,
    tags: watchlist.map((tag) => {
      const key = watchKey(tag.name);
      const rank = ranks.get(key) ?? null;
      const startRank = tag.start?.filters === current ? tag.start.rank : null;
      return {
        name: tag.name,
        since: tag.since,
        rank,
        start: tag.start,
        moved: startRank !== null && rank !== null ? startRank - rank : null,
        series: series[key] ?? [],
        outSince: rank === null && known.depth > 0 ? droppedAt(events, key, known) : null,
      };
    }),
  };
}
