/**
 * The user's own rank history: one compact snapshot a local day per filter set they look at (names
 * in rank order, '' where a rank was not loaded), so the UI can say "↑4 since yesterday" and chart
 * a hashtag's rank over weeks. Capped: `MAX_DAYS` days × `MAX_SETS` filter sets, oldest dropped.
 */
import { storage } from 'wxt/utils/storage';
import { localDay } from '../format';
import {
  dayBefore,
  historyOf,
  HISTORY_KEY,
  seriesOf,
  validHistory,
  yesterdayRanks,
  type RankHistory,
  type SetHistory,
} from './rank-history';
import { serialized } from './serial';
import { filtersKey, MAX_RANK, type Hashtag, type TrendFilters } from './types';

export type { RankHistory } from './rank-history';

export const MAX_DAYS = 60;
export const MAX_SETS = 4;

export const historyItem = storage.defineItem<RankHistory>(HISTORY_KEY, {
  fallback: { sets: {} },
});

/** The stored history with every damaged set dropped (the valid ones are kept). */
async function readHistory(): Promise<RankHistory> {
  return validHistory(await historyItem.getValue());
}

/** Forgets every snapshot ("Clear cached data"). */
export function clearHistory(): Promise<void> {
  return serialized('history', () => historyItem.removeValue());
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

/** Yesterday's rank by lower-cased name, where the history has it. */
export async function rankYesterday(
  filters: TrendFilters,
  now = Date.now(),
): Promise<Record<string, number>> {
  return yesterdayRanks(historyOf(await historyItem.getValue(), filters), now);
}

/** One hashtag's rank on each recorded day, oldest first (days it was not in the loaded ranks are left out). */
export async function rankSeries(
  filters: TrendFilters,
  name: string,
): Promise<{ day: string; rank: number }[]> {
  return seriesOf(historyOf(await historyItem.getValue(), filters), name);
}
