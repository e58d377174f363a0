import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { localDay } from '../format';
import {
  clearHistory,
  historyItem,
  MAX_DAYS,
  MAX_SETS,
  rankSeries,
  rankYesterday,
  recordRanks,
} from './history';
import { DEFAULT_FILTERS, type Hashtag, type TrendFilters } from './types';

const DAY = 86_400_000;
const START = new Date(2026, 0, 1, 12).getTime();

function tags(names: string[], firstRank = 1): Hashtag[] {
  return names.map((name, i) => ({
    id: name,
    name,
    rank: firstRank + i,
    movement: 'none',
    rankDiff: null,
    country: null,
    industry: null,
    promoted: false,
    trend: [],
    creators: [],
    posts: 0,
    views: 0,
  }));
}

beforeEach(() => fakeBrowser.reset());

describe('rank history', () => {
  it('keeps a daily snapshot and answers yesterday and a series', async () => {
    await recordRanks(DEFAULT_FILTERS, tags(['Alpha', 'beta']), START);
    await recordRanks(DEFAULT_FILTERS, tags(['gamma'], 21), START + 1000);
    await recordRanks(DEFAULT_FILTERS, tags(['beta', 'alpha']), START + DAY);
    expect(await rankYesterday(DEFAULT_FILTERS, START + DAY)).toEqual({
      alpha: 1,
      beta: 2,
      gamma: 21,
    });
    expect(await rankYesterday(DEFAULT_FILTERS, START + 3 * DAY)).toEqual({});
    expect(await rankSeries(DEFAULT_FILTERS, 'ALPHA')).toEqual([
      { day: localDay(START), rank: 1 },
      { day: localDay(START + DAY), rank: 2 },
    ]);
  });

  it(`keeps at most ${MAX_DAYS} days and ${MAX_SETS} filter sets`, async () => {
    for (let d = 0; d < MAX_DAYS + 10; d++) {
      await recordRanks(DEFAULT_FILTERS, tags(['a']), START + d * DAY);
    }
    const kept = Object.keys(
      (await historyItem.getValue()).sets['all_regions|7|nothing|all']!.days,
    );
    expect(kept).toHaveLength(MAX_DAYS);
    expect(kept.sort()[0]).toBe(localDay(START + 10 * DAY));
    const regions = ['US', 'FR', 'DE', 'IT', 'ES'] as const;
    for (const [i, region] of regions.entries()) {
      const filters: TrendFilters = { ...DEFAULT_FILTERS, region };
      await recordRanks(filters, tags(['b']), START + (MAX_DAYS + 10) * DAY + i);
    }
    const history = await historyItem.getValue();
    expect(Object.keys(history.sets).sort()).toEqual(
      ['all_regions', 'US', 'FR', 'DE', 'IT', 'ES']
        .slice(2)
        .map((r) => `${r}|7|nothing|all`)
        .sort(),
    );
    await recordRanks(DEFAULT_FILTERS, tags(['a']), START + (MAX_DAYS + 11) * DAY);
    const days = Object.keys(
      (await historyItem.getValue()).sets['all_regions|7|nothing|all']!.days,
    );
    expect(days).toHaveLength(1);
    expect(JSON.stringify(await historyItem.getValue()).length).toBeLessThan(2000);
  });

  it('survives a damaged history', async () => {
    await fakeBrowser.storage.local.set({ 'radar:history': { sets: 'nonsense' } });
    await recordRanks(DEFAULT_FILTERS, tags(['a']), START);
    expect(await rankYesterday(DEFAULT_FILTERS, START + DAY)).toEqual({ a: 1 });
  });
});

describe('damaged history', () => {
  it('drops damaged sets on read and keeps the valid ones', async () => {
    await recordRanks(DEFAULT_FILTERS, tags(['alpha']), START);
    const stored = await historyItem.getValue();
    await historyItem.setValue({
      sets: {
        ...stored.sets,
        broken: { seen: 'yesterday', days: {} },
        wrongDays: { seen: 1, days: { '2026-01-01': 'alpha' } },
        notADay: { seen: 1, days: { soon: ['alpha'] } },
      },
    } as never);
    expect(await rankYesterday(DEFAULT_FILTERS, START + DAY)).toEqual({ alpha: 1 });
    await recordRanks(DEFAULT_FILTERS, tags(['beta']), START + DAY);
    expect(Object.keys((await historyItem.getValue()).sets)).toEqual(['all_regions|7|nothing|all']);
  });

  it.each([null, 'x', 7, [], { sets: 'all' }])('starts afresh from %j', async (raw) => {
    await fakeBrowser.storage.local.set({ 'radar:history': raw });
    expect(await rankSeries(DEFAULT_FILTERS, 'alpha')).toEqual([]);
    await recordRanks(DEFAULT_FILTERS, tags(['alpha']), START);
    expect(await rankSeries(DEFAULT_FILTERS, 'alpha')).toEqual([{ day: localDay(START), rank: 1 }]);
  });

  it('is cleared with the cache', async () => {
    await recordRanks(DEFAULT_FILTERS, tags(['alpha']), START);
    await clearHistory();
    expect(await rankSeries(DEFAULT_FILTERS, 'alpha')).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
