import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextLocalMidnight } from '../format';
import { DEFAULT_SETTINGS } from '../settings';
import { captionSelectionItem, sampleModeItem, settingsItem } from '../storage';
import { apiKeyItem } from '../vault';
import { creditStatus } from './credits';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, readGates } from './gates';
import { ENTRY_RETRY_MS } from './freshness';
import { t } from '../i18n';
import { createTrendingService } from './service';
import { cacheKey, readEntry } from './store';
import { emptyPage, fakeApi, failWith } from './testing';
import { DEFAULT_FILTERS, type TrendFilters } from './types';

const KEY = 'sk_live_0123456789abcdef9f2c';
const HOUR = 3_600_000;
const START = new Date(2026, 10, 26, 9, 0, 0).getTime();
const US: TrendFilters = { ...DEFAULT_FILTERS, region: 'US' };

let api: ReturnType<typeof fakeApi>;
let service: ReturnType<typeof createTrendingService>;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
  api = fakeApi();
  service = createTrendingService(api.fetchPage);
  await apiKeyItem.setValue(KEY);
});

afterEach(async () => {
  // A refresh a test left running must not write into the next test's storage.
  await service.whenIdle();
  vi.useRealTimers();
});

function advance(ms: number) {
  vi.setSystemTime(Date.now() + ms);
}

async function ask(filters = DEFAULT_FILTERS, pages = 1, force = false) {
  return service.getTrending({ filters, pages, force });
}

/** Asks, lets the refresh finish, asks again: what a popup sees after the storage announcement. */
async function askSettled(filters = DEFAULT_FILTERS, pages = 1, force = false) {
  await ask(filters, pages, force);
  await service.whenIdle();
  return ask(filters, pages);
}

describe('cache', () => {
  it('answers at once with nothing, fetches in the background, then serves the cache', async () => {
    const first = await ask();
    expect(first).toMatchObject({ items: [], refreshing: true, fetchedAt: null, source: 'live' });
    await service.whenIdle();
    const second = await ask();
    expect(second.items).toHaveLength(20);
    expect(second.items[0]).toMatchObject({ name: 'all_regions7r1', rank: 1 });
    expect(second).toMatchObject({
      refreshing: false,
      stale: false,
      fetchedAt: START,
      error: null,
    });
    expect(second).toMatchObject({ pagesLoaded: 1, total: 100, hasMore: true });
    expect(api.calls).toHaveLength(1);
    expect(api.calls[0]).toMatchObject({ key: KEY, page: 1, filters: DEFAULT_FILTERS });
  });

  it('serves a fresh cache without a request', async () => {
    await askSettled();
    advance(11 * HOUR);
    for (let i = 0; i < 5; i++) expect((await ask()).refreshing).toBe(false);
    expect(api.calls).toHaveLength(1);
  });

  it('serves a stale cache at once and refreshes it in the background', async () => {
    await askSettled();
    advance(12 * HOUR);
    api.setVersion('v2');
    const held = api.held();
    api.next(held.behaviour);
    const stale = await ask();
    expect(stale).toMatchObject({ stale: true, refreshing: true, fetchedAt: START });
    expect(stale.items[0]!.name).toBe('all_regions7r1');
    held.release();
    await service.whenIdle();
    const fresh = await ask();
    expect(fresh).toMatchObject({ stale: false, refreshing: false, fetchedAt: START + 12 * HOUR });
    expect(fresh.items[0]!.name).toBe('all_regions7v2r1');
    expect(api.calls).toHaveLength(2);
  });

  it('follows the refresh hours the user set', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, refreshHours: 2 });
    await askSettled();
    advance(2 * HOUR);
    expect((await ask()).refreshing).toBe(true);
  });

  it('shares one request among concurrent asks for one entry', async () => {
    const held = api.held();
    api.next(held.behaviour);
    const views = await Promise.all([ask(), ask(), ask(), service.getHighlightSet()]);
    expect(views.slice(0, 3).every((v) => 'refreshing' in v && v.refreshing)).toBe(true);
    held.release();
    await service.whenIdle();
    expect(api.calls).toHaveLength(1);
  });

  it('does not take a read made while a refresh landed for settled, nor fetch again', async () => {
    const held = api.held();
    api.next(held.behaviour);
    await ask();
    const local = fakeBrowser.storage.local;
    const realGet = local.get.bind(local);
    let landed = false;
    vi.spyOn(local, 'get').mockImplementation(async (keys) => {
      const result = await realGet(keys);
      if (!landed && JSON.stringify(keys ?? null).includes('trending:cache:')) {
        landed = true;
        held.release();
        await service.whenIdle();
      }
      return result;
    });
    const view = await ask();
    expect(landed).toBe(true);
    expect(view.items).toHaveLength(0);
    expect(view.refreshing).toBe(true);
    await service.whenIdle();
    expect(api.calls).toHaveLength(1);
    expect((await ask()).items).toHaveLength(20);
  });

  it('forces a refresh of a fresh page when asked', async () => {
    await askSettled();
    await askSettled(DEFAULT_FILTERS, 1, true);
    expect(api.calls).toHaveLength(2);
  });

  it('loads further pages only when asked, and keeps filter sets apart', async () => {
    await askSettled();
    expect(api.calls.map((c) => c.page)).toEqual([1]);
    const two = await askSettled(DEFAULT_FILTERS, 2);
    expect(api.calls.map((c) => c.page)).toEqual([1, 2]);
    expect(two.items.map((i) => i.rank)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(two).toMatchObject({ pagesLoaded: 2, hasMore: true });
    const five = await askSettled(DEFAULT_FILTERS, 9);
    expect(five).toMatchObject({ pagesLoaded: 5, hasMore: false });
    expect(five.items).toHaveLength(100);
    const us = await askSettled(US);
    expect(us.items[0]!.name).toBe('us7r1');
    expect(api.calls).toHaveLength(6);
    expect(await fakeBrowser.storage.local.get(cacheKey(US, 1))).toHaveProperty([cacheKey(US, 1)]);
  });

  it('says when the next page is cached and fresh, so "Show more" costs nothing', async () => {
    expect((await askSettled()).nextPageCached).toBe(false);
    await askSettled(DEFAULT_FILTERS, 2);
    const one = await askSettled(DEFAULT_FILTERS, 1);
    expect(one).toMatchObject({ pagesLoaded: 1, nextPageCached: true });
    expect(api.calls.map((c) => c.page)).toEqual([1, 2]);
    advance(13 * HOUR);
    expect((await ask(DEFAULT_FILTERS, 1)).nextPageCached).toBe(false);
  });

  it('keeps a cached list when the API answers with an empty one, and does not ask again', async () => {
    await askSettled();
    advance(13 * HOUR);
    api.next(emptyPage());
    const view = await askSettled();
    expect(view.items).toHaveLength(20);
    expect(view).toMatchObject({ error: null, stale: false, fetchedAt: START });
    await ask();
    expect(api.calls).toHaveLength(2);
  });

  it('shows an empty first answer as no data, not as an error', async () => {
    api.next(emptyPage());
    const view = await askSettled(US);
    expect(view).toMatchObject({ items: [], error: null, total: 0, hasMore: false, stale: false });
    expect(view.fetchedAt).toBe(START);
  });
});

describe('errors keep the last good list', () => {
  it.each([
    ['bad-request', 400],
    ['forbidden', 403],
    ['bad-response', 200],
  ] as const)('%s: shown with the cached list; not retried on every ask', async (kind, status) => {
    await askSettled();
    advance(12 * HOUR);
    api.respondWith(failWith(kind, `api says ${kind}`, status));
    const view = await askSettled();
    expect(view.items).toHaveLength(20);
    expect(view.error).toEqual({ kind, message: `api says ${kind}`, status });
    for (let i = 0; i < 3; i++) await ask();
    expect(api.calls).toHaveLength(2);
    advance(ENTRY_RETRY_MS);
    await askSettled();
    expect(api.calls).toHaveLength(3);
  });

  it('a later success clears the error', async () => {
    api.next(failWith('bad-response'));
    expect((await askSettled()).error?.kind).toBe('bad-response');
    await askSettled(DEFAULT_FILTERS, 1, true);
    expect((await ask()).error).toBeNull();
  });
});

describe('back-off after 429 and 5xx', () => {
  it.each(['rate-limited', 'server'] as const)(
    '%s: waits, doubles the wait, caps it, resets on success',
    async (kind) => {
      api.respondWith(failWith(kind, 'slow down'));
      const first = await askSettled();
      expect(first.error).toMatchObject({
        kind,
        message: 'slow down',
        retryAt: START + BACKOFF_BASE_MS,
      });
      await ask();
      await ask(DEFAULT_FILTERS, 1, true);
      await ask(US);
      expect(api.calls).toHaveLength(1);

      advance(BACKOFF_BASE_MS);
      expect((await askSettled()).error?.retryAt).toBe(Date.now() + 2 * BACKOFF_BASE_MS);
      expect(api.calls).toHaveLength(2);
      for (let i = 0; i < 10; i++) {
        advance((await readGates()).backoff!.until - Date.now());
        await askSettled();
      }
      const gates = await readGates();
      expect(gates.backoff!.until - Date.now()).toBe(BACKOFF_CAP_MS);

      advance(BACKOFF_CAP_MS);
      api.respondWith(api.ok);
      const ok = await askSettled();
      expect(ok.error).toBeNull();
      expect(ok.items).toHaveLength(20);
      expect((await readGates()).backoff).toBeNull();
    },
  );

  it('keeps the back-off across a worker restart', async () => {
    api.next(failWith('server'));
    await askSettled();
    service = createTrendingService(api.fetchPage);
    await ask();
    expect(api.calls).toHaveLength(1);
  });

  it('lets the user retry at once after a network failure, and gives the credits back', async () => {
    api.next(failWith('offline'));
    expect((await askSettled()).error?.kind).toBe('offline');
    expect((await creditStatus(100)).creditsToday).toBe(0);
    await ask();
    expect(api.calls).toHaveLength(1);
    await askSettled(DEFAULT_FILTERS, 1, true);
    expect(api.calls).toHaveLength(2);
    expect((await creditStatus(100)).creditsToday).toBe(2);
  });

  it('counts a request whose answer broke off: the API answered, so it was charged', async () => {
    api.next(
      failWith('offline', 'The connection to keyapi.ai broke while its answer arrived.', 200),
    );
    expect((await askSettled()).error?.kind).toBe('offline');
    expect(api.calls).toHaveLength(1);
    expect((await creditStatus(100)).creditsToday).toBe(2);
  });

  it('says so when the browser withdrew the permission to reach the API', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    api.next(failWith('offline'));
    expect((await askSettled()).error).toEqual({
      kind: 'offline',
      message: t('apiNoAccess'),
      retryAt: START + BACKOFF_BASE_MS,
    });
  });

  it('counts a timed out request', async () => {
    api.next(failWith('timeout'));
    expect((await askSettled()).error?.kind).toBe('timeout');
    expect((await creditStatus(100)).requestsToday).toBe(1);
  });
});

describe('out of credits (402)', () => {
  it('stops until the day changes', async () => {
    await askSettled();
    advance(12 * HOUR);
    api.respondWith(failWith('out-of-credits', 'apiKey quota is not enough', 402));
    const view = await askSettled();
    expect(view.items).toHaveLength(20);
    expect(view.error).toMatchObject({
      kind: 'out-of-credits',
      message: 'apiKey quota is not enough',
      retryAt: nextLocalMidnight(Date.now()),
    });
    advance(2 * HOUR);
    await ask();
    await ask(US);
    expect(api.calls).toHaveLength(2);
    vi.setSystemTime(nextLocalMidnight(Date.now()) + 60_000);
    api.respondWith(api.ok);
    expect((await askSettled()).error).toBeNull();
    expect(api.calls).toHaveLength(3);
  });

  it('lets one request through when the user asks', async () => {
    api.next(failWith('out-of-credits'));
    await askSettled();
    await askSettled(DEFAULT_FILTERS, 1, true);
    expect(api.calls).toHaveLength(2);
    expect((await readGates()).outOfCredits).toBeNull();
  });
});

describe('invalid key (401)', () => {
  it('stops all requests and says so, even over a fresh cache, until a new key', async () => {
    await askSettled();
    advance(12 * HOUR);
    api.respondWith(failWith('invalid-key', 'apiKey is invalid', 401));
    expect((await askSettled()).error).toMatchObject({
      kind: 'invalid-key',
      message: 'apiKey is invalid',
    });
    await ask(DEFAULT_FILTERS, 1, true);
    await ask(US);
    expect(api.calls).toHaveLength(2);
    expect((await ask(US)).error?.kind).toBe('invalid-key');
  });
});

describe('credits', () => {
  it('counts 2 credits a request per local day and stops at the budget, serving the cache', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, dailyBudget: 6 });
    await askSettled(DEFAULT_FILTERS, 3);
    expect(await creditStatus(6)).toMatchObject({ requestsToday: 3, creditsToday: 6 });
    const blocked = await askSettled(US);
    expect(blocked.error).toMatchObject({
      kind: 'budget-reached',
      retryAt: nextLocalMidnight(START),
    });
    advance(12 * HOUR - 1);
    const cached = await ask(DEFAULT_FILTERS, 3);
    expect(cached.items).toHaveLength(60);
    expect(cached.error).toBeNull();
    expect(api.calls).toHaveLength(3);
    expect(cached.credits).toMatchObject({ creditsToday: 6, dailyBudget: 6 });

    vi.setSystemTime(nextLocalMidnight(START) + 60_000);
    const nextDay = await askSettled(US);
    expect(nextDay.error).toBeNull();
    expect(nextDay.credits).toMatchObject({ requestsToday: 1, creditsToday: 2 });
    expect(nextDay.credits.last7Days.at(-2)).toMatchObject({ requests: 3, credits: 6 });
    expect(api.calls).toHaveLength(4);
  });

  it('never lets concurrent refreshes overspend the budget', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, dailyBudget: 4 });
    await Promise.all([ask(DEFAULT_FILTERS, 5), ask(US, 5)]);
    await service.whenIdle();
    expect(api.calls).toHaveLength(2);
    expect((await creditStatus(4)).creditsToday).toBe(4);
    const view = await ask(DEFAULT_FILTERS, 5);
    expect(view.error?.kind).toBe('budget-reached');
  });
});

describe('no key, sample mode', () => {
  it('makes no request without a key and says why, serving what is cached', async () => {
    await askSettled();
    await apiKeyItem.removeValue();
    advance(13 * HOUR);
    const view = await ask();
    expect(view.error?.kind).toBe('no-key');
    expect(view.items).toHaveLength(20);
    expect(api.calls).toHaveLength(1);
  });

  it('serves the sample without a request or a credit', async () => {
    await sampleModeItem.setValue(true);
    const view = await ask(US, 2, true);
    expect(view).toMatchObject({
      source: 'sample',
      error: null,
      refreshing: false,
      pagesLoaded: 2,
    });
    expect(view.items).toHaveLength(40);
    expect(view.items.map((i) => i.rank)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const highlight = await service.getHighlightSet();
    expect(highlight.source).toBe('sample');
    expect(highlight.tags).toHaveLength(20);
    await service.refreshDefaults();
    expect(api.calls).toHaveLength(0);
    expect((await creditStatus(100)).creditsToday).toBe(0);
  });
});

describe('history', () => {
  it('gives yesterday’s ranks from the local history', async () => {
    await askSettled();
    expect((await ask()).rankYesterday).toEqual({});
    vi.setSystemTime(nextLocalMidnight(START) + 10 * HOUR);
    const today = await askSettled();
    expect(today.rankYesterday['all_regions7r1']).toBe(1);
    expect(today.rankYesterday['all_regions7r20']).toBe(20);
    expect(Object.keys(today.rankYesterday)).toHaveLength(20);
  });
});

describe('highlight set', () => {
  it('gives names, ranks, movement and trend of the default filters to the depth asked', async () => {
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      defaults: US,
      highlight: { enabled: true, depth: 40, style: 'marker' },
    });
    await service.getHighlightSet();
    await service.whenIdle();
    const set = await service.getHighlightSet();
    expect(api.calls.map((c) => [c.filters.region, c.page])).toEqual([
      ['US', 1],
      ['US', 2],
    ]);
    expect(set).toMatchObject({ enabled: true, style: 'marker', source: 'live', fetchedAt: START });
    expect(set.tags).toHaveLength(40);
    expect(Object.keys(set.tags[0]!).sort()).toEqual(
      ['movement', 'name', 'posts', 'rank', 'rankDiff', 'trend', 'views'].sort(),
    );
    expect(set.tags[0]!.trend).toEqual([0.4, 0.8, 1]);
    expect(JSON.stringify(set)).not.toContain(KEY);
  });

  it('asks nothing when highlighting and the caption assistant are off', async () => {
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      highlight: { ...DEFAULT_SETTINGS.highlight, enabled: false },
      caption: { enabled: false },
    });
    expect(await service.getHighlightSet()).toMatchObject({
      enabled: false,
      tags: [],
      caption: { enabled: false, selection: [] },
    });
    expect(api.calls).toHaveLength(0);
  });

  it('gives the caption assistant the first page when highlighting is off', async () => {
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      highlight: { enabled: false, depth: 60, style: 'underline' },
    });
    await service.getHighlightSet();
    await service.whenIdle();
    const set = await service.getHighlightSet();
    expect(api.calls.map((c) => c.page)).toEqual([1]);
    expect(set).toMatchObject({ enabled: false, caption: { enabled: true, selection: [] } });
    expect(set.tags).toHaveLength(20);
  });

  it('adds the popup selection (session storage), validated, in the order picked', async () => {
    await captionSelectionItem.setValue(['Dance', '#fyp', 'not a tag', 'dance', 'café']);
    const set = await service.getHighlightSet();
    expect(set.caption).toEqual({ enabled: true, selection: ['Dance', 'fyp', 'café'] });
    expect(await fakeBrowser.storage.session.get('captionSelection')).toEqual({
      captionSelection: ['Dance', '#fyp', 'not a tag', 'dance', 'café'],
    });
  });

  it('reads a damaged selection as none, and sends none while the assistant is off', async () => {
    await fakeBrowser.storage.session.set({ captionSelection: { broken: true } });
    expect((await service.getHighlightSet()).caption).toEqual({ enabled: true, selection: [] });
    await captionSelectionItem.setValue(['fyp']);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, caption: { enabled: false } });
    expect((await service.getHighlightSet()).caption).toEqual({ enabled: false, selection: [] });
  });

  it('gives the sample to the assistant too, marked as sample', async () => {
    await sampleModeItem.setValue(true);
    const set = await service.getHighlightSet();
    expect(set.source).toBe('sample');
    expect(set.caption?.enabled).toBe(true);
    expect(api.calls).toHaveLength(0);
  });
});

describe('stored entries', () => {
  it('migrates a version 1 entry', async () => {
    const v1 = {
      schemaVersion: 1,
      fetchedAt: START - HOUR,
      data: {
        total: 100,
        hasMore: true,
        items: [
          {
            id: '1',
            name: 'old',
            rank: 1,
            movement: 'sideways',
            country: null,
            industry: null,
            promoted: false,
            trend: [],
            creators: [],
            posts: 1,
            views: 2,
          },
        ],
      },
    };
    await fakeBrowser.storage.local.set({ [cacheKey(DEFAULT_FILTERS, 1)]: v1 });
    const view = await ask();
    expect(view.items).toEqual([{ ...v1.data.items[0], movement: 'none', rankDiff: null }]);
    expect(view).toMatchObject({ fetchedAt: START - HOUR, stale: false, refreshing: false });
    expect(await readEntry(DEFAULT_FILTERS, 1)).toMatchObject({
      schemaVersion: 2,
      checkedAt: START - HOUR,
    });
    expect(api.calls).toHaveLength(0);
  });

  it.each([
    ['an unknown version', { schemaVersion: 99, data: null }],
    ['a damaged entry', { schemaVersion: 2, data: { items: 'x' } }],
    ['not an object', 'garbage'],
  ])('drops %s and fetches anew', async (_name, raw) => {
    await fakeBrowser.storage.local.set({ [cacheKey(DEFAULT_FILTERS, 1)]: raw });
    const view = await askSettled();
    expect(view.items).toHaveLength(20);
    expect(api.calls).toHaveLength(1);
  });
});

describe('testing the key', () => {
  it('shares the request with a refresh of the same page under way, and the other way round', async () => {
    const held = api.held();
    api.next(held.behaviour);
    await ask();
    const tested = service.testKey(KEY);
    await ask(DEFAULT_FILTERS, 1, true);
    // Time for the test's reads (the vault answers in later tasks) to reach the shared request.
    await new Promise((done) => setTimeout(done, 100));
    held.release();
    expect(await tested).toEqual({ valid: true });
    await service.whenIdle();
    expect(api.calls).toHaveLength(1);
    expect((await creditStatus(100)).requestsToday).toBe(1);

    advance(13 * HOUR);
    const again = api.held();
    api.next(again.behaviour);
    const test2 = service.testKey(KEY);
    await new Promise((done) => setTimeout(done, 100));
    await ask();
    again.release();
    expect(await test2).toEqual({ valid: true });
    await service.whenIdle();
    expect(api.calls).toHaveLength(2);
  });

  it("sends a typed key on its own, even while the saved key's request is under way", async () => {
    const held = api.held();
    api.next(held.behaviour);
    await ask();
    const tested = service.testKey('sk_live_another0000000001');
    held.release();
    expect(await tested).toEqual({ valid: true });
    await service.whenIdle();
    expect(api.calls.map((c) => c.key)).toEqual([KEY, 'sk_live_another0000000001']);
  });
});

describe('browser storage full', () => {
  /** Makes storage.local refuse writes of the given filter set's page 1, `times` times (or always). */
  function refuseWrites(filters: TrendFilters, times = Infinity) {
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    let left = times;
    return vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if (cacheKey(filters, 1) in items && left-- > 0) {
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      return set(items);
    });
  }

  it('clears the other cached lists to save a paid answer, and says so once', async () => {
    await askSettled(US);
    advance(13 * HOUR);
    refuseWrites(DEFAULT_FILTERS, 1);
    const view = await askSettled();
    expect(view.items).toHaveLength(20);
    expect(view.storageCleared).toBe(true);
    expect(view.error).toBeNull();
    expect(await readEntry(US, 1)).toBeNull();
    expect((await ask()).storageCleared).toBeUndefined();
    expect(api.calls).toHaveLength(2);
  });

  it('backs off like a server error when even that fails, instead of paying again and again', async () => {
    refuseWrites(DEFAULT_FILTERS);
    const view = await askSettled();
    expect(view.error).toMatchObject({ kind: 'storage-full', retryAt: START + BACKOFF_BASE_MS });
    for (let i = 0; i < 5; i++) await askSettled();
    await service.refreshDefaults();
    expect(api.calls).toHaveLength(1);
    expect((await creditStatus(100)).requestsToday).toBe(1);
    advance(BACKOFF_BASE_MS);
    expect((await askSettled()).error).toMatchObject({
      kind: 'storage-full',
      retryAt: Date.now() + 2 * BACKOFF_BASE_MS,
    });
    expect(api.calls).toHaveLength(2);
  });
});
