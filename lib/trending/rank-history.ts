/**
 * Reading the user's rank history (history.ts keeps it): its stored shape, validated on read, and
 * the lookups the list needs. Pure, so the popup reads yesterday's ranks in its own first read.
 */
import * as v from 'valibot';
import { localDay } from '../format';
import { filtersKey, MAX_RANK, type TrendFilters } from './types';

/** Where history.ts keeps it (WXT-style key). */
export const HISTORY_KEY = 'local:radar:history';

export interface SetHistory {
  /** Last time this set was recorded (ms), to drop the least used set first. */
  seen: number;
  /** Local day → names by rank (index = rank − 1). */
  days: Record<string, string[]>;
}
export interface RankHistory {
  sets: Record<string, SetHistory>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SetSchema = v.object({
  seen: v.pipe(v.number(), v.finite()),
  days: v.record(
    v.pipe(v.string(), v.regex(DAY)),
    v.pipe(v.array(v.string()), v.maxLength(MAX_RANK)),
  ),
});

const isSet = (value: unknown): value is SetHistory => v.is(SetSchema, value);

/** A stored history with every damaged set dropped (the valid ones are kept). */
export function validHistory(raw: unknown): RankHistory {
  const sets = (raw as { sets?: unknown } | null)?.sets;
  if (typeof sets !== 'object' || sets === null) return { sets: {} };
  const valid = Object.entries(sets).filter((entry): entry is [string, SetHistory] =>
    isSet(entry[1]),
  );
  return { sets: Object.fromEntries(valid) };
}

/** One filter set's history in a stored value (only that set is checked); undefined if damaged. */
export function historyOf(raw: unknown, filters: TrendFilters): SetHistory | undefined {
  const set = (raw as { sets?: Record<string, unknown> } | null)?.sets?.[filtersKey(filters)];
  return isSet(set) ? set : undefined;
}

export function dayBefore(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return localDay(new Date(y, m - 1, d - days, 12));
}

function ranksOn(names: string[] | undefined): Record<string, number> {
  const ranks: Record<string, number> = {};
  names?.forEach((name, i) => {
    if (name) ranks[name.toLowerCase()] = i + 1;
  });
  return ranks;
}

/** Yesterday's rank by lower-cased name, where the set's history has it. */
export function yesterdayRanks(set: SetHistory | undefined, now: number): Record<string, number> {
  return ranksOn(set?.days[dayBefore(localDay(now), 1)]);
}

/** One hashtag's rank on each recorded day, oldest first (days it was not in the loaded ranks are left out). */
export function seriesOf(
  set: SetHistory | undefined,
  name: string,
): { day: string; rank: number }[] {
  const wanted = name.toLowerCase();
  return Object.keys(set?.days ?? {})
    .sort()
    .flatMap((day) => {
      const rank = ranksOn(set!.days[day])[wanted];
      return rank ? [{ day, rank }] : [];
    });
}
