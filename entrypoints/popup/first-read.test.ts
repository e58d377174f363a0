// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localDay } from '../../lib/format';
import { cacheKey } from '../../lib/trending/entry';
import { DEFAULT_FILTERS, filtersKey, type TrendFilters } from '../../lib/trending/types';
import {
  mirroredFilters,
  openingFilters,
  readFirst,
  readKeys,
  readList,
  rememberFirstRead,
  storedList,
  type Stored,
} from './first-read';
import { cachedPage, hashtag, HOUR, KEY_SET, NO_KEY, storeCache } from './testing';

const NOW = Date.UTC(2026, 10, 26, 12);
const US: TrendFilters = { ...DEFAULT_FILTERS, region: 'US' };

function stored(over: Partial<Stored['values']>, pages: Record<number, unknown> = {}): Stored {
  return {
    values: { keyState: KEY_SET, ...over },
    entries: Object.fromEntries(
      Object.entries(pages).map(([page, entry]) => [
        cacheKey(DEFAULT_FILTERS, Number(page)),
        entry,
      ]),
    ),
  };
}

describe('storedList: what the popup paints from storage alone', () => {
  it('builds the list the background would answer with, from the cached pages', () => {
    const list = storedList(stored({}, { 1: cachedPage(1, NOW - HOUR) }), DEFAULT_FILTERS, 1, NOW)!;
    expect(list.items.map((i) => i.rank)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(list).toMatchObject({
      source: 'live',
      pagesLoaded: 1,
      hasMore: true,
      fetchedAt: NOW - HOUR,
      stale: false,
      refreshing: false,
      error: null,
      nextPageCached: false,
    });
  });

  it('says the data age and whether it is out of date by the settings’ refresh time', () => {
    const old = stored({ settings: { refreshHours: 2 } }, { 1: cachedPage(1, NOW - 3 * HOUR) });
    expect(storedList(old, DEFAULT_FILTERS, 1, NOW)).toMatchObject({ stale: true });
    // A setting out of range counts as the default (12 h), as the options would repair it.
    const odd = stored({ settings: { refreshHours: 99 } }, { 1: cachedPage(1, NOW - 3 * HOUR) });
    expect(storedList(odd, DEFAULT_FILTERS, 1, NOW)).toMatchObject({ stale: false });
  });

  it('tells whether Show more is free from the next page, when it is cached and fresh', () => {
    const both = stored({}, { 1: cachedPage(1, NOW), 2: cachedPage(2, NOW) });
    expect(storedList(both, DEFAULT_FILTERS, 1, NOW)!.nextPageCached).toBe(true);
    expect(storedList(both, DEFAULT_FILTERS, 2, NOW)!.items).toHaveLength(40);
  });

  it('shows the error of the last attempt and the key’s own error above the cached rows', () => {
    const failed = cachedPage(1, NOW - HOUR, {
      error: { kind: 'server', message: 'Internal server error', status: 500 },
      errorAt: NOW - 60_000,
    });
    expect(storedList(stored({}, { 1: failed }), DEFAULT_FILTERS, 1, NOW)!.error?.kind).toBe(
      'server',
    );
    const refused = {
      ...KEY_SET,
      keyError: { kind: 'invalid-key', message: 'apiKey is invalid', byApi: true },
    };
    const list = storedList(stored({ keyState: refused }, { 1: failed }), DEFAULT_FILTERS, 1, NOW)!;
    expect(list.error?.kind).toBe('invalid-key');
    expect(list.items).toHaveLength(20);
  });

  it('reads yesterday’s ranks from the rank history, one filter set checked', () => {
    const yesterday = localDay(NOW - 86_400_000);
    const history = {
      sets: {
        [filtersKey(DEFAULT_FILTERS)]: { seen: NOW, days: { [yesterday]: ['tag2', 'tag1'] } },
        other: 'damaged, and not this popup’s concern',
      },
    };
    const list = storedList(
      stored({ history }, { 1: cachedPage(1, NOW) }),
      DEFAULT_FILTERS,
      1,
      NOW,
    );
    expect(list!.rankYesterday).toEqual({ tag2: 1, tag1: 2 });
    const damaged = { sets: { [filtersKey(DEFAULT_FILTERS)]: { seen: 'x', days: 3 } } };
    const none = storedList(
      stored({ history: damaged }, { 1: cachedPage(1, NOW) }),
      DEFAULT_FILTERS,
      1,
      NOW,
    );
    expect(none!.rankYesterday).toEqual({});
  });

  it('shows an entry of the first format, migrated as the background would', () => {
    const v1 = {
      schemaVersion: 1,
      data: {
        items: [{ ...hashtag(1), rankDiff: undefined, movement: 'sideways' }],
        total: 1,
        hasMore: false,
      },
      fetchedAt: NOW - HOUR,
    };
    const list = storedList(stored({}, { 1: v1 }), DEFAULT_FILTERS, 1, NOW)!;
    expect(list.items).toEqual([{ ...hashtag(1), rankDiff: null, movement: 'none' }]);
    expect(list.fetchedAt).toBe(NOW - HOUR);
  });

  it('cannot tell (null: the skeleton until the background answers) with nothing cached yet', () => {
    expect(storedList(stored({}), DEFAULT_FILTERS, 1, NOW)).toBeNull();
  });

  it.each([
    ['not an entry', 'garbage'],
    ['an unknown format', { schemaVersion: 9, data: null }],
    ['items of the wrong shape', cachedPage(1, NOW, { data: { items: [{ id: 1 }] } as never })],
    ['a time that is not a number', { ...cachedPage(1, NOW), fetchedAt: 'yesterday' }],
  ])('cannot tell from a damaged entry (%s), and does not throw', (_name, entry) => {
    expect(storedList(stored({}, { 1: entry }), DEFAULT_FILTERS, 1, NOW)).toBeNull();
  });

  it.each([
    ['nothing published yet', undefined],
    ['another version', { ...KEY_SET, version: 2 }],
    ['a damaged one', { version: 1, keySet: 'yes', keyError: null }],
  ])('cannot tell without a valid key state (%s)', (_name, keyState) => {
    expect(
      storedList(stored({ keyState }, { 1: cachedPage(1, NOW) }), DEFAULT_FILTERS, 1, NOW),
    ).toBeNull();
  });

  it('without a key and nothing cached: the no-key error and no rows (the welcome)', () => {
    const list = storedList(stored({ keyState: NO_KEY }), DEFAULT_FILTERS, 1, NOW)!;
    expect(list.items).toEqual([]);
    expect(list.error?.kind).toBe('no-key');
  });
});

describe('openingFilters', () => {
  it('takes the popup’s last choice, repaired from the options’ defaults, else the defaults', () => {
    const settings = { defaults: { ...DEFAULT_FILTERS, region: 'FR', period: 30 } };
    expect(openingFilters(stored({ settings }))).toEqual(settings.defaults);
    expect(
      openingFilters(stored({ settings, popupFilters: { region: 'US', period: 'x' } })),
    ).toEqual({ ...settings.defaults, region: 'US' });
    expect(openingFilters(stored({ settings: 'garbage' }))).toEqual(DEFAULT_FILTERS);
  });
});

describe('readFirst and readList, in storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    localStorage.clear();
    delete (globalThis as { hashtagRadarEarlyRead?: unknown }).hashtagRadarEarlyRead;
  });

  it('reads the remembered filters’ pages in the same read, and remembers what it needed', async () => {
    await fakeBrowser.storage.local.set({ popupFilters: US });
    await storeCache(US, { 1: cachedPage(1, Date.now()) });
    rememberFirstRead(US);
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    const first = await readFirst();
    expect(local).toHaveBeenCalledTimes(1);
    expect(first.filters).toEqual(US);
    expect(first.view!.items).toHaveLength(20);
    expect(first.dailyBudget).toBe(100);
    expect(mirroredFilters()).toEqual(US);
  });

  it('reads again when storage says other filters apply, and remembers them for next time', async () => {
    await fakeBrowser.storage.sync.set({ settings: { defaults: US } });
    await storeCache(US, { 1: cachedPage(1, Date.now()) });
    const first = await readFirst();
    expect(first.filters).toEqual(US);
    expect(first.view!.items).toHaveLength(20);
    expect(mirroredFilters()).toEqual(US);
    expect(JSON.parse(localStorage.getItem('popupFirstRead')!)).toEqual({
      filters: US,
      ...readKeys(['popupFilters', 'settings', 'sampleMode', 'keyState', 'history'], US, 1),
    });
  });

  it('takes the read public/popup-early.js started, once, when it asked for every key', async () => {
    await storeCache(DEFAULT_FILTERS, { 1: cachedPage(1, Date.now()) });
    rememberFirstRead(DEFAULT_FILTERS);
    const keys = JSON.parse(localStorage.getItem('popupFirstRead')!);
    const early = {
      local: keys.local,
      sync: keys.sync,
      values: Promise.all([
        fakeBrowser.storage.local.get(keys.local),
        fakeBrowser.storage.sync.get(keys.sync),
      ]),
    };
    (globalThis as { hashtagRadarEarlyRead?: unknown }).hashtagRadarEarlyRead = early;
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect((await readFirst()).view!.items).toHaveLength(20);
    expect(local).not.toHaveBeenCalled();
    expect(
      (globalThis as { hashtagRadarEarlyRead?: unknown }).hashtagRadarEarlyRead,
    ).toBeUndefined();
  });

  it('reads by itself when the early read asked for other keys', async () => {
    await storeCache(US, { 1: cachedPage(1, Date.now()) });
    await fakeBrowser.storage.local.set({ popupFilters: US });
    (globalThis as { hashtagRadarEarlyRead?: unknown }).hashtagRadarEarlyRead = {
      local: ['popupFilters'],
      sync: [],
      values: Promise.resolve([{}, {}]),
    };
    const first = await readFirst();
    expect(first.filters).toEqual(US);
    expect(first.view!.items).toHaveLength(20);
  });

  it('in sample mode, the bundled sample list (loaded only then)', async () => {
    await fakeBrowser.storage.local.set({ sampleMode: true });
    const first = await readFirst();
    expect(first.view).toMatchObject({ source: 'sample', pagesLoaded: 1, refreshing: false });
    expect(first.view!.items).toHaveLength(20);
  });

  it('reads more pages for Show more', async () => {
    await storeCache(DEFAULT_FILTERS, {
      1: cachedPage(1, Date.now()),
      2: cachedPage(2, Date.now()),
    });
    const list = await readList(DEFAULT_FILTERS, 2);
    expect(list!.items).toHaveLength(40);
    expect(list!.pagesLoaded).toBe(2);
  });

  it('nothing in storage at all: nothing to paint, and no exception', async () => {
    const first = await readFirst();
    expect(first).toEqual({ filters: DEFAULT_FILTERS, view: null, dailyBudget: 100 });
  });
});
