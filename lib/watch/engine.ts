/**
 * The change engine: compares a new ranking of the default filters with the snapshot taken at the
 * last comparison and says what changed for the watched tags (and, optionally, which tags are new to
 * the top 20). Pure: plain inputs, plain outputs.
 */
import { filtersKey, type TrendFilters } from '../trending/types';
import { watchKey } from './name';
import { NEWCOMER_TOP, type ChangeEvent, type ChangeKind, type WatchedTag } from './types';

/** A ranking of the default filters as the cache holds it: the whole fetched top N. */
export interface Ranking {
  filters: TrendFilters;
  /** The top N the schedule fetches (the highlight depth). */
  depth: number;
  source: 'live' | 'sample';
  /** When each page 1..depth/20 was fetched. */
  pagesFetchedAt: number[];
  /** Names by rank (index = rank − 1), as the API spells them; '' where a rank is missing. */
  names: string[];
}

/** What the last comparison saw; the next one compares against it. */
export interface RankingSnapshot {
  filters: TrendFilters;
  depth: number;
  pagesFetchedAt: number[];
  names: string[];
  takenAt: number;
}

export interface AlertOptions {
  /** A watched tag that moves by at least this many ranks makes an event (K). */
  minMove: number;
  /** Also report every tag new to the top 20 of the default filters (the user's industry). */
  newcomers: boolean;
}

export interface Comparison {
  events: ChangeEvent[];
  /** The snapshot to keep from now on; null keeps the previous one. */
  snapshot: RankingSnapshot | null;
}

const NOTHING: Comparison = { events: [], snapshot: null };

/** Names by rank → rank by `watchKey` (the best rank, if a name is there twice). */
export function rankIndex(names: string[]): Map<string, number> {
  const ranks = new Map<string, number>();
  names.forEach((name, i) => {
    if (name && !ranks.has(watchKey(name))) ranks.set(watchKey(name), i + 1);
  });
  return ranks;
}

/** Every page of the new ranking was fetched after the snapshot's page: a new round, not a repeat. */
function isNewRound(previous: RankingSnapshot, next: Ranking): boolean {
  return next.pagesFetchedAt.every((at, i) => at > (previous.pagesFetchedAt[i] ?? -Infinity));
}

function kindOf(
  oldRank: number | null,
  newRank: number | null,
  minMove: number,
): ChangeKind | null {
  if (oldRank === null && newRank !== null) return 'entered';
  if (oldRank !== null && newRank === null) return 'dropped';
  if (oldRank === null || newRank === null || Math.abs(oldRank - newRank) < minMove) return null;
  return newRank < oldRank ? 'up' : 'down';
}

/**
 * The events between `previous` and `next`, and the snapshot to keep. Nothing on the first ranking,
 * on other filters or another depth (the snapshot is replaced), on sample data, on an empty ranking,
 * or on a ranking not fetched anew since the snapshot (the same fetch seen twice).
 */
export function compareRankings(
  previous: RankingSnapshot | null,
  next: Ranking,
  watched: WatchedTag[],
  options: AlertOptions,
  now: number,
): Comparison {
  if (next.source !== 'live' || !next.names.some(Boolean)) return NOTHING;
  const snapshot: RankingSnapshot = {
    filters: next.filters,
    depth: next.depth,
    pagesFetchedAt: next.pagesFetchedAt,
    names: next.names,
    takenAt: now,
  };
  const sameSet =
    previous !== null &&
    filtersKey(previous.filters) === filtersKey(next.filters) &&
    previous.depth === next.depth;
  if (!sameSet) return { events: [], snapshot };
  if (!isNewRound(previous, next)) return NOTHING;

  const before = rankIndex(previous.names);
  const after = rankIndex(next.names);
  /** The name as the rankings spell it (the newer one first), else as the watchlist does. */
  const spelled = (key: string, fallback: string): string => {
    const rank = after.get(key);
    if (rank !== undefined) return next.names[rank - 1]!;
    const oldRank = before.get(key);
    return oldRank === undefined ? fallback : previous.names[oldRank - 1]!;
  };
  const event = (
    tag: string,
    kind: ChangeKind,
    oldRank: number | null,
    newRank: number | null,
  ) => ({
    id: `${now}:${kind}:${watchKey(tag)}`,
    tag,
    kind,
    oldRank,
    newRank,
    filters: next.filters,
    depth: next.depth,
    time: now,
    seen: false,
  });

  const events: ChangeEvent[] = [];
  const reported = new Set<string>();
  for (const tag of watched) {
    const key = watchKey(tag.name);
    if (reported.has(key)) continue;
    const oldRank = before.get(key) ?? null;
    const newRank = after.get(key) ?? null;
    const kind = kindOf(oldRank, newRank, options.minMove);
    if (!kind) continue;
    reported.add(key);
    events.push(event(spelled(key, tag.name), kind, oldRank, newRank));
  }
  if (options.newcomers) {
    for (const [key, rank] of after) {
      if (rank > NEWCOMER_TOP || reported.has(key)) continue;
      const oldRank = before.get(key) ?? null;
      if (oldRank !== null && oldRank <= NEWCOMER_TOP) continue;
      reported.add(key);
      events.push(event(next.names[rank - 1]!, 'newcomer', oldRank, rank));
    }
  }
  return { events, snapshot };
}
