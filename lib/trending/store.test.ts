import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  cacheKey,
  clearCache,
  clearEntryErrors,
  EMPTY_ENTRY,
  pruneCache,
  readEntries,
  type CacheEntry,
} from './store';
import { DEFAULT_FILTERS, type TrendFilters } from './types';

const NOW = Date.UTC(2026, 10, 26, 12);
const DAY = 86_400_000;
const US: TrendFilters = { ...DEFAULT_FILTERS, region: 'US' };

function entry(at: number, extra: Partial<CacheEntry> = {}): CacheEntry {
  return {
    ...EMPTY_ENTRY,
    data: { items: [], total: 0, hasMore: false, dropped: 0 },
    fetchedAt: at,
    checkedAt: at,
    ...extra,
  };
}

beforeEach(() => fakeBrowser.reset());

describe('cache store', () => {
  it('keys entries by the full filter set and page', () => {
    expect(cacheKey(DEFAULT_FILTERS, 1)).toBe('trending:cache:all_regions|7|nothing|all:1');
    expect(
      cacheKey({ region: 'JP', period: 120, industry: '25000000000', newToTop100: true }, 3),
    ).toBe('trending:cache:JP|120|25000000000|new:3');
  });

  it('reads pages in order, null where missing, and removes damaged entries', async () => {
    await fakeBrowser.storage.local.set({
      [cacheKey(US, 1)]: entry(NOW),
      [cacheKey(US, 3)]: { schemaVersion: 2, data: 'broken' },
    });
    const [one, two, three] = await readEntries(US, 3);
    expect(one?.fetchedAt).toBe(NOW);
    expect(two).toBeNull();
    expect(three).toBeNull();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ [cacheKey(US, 1)]: entry(NOW) });
  });

  it('prunes old, damaged and surplus entries, newest kept', async () => {
    await fakeBrowser.storage.local.set({
      [cacheKey(US, 1)]: entry(NOW - DAY),
      [cacheKey(US, 2)]: entry(NOW - 2 * DAY),
      [cacheKey(US, 3)]: entry(NOW - 3 * DAY),
      [cacheKey(DEFAULT_FILTERS, 1)]: entry(NOW - 9 * DAY),
      [cacheKey(DEFAULT_FILTERS, 2)]: 'garbage',
      apiKey: 'sk_live_untouched',
    });
    expect(await pruneCache(NOW, 7 * DAY, 2)).toBe(3);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual(
      ['apiKey', cacheKey(US, 1), cacheKey(US, 2)].sort(),
    );
  });

  it('clears only cache entries; forgets errors only where there were some', async () => {
    const failed = entry(NOW, { error: { kind: 'invalid-key', message: 'no' }, errorAt: NOW });
    await fakeBrowser.storage.local.set({
      [cacheKey(US, 1)]: failed,
      [cacheKey(US, 2)]: entry(NOW),
      'radar:credits': { days: {} },
    });
    const changed: string[] = [];
    fakeBrowser.storage.local.onChanged.addListener((changes) =>
      changed.push(...Object.keys(changes)),
    );
    await clearEntryErrors();
    expect(changed).toEqual([cacheKey(US, 1)]);
    expect((await readEntries(US, 1))[0]).toEqual(entry(NOW));
    await clearCache();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ 'radar:credits': { days: {} } });
  });
});
