/**
 * The watchlist and its change events as every context sees them. Pure types and constants: safe to
 * import from any context, including the content script.
 */
import type { TrendFilters } from '../trending/types';

/** Most hashtags one watchlist holds (it lives in sync storage, whose items are small). */
export const MAX_WATCHED = 50;
/** How long a tag unwatched can be watched again with its start kept: an undo, not a memory. */
export const UNDO_UNWATCH_MS = 10 * 60_000;
/** Change events kept: at most this many, none older than `EVENT_MAX_AGE_MS`. */
export const MAX_EVENTS = 200;
export const EVENT_MAX_AGE_MS = 30 * 86_400_000;
/** Longest hashtag name that can be watched (TikTok's own names are far shorter). */
export const MAX_NAME_LENGTH = 100;
/** "New entries to the top 20": the depth of the optional newcomer alerts. */
export const NEWCOMER_TOP = 20;

export interface WatchStart {
  /** `filtersKey` of the default filters when watching started. */
  filters: string;
  /** How deep the ranking then known went. */
  depth: number;
  /** The rank then; null when it was not in the top `depth`. */
  rank: number | null;
}

export interface WatchedTag {
  /** As the user spelled it, without `#`. */
  name: string;
  /** When watching started (ms since epoch). */
  since: number;
  /** Where it stood then for the default filters; null when no live ranking was known. */
  start: WatchStart | null;
}

/** A tag taken off the watchlist, and when (session storage, for UNDO_UNWATCH_MS). */
export interface UnwatchedTag {
  tag: WatchedTag;
  at: number;
}

/**
 * - `entered`: a watched tag is now in the fetched top N, and was not;
 * - `up` / `down`: a watched tag moved by at least the user's K ranks;
 * - `dropped`: a watched tag left the fetched top N;
 * - `newcomer`: any tag new to the top 20 (the optional industry alert).
 */
export const CHANGE_KINDS = ['entered', 'up', 'down', 'dropped', 'newcomer'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ChangeEvent {
  /** Unique among the stored events (time, kind and name). */
  id: string;
  /** As the ranking spells it (or the watchlist, for a tag that dropped out). */
  tag: string;
  kind: ChangeKind;
  /** Rank before; null when it was not in the top `depth`. */
  oldRank: number | null;
  /** Rank now; null when it is not in the top `depth`. */
  newRank: number | null;
  filters: TrendFilters;
  /** How deep the compared rankings went (the top N). */
  depth: number;
  /** When the change was seen (ms since epoch). */
  time: number;
  seen: boolean;
}

/** One watched tag as the Watching view shows it. */
export interface WatchRow {
  name: string;
  since: number;
  /** Rank now for the default filters; null when not in the top `depth` known. */
  rank: number | null;
  start: WatchStart | null;
  /** Places moved since watching started (positive = up); null unless both ranks are known for the same filters. */
  moved: number | null;
  /** The rank on each day the local history has it (default filters), oldest first. */
  series: { day: string; rank: number }[];
  /** When it dropped out of the top `depth` (its last `dropped` event), while it is out; else null. */
  outSince: number | null;
}

export interface WatchView {
  filters: TrendFilters;
  /** The ranks actually known for the default filters: "not in the top 20" means these 20. */
  depth: number;
  source: 'live' | 'sample';
  /** When the oldest page of that ranking was fetched; null when none is. */
  fetchedAt: number | null;
  tags: WatchRow[];
  max: number;
}

export interface ChangesView {
  /** Newest first. */
  events: ChangeEvent[];
  unseen: number;
}

export interface WatchState {
  name: string;
  watched: boolean;
  /** Tags watched now. */
  count: number;
}
