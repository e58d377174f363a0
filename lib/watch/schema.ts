/**
 * What the watchlist, the change events and the snapshot look like in storage, checked on every
 * read: storage can hold anything (an older version, another browser's sync, a hand edit). A damaged
 * entry is dropped, the rest kept; nothing here throws. Pure.
 */
import * as v from 'valibot';
import { isIndustryFilter } from '../industries';
import { isRegion } from '../markets';
import { MAX_RANK, PERIODS, type TrendFilters } from '../trending/types';
import type { RankingSnapshot } from './engine';
import { keepEvents } from './events';
import { checkWatchName, watchKey } from './name';
import {
  CHANGE_KINDS,
  MAX_WATCHED,
  UNDO_UNWATCH_MS,
  type ChangeEvent,
  type UnwatchedTag,
  type WatchedTag,
} from './types';

const time = v.pipe(v.number(), v.finite());
const rank = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_RANK));
const depth = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_RANK));

const FiltersSchema = v.object({
  region: v.custom<TrendFilters['region']>(isRegion),
  period: v.picklist(PERIODS),
  industry: v.custom<TrendFilters['industry']>(isIndustryFilter),
  newToTop100: v.boolean(),
});

const WatchedSchema = v.object({
  name: v.string(),
  since: time,
  // Where a tag stood when watching started is a nicety: a damaged one is forgotten, not the tag.
  start: v.fallback(
    v.nullable(v.object({ filters: v.string(), depth, rank: v.nullable(rank) })),
    null,
  ),
});

const EventSchema = v.object({
  id: v.string(),
  tag: v.pipe(v.string(), v.minLength(1)),
  kind: v.picklist(CHANGE_KINDS),
  oldRank: v.nullable(rank),
  newRank: v.nullable(rank),
  filters: FiltersSchema,
  depth,
  time,
  seen: v.boolean(),
});

const SnapshotSchema = v.object({
  filters: FiltersSchema,
  depth,
  pagesFetchedAt: v.array(time),
  names: v.array(v.string()),
  takenAt: time,
});

/** The valid entries of `raw` as an array, each parsed with `schema`. */
function validEntries<T>(raw: unknown, schema: v.GenericSchema<unknown, T>): T[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    const parsed = v.safeParse(schema, entry);
    return parsed.success ? [parsed.output] : [];
  });
}

/** The watchlist as stored, repaired: valid names only (the highlighter's grammar), each once, at most 50. */
export function repairWatchlist(raw: unknown): WatchedTag[] {
  const seen = new Set<string>();
  const list: WatchedTag[] = [];
  for (const tag of validEntries(raw, WatchedSchema)) {
    const name = checkWatchName(tag.name);
    if (!name.ok || seen.has(watchKey(name.name)) || list.length >= MAX_WATCHED) continue;
    seen.add(watchKey(name.name));
    list.push({ ...tag, name: name.name });
  }
  return list;
}

const UnwatchedSchema = v.object({ tag: WatchedSchema, at: time });

/**
 * The tags unwatched as stored, repaired: valid ones of the last UNDO_UNWATCH_MS before `now`,
 * the newest of each name, at most MAX_WATCHED.
 */
export function repairUnwatched(raw: unknown, now: number): UnwatchedTag[] {
  const recent = validEntries(raw, UnwatchedSchema)
    .filter(({ at }) => at <= now && now - at < UNDO_UNWATCH_MS)
    .sort((a, b) => b.at - a.at);
  const seen = new Set<string>();
  return recent.flatMap(({ tag, at }) => {
    const [repaired] = repairWatchlist([tag]);
    if (!repaired || seen.has(watchKey(repaired.name)) || seen.size >= MAX_WATCHED) return [];
    seen.add(watchKey(repaired.name));
    return [{ tag: repaired, at }];
  });
}

/** The change events as stored, repaired: valid ones, each once, newest first, 30 days, at most 200. */
export function repairEvents(raw: unknown, now: number): ChangeEvent[] {
  return keepEvents(validEntries(raw, EventSchema), now);
}

/** The snapshot as stored, or null when there is none or it is damaged (the next ranking starts afresh). */
export function repairSnapshot(raw: unknown): RankingSnapshot | null {
  const parsed = v.safeParse(SnapshotSchema, raw);
  return parsed.success ? parsed.output : null;
}
