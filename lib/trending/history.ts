/**
 * The user's own rank history: one compact snapshot a local day per filter set they look at (names
 * in rank order, '' where a rank was not loaded), so the UI can say "↑4 since yesterday" and chart
 * a hashtag's rank over weeks. Capped: `MAX_DAYS` days × `MAX_SETS` filter sets, oldest dropped.
 */
import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { localDay } from '../format';
import { serialized } from './serial';
import { filtersKey, MAX_RANK, type Hashtag, type TrendFilters } from './types';

export const MAX_DAYS = 60;
export const MAX_SETS = 4;

interface SetHistory {
  /** Last time this set was recorded (ms), to drop the least used set first. */
  seen: number;
  /** Local day → names by rank (index = rank − 1). */
  days: Record<string, string[]>;
}
export interface RankHistory {
  sets: Record<string, SetHistory>;
}

export const historyItem = storage.defineItem<RankHistory>('local:radar:history', {
  fallback: { sets: {} },
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SetSchema = v.object({
  seen: v.pipe(v.number(), v.finite()),
  days: v.record(
    v.pipe(v.string(), v.regex(DAY)),
    v.pipe(v.array(v.string()), v.maxLength(MAX_RANK)),
  ),
});

/** The stored history with every damaged set dropped (the valid ones are kept). */
async function readHistory(): Promise<RankHistory> {
  const raw: unknown = await historyItem.getValue();
  const sets = (raw as { sets?: unknown } | null)?.sets;
  if (typeof sets !== 'object' || sets === null) return { sets: {} };
  const valid = Object.entries(sets).filter((entry): entry is [string, SetHistory] =>
    v.is(SetSchema, entry[1]),
  );
  return { sets: Object.fromEntries(valid) };
}

/** Forgets every snapshot ("Clear cached data"). */
export function clearHistory(): Promise<void> {
  return serialized('history', () => historyItem.removeValue());
}

function dayBefore(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return localDay(new Date(y, m - 1, d - days, 12));
}

export function prune(history: RankHistory, now: number): RankHistory {
  const oldest = dayBefore(localDay(now), MAX_DAYS - 1);
  const sets = Object.entries(history.sets)
    .sort(([, a], [, b]) => b.seen - a.seen)
    .slice(0, MAX_SETS)
    .map(([key, set]): [string, SetHistory] => [
      key,
      {
        seen: set.seen,
        days: Object.fromEntries(Object.entries(set.days).filter(([d]) => d >= oldest)),
      },
    ]);
  return { sets: Object.fromEntries(sets) };
}

/** Adds fetched ranks to today's snapshot of the set. */
export function recordRanks(
  filters: TrendFilters,
  items: Hashtag[],
  now = Date.now(),
): Promise<void> {
  if (!items.length) return Promise.resolve();
  return serialized('history', async () => {
    const history = await readHistory();
    const key = filtersKey(filters);
    const set = history.sets[key] ?? { seen: now, days: {} };
    const day = localDay(now);
    const names = [...(set.days[day] ?? [])];
    for (const item of items) {
      if (item.rank < 1 || item.rank > MAX_RANK) continue;
      while (names.length < item.rank - 1) names.push('');
      names[item.rank - 1] = item.name;
    }
    history.sets[key] = { seen: now, days: { ...set.days, [day]: names } };
    await historyItem.setValue(prune(history, now));
  });
}

function ranksOn(names: string[] | undefined): Record<string, number> {
  const ranks: Record<string, number> = {};
  names?.forEach((name, i) => {
    if (name) ranks[name.toLowerCase()] = i + 1;
  });
  return ranks;
}

/** Yesterday's rank by lower-cased name, where the history has it. */
export async function rankYesterday(
  filters: TrendFilters,
  now = Date.now(),
): Promise<Record<string, number>> {
  const set = (await readHistory()).sets[filtersKey(filters)];
  return ranksOn(set?.days[dayBefore(localDay(now), 1)]);
}

/** One hashtag's rank on each recorded day, oldest first (days it was not in the loaded ranks are left out). */
export async function rankSeries(
  filters: TrendFilters,
  name: string,
): Promise<{ day: string; rank: number }[]> {
  const set = (await readHistory()).sets[filtersKey(filters)];
  const wanted = name.toLowerCase();
  return Object.keys(set?.days ?? {})
    .sort()
    .flatMap((day) => {
      const rank = ranksOn(set!.days[day])[wanted];
      return rank ? [{ day, rank }] : [];
    });
}
