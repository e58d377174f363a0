/**
 * Watching through the real background on WXT's fake browser: every successful refresh of the
 * default filters is compared (popup, Refresh, alarm, content script, key test), a failed one is
 * not, events reach the badge and (when allowed) one notification, and the messages answer the
 * views and the hover card.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import background from '@/entrypoints/background';
import { localDay } from '@/lib/format';
import { apiItem, okBody } from '@/lib/keyapi/testing';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { sampleModeItem, settingsItem } from '@/lib/storage';
import { apiKeyItem } from '@/lib/vault';
import { REFRESH_ALARM } from '@/lib/trending/schedule';
import { DEFAULT_FILTERS, PAGE_SIZE } from '@/lib/trending/types';
import { flush as flushRounds, sendAs, SENDERS } from '@/lib/trending/testing';
import { CHANGES_NOTIFICATION } from './notify';
import { changesItem, snapshotItem, unwatchedItem, watchlistItem } from './store';
import type { ChangeEvent, ChangesView, WatchState, WatchView } from './types';

const KEY = 'sk_live_0123456789abcdef9f2c';
const ID = 'test-extension-id';
const START = new Date(2026, 10, 26, 9, 0, 0).getTime();
const HOUR = 3_600_000;
const PURPLE = [118, 39, 187, 255];
const BLUE = [26, 115, 232, 255];

const { contentScript } = SENDERS;

let fetchMock: ReturnType<typeof vi.fn>;
/** The ranking the API serves: name → rank; every other rank is `fillerN`. */
let placed: Record<string, number>;
let failWith: number | null;

function pageBody(page: number) {
  const items = Array.from({ length: PAGE_SIZE }, (_, i) => {
    const rank = (page - 1) * PAGE_SIZE + i + 1;
    const name = Object.entries(placed).find(([, r]) => r === rank)?.[0] ?? `filler${rank}`;
    return apiItem(rank, { hashtag_name: name, hashtag_id: `id-${name}` });
  });
  return okBody(items, page);
}

async function flush() {
  await flushRounds(30);
}

const send = sendAs;

/** The popup's Refresh: page 1 of the default filters, fetched now. */
async function refresh(pages = 1) {
  await send('getTrending', { filters: DEFAULT_FILTERS, pages, force: true });
}

async function events(): Promise<string[]> {
  const reply = await send<ChangesView>('getChanges', undefined);
  return reply.value!.events.map(
    (e) => `${e.kind} ${e.tag} ${e.oldRank ?? '-'}→${e.newRank ?? '-'}`,
  );
}

async function watch(...names: string[]) {
  for (const name of names) {
    const reply = await send<WatchState>('setWatched', { name, watched: true });
    expect(reply, name).toMatchObject({ ok: true });
  }
}

async function saveSettings(change: (s: Settings) => void) {
  const settings = structuredClone(DEFAULT_SETTINGS);
  change(settings);
  await settingsItem.setValue(settings);
}

async function start() {
  background.main!();
  await flush();
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
  placed = {};
  failWith = null;
  fetchMock = vi.fn(async (url: string) => {
    if (failWith) {
      return new Response(JSON.stringify({ code: failWith, data: null, message: 'no' }), {
        status: failWith,
        headers: { 'content-type': 'application/json' },
      });
    }
    const page = Number(new URL(url).searchParams.get('page'));
    return new Response(JSON.stringify(pageBody(page)), {
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  await apiKeyItem.setValue(KEY);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('change detection after refreshes', () => {
  it('compares every refresh of the default filters with the one before, from the second on', async () => {
    await start();
    await watch('booktok', 'cats', 'dogs');
    placed = { booktok: 14, cats: 3, dogs: 10 };
    await refresh();
    expect(await events()).toEqual([]);
    expect(await snapshotItem.getValue()).toMatchObject({ depth: 20, pagesFetchedAt: [START] });

    vi.setSystemTime(START + HOUR);
    placed = { cats: 12, dogs: 8 };
    await refresh();
    expect(await events()).toEqual(['dropped booktok 14→-', 'down cats 3→12']);

    // The same ranking fetched again: nothing new.
    vi.setSystemTime(START + 2 * HOUR);
    await refresh();
    expect(await events()).toHaveLength(2);
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('counts the alarm, the hover card set and a key test as refreshes too', async () => {
    await start();
    await watch('cats');
    placed = { cats: 3 };
    await fakeBrowser.alarms.onAlarm.trigger({ name: REFRESH_ALARM, scheduledTime: START });
    await flush();
    expect(await snapshotItem.getValue()).not.toBeNull();

    vi.setSystemTime(START + 13 * HOUR);
    placed = { cats: 19 };
    await fakeBrowser.alarms.onAlarm.trigger((await fakeBrowser.alarms.get(REFRESH_ALARM))!);
    await flush();
    expect(await events()).toEqual(['down cats 3→19']);

    vi.setSystemTime(START + 26 * HOUR);
    placed = { cats: 2 };
    await send('getHighlightSet', undefined, contentScript);
    expect(await events()).toEqual(['up cats 19→2', 'down cats 3→19']);

    vi.setSystemTime(START + 27 * HOUR);
    placed = {};
    await send('testKey', {});
    expect((await events())[0]).toBe('dropped cats 2→-');
  });

  it('stores no event and keeps the snapshot when a refresh fails', async () => {
    await start();
    await watch('cats');
    placed = { cats: 3 };
    await refresh();
    const before = await snapshotItem.getValue();

    vi.setSystemTime(START + HOUR);
    failWith = 400;
    await refresh();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(await events()).toEqual([]);
    expect(await snapshotItem.getValue()).toEqual(before);

    // The next good refresh is compared with the last good one.
    vi.setSystemTime(START + 2 * HOUR);
    failWith = null;
    placed = { cats: 15 };
    await refresh();
    expect(await events()).toEqual(['down cats 3→15']);
  });

  it('compares only the whole top N of the highlight depth, once all its pages are fetched', async () => {
    await saveSettings((s) => (s.highlight.depth = 40));
    await start();
    await watch('cats');
    placed = { cats: 30 };
    await refresh(1);
    expect(await snapshotItem.getValue()).toBeNull();
    await send('getHighlightSet', undefined, contentScript);
    expect(await snapshotItem.getValue()).toMatchObject({ depth: 40 });

    // The Refresh button refreshes page 1 only; page 2 still shows the old ranks: no comparison.
    vi.setSystemTime(START + HOUR);
    placed = { cats: 4 };
    await refresh(1);
    expect(await events()).toEqual([]);
    // Once page 2 is fetched anew too, the whole top 40 is compared.
    vi.setSystemTime(START + 13 * HOUR);
    await send('getHighlightSet', undefined, contentScript);
    expect(await events()).toEqual(['up cats 30→4']);
  });

  it('says nothing when the default filters or the depth change', async () => {
    await start();
    await watch('cats');
    placed = { cats: 3 };
    await refresh();
    await saveSettings((s) => (s.defaults = { ...DEFAULT_FILTERS, region: 'US' }));
    placed = { cats: 40 };
    await send('getTrending', { filters: { ...DEFAULT_FILTERS, region: 'US' }, pages: 1 });
    await send('getHighlightSet', undefined, contentScript);
    expect(await events()).toEqual([]);
    expect(await snapshotItem.getValue()).toMatchObject({ filters: { region: 'US' } });
  });

  it('never alerts on sample data', async () => {
    await start();
    await watch('cats');
    placed = { cats: 3 };
    await refresh();
    await sampleModeItem.setValue(true);
    const before = await snapshotItem.getValue();
    vi.setSystemTime(START + HOUR);
    placed = { cats: 50 };
    // A key test writes page 1 of the default filters even in sample mode.
    await send('testKey', {});
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(await events()).toEqual([]);
    expect(await snapshotItem.getValue()).toEqual(before);
  });

  it('reports newcomers to the top 20 when the setting asks', async () => {
    await saveSettings((s) => (s.alerts = { minMove: 5, newcomers: true }));
    await start();
    placed = { cats: 3 };
    await refresh();
    vi.setSystemTime(START + HOUR);
    placed = { cats: 3, gymtok: 9 };
    await refresh();
    expect(await events()).toEqual(['newcomer gymtok -→9']);
  });
});

describe('badge and notification', () => {
  async function twoChanges() {
    await watch('cats', 'dogs');
    placed = { cats: 3, dogs: 4 };
    await refresh();
    vi.setSystemTime(START + HOUR);
    placed = { cats: 13 };
    await refresh();
  }

  it('counts unseen changes on the toolbar, in their own colour and words, until seen', async () => {
    await start();
    await twoChanges();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual(PURPLE);
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Hashtag Radar: 2 unseen changes in your watchlist',
    );
    const seen = await send<ChangesView>('markChangesSeen', {});
    expect(seen.value!.unseen).toBe(0);
    await flush();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('Hashtag Radar');
  });

  it('never confuses the page count with the changes: a tab without its own count shows the changes', async () => {
    await start();
    await send('reportPageTags', { count: 5 }, contentScript);
    await twoChanges();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('5');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 7 })).toEqual(BLUE);
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe(
      'Hashtag Radar: 5 trending hashtags on this page',
    );
    await send('reportPageTags', { count: 0 }, contentScript);
    // The tab's own text is cleared, so the browser shows the global text there (the fake browser
    // does not fall back; the real-browser test checks it); colour and title are the changes'.
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 7 })).toEqual(PURPLE);
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe(
      'Hashtag Radar: 2 unseen changes in your watchlist',
    );
    // When the changes are seen, the tab's title follows the global badge.
    await send('markChangesSeen', {});
    await flush();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe('Hashtag Radar');
  });

  it('shows one notification for a refresh when allowed, and opens the Changes view on a click', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await start();
    await twoChanges();
    const shown = await fakeBrowser.notifications.getAll();
    expect(Object.keys(shown)).toEqual([CHANGES_NOTIFICATION]);
    expect(shown[CHANGES_NOTIFICATION]).toMatchObject({
      type: 'basic',
      title: 'Hashtag Radar: your watchlist',
      message: '#dogs dropped out of the top 20 (was #4); 1 more change',
      iconUrl: `chrome-extension://${ID}/icon/128.png`,
    });
    await fakeBrowser.notifications.onClicked.trigger(CHANGES_NOTIFICATION);
    await flush();
    expect(create).toHaveBeenCalledWith({ url: `chrome-extension://${ID}/popup.html#changes` });
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('shows no notification without the permission, nor for a refresh without changes', async () => {
    await start();
    await twoChanges();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});

    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    vi.setSystemTime(START + 2 * HOUR);
    await refresh();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });
});

describe('watch messages', () => {
  it('watches and unwatches, with the rank where it stood, and refuses bad names with a reason', async () => {
    placed = { BookTok: 14 };
    await start();
    await refresh();
    expect(await send('setWatched', { name: '#booktok', watched: true })).toEqual({
      ok: true,
      value: { name: 'booktok', watched: true, count: 1 },
    });
    expect(await watchlistItem.getValue()).toEqual([
      {
        name: 'booktok',
        since: START,
        start: { filters: 'all_regions|7|nothing|all', depth: 20, rank: 14 },
      },
    ]);
    // Watching twice keeps one.
    expect(
      (await send<WatchState>('setWatched', { name: 'BOOKTOK', watched: true })).value,
    ).toEqual({ name: 'booktok', watched: true, count: 1 });
    expect(await send('setWatched', { name: 'book tok', watched: true })).toEqual({
      ok: false,
      error:
        '"book tok" is not a hashtag: use letters, digits and _ only, without spaces, e.g. #booktok.',
    });
    expect(await send('setWatched', { name: 'cats' })).toMatchObject({ ok: false });
    expect(await send('setWatched', { name: 'BookTok', watched: false })).toEqual({
      ok: true,
      value: { name: 'BookTok', watched: false, count: 0 },
    });
  });

  it('watching again within 10 minutes of unwatching keeps its start (an undo); later starts anew', async () => {
    placed = { booktok: 14 };
    await start();
    await refresh();
    await watch('booktok');
    const first = { filters: 'all_regions|7|nothing|all', depth: 20, rank: 14 };
    vi.setSystemTime(START + HOUR);
    placed = { booktok: 3 };
    await refresh();
    const unwatch = () => send('setWatched', { name: 'booktok', watched: false });

    await unwatch();
    expect(await watchlistItem.getValue()).toEqual([]);
    vi.setSystemTime(START + HOUR + 9 * 60_000);
    await send('setWatched', { name: 'BookTok', watched: true });
    expect(await watchlistItem.getValue()).toEqual([
      { name: 'BookTok', since: START, start: first },
    ]);
    // Used once: the memory of it is gone.
    expect(await unwatchedItem.getValue()).toEqual([]);

    await unwatch();
    vi.setSystemTime(START + 2 * HOUR);
    await watch('booktok');
    expect(await watchlistItem.getValue()).toEqual([
      { name: 'booktok', since: START + 2 * HOUR, start: { ...first, rank: 3 } },
    ]);

    // A damaged memory is no memory: watching goes on.
    await unwatch();
    await unwatchedItem.setValue('garbage' as never);
    vi.setSystemTime(START + 2 * HOUR + 60_000);
    await watch('booktok');
    expect((await watchlistItem.getValue())[0]!.since).toBe(START + 2 * HOUR + 60_000);
  });

  it('keeps at most 50 and says so', async () => {
    await start();
    for (let i = 0; i < 50; i++) await watch(`tag${i}`);
    expect(await send('setWatched', { name: 'one_more', watched: true })).toEqual({
      ok: false,
      error:
        'You already watch 50 hashtags, the most Hashtag Radar keeps. Stop watching one first.',
    });
    expect(await watchlistItem.getValue()).toHaveLength(50);
  });

  it('lets the content script watch only tags of its highlight set, 10 times a minute', async () => {
    placed = { cats: 3 };
    await start();
    await refresh();
    expect(await send('setWatched', { name: 'notTrending', watched: true }, contentScript)).toEqual(
      {
        ok: false,
        error: '#notTrending is not on the trending list this page was given.',
      },
    );
    expect(await send('setWatched', { name: 'cats', watched: true }, contentScript)).toMatchObject({
      ok: true,
    });
    const set = await send<{ watched: string[] }>('getHighlightSet', undefined, contentScript);
    expect(set.value!.watched).toEqual(['cats']);
    for (let i = 0; i < 8; i++)
      await send('setWatched', { name: 'cats', watched: i % 2 === 0 }, contentScript);
    expect(await send('setWatched', { name: 'cats', watched: true }, contentScript)).toEqual({
      ok: false,
      error: 'Too many requests.',
    });
    for (const type of ['getWatchlist', 'getChanges', 'markChangesSeen']) {
      expect(await send(type, {}, contentScript), type).toEqual({
        ok: false,
        error: 'Not allowed.',
      });
    }
  });

  it('gives the Watching view each tag with its rank now, its movement, history and when it dropped out', async () => {
    await start();
    placed = { cats: 12, dogs: 4 };
    await refresh();
    await watch('cats', 'dogs', 'never');
    vi.setSystemTime(START + HOUR);
    placed = { cats: 5 };
    await refresh();
    const view = (await send<WatchView>('getWatchlist', undefined)).value!;
    expect(view).toMatchObject({ filters: DEFAULT_FILTERS, depth: 20, source: 'live', max: 50 });
    expect(view.fetchedAt).toBe(START + HOUR);
    expect(view.tags).toEqual([
      {
        name: 'cats',
        since: START,
        rank: 5,
        start: { filters: 'all_regions|7|nothing|all', depth: 20, rank: 12 },
        moved: 7,
        series: [{ day: localDay(START), rank: 5 }],
        outSince: null,
      },
      expect.objectContaining({ name: 'dogs', rank: null, moved: null, outSince: START + HOUR }),
      expect.objectContaining({
        name: 'never',
        rank: null,
        start: expect.objectContaining({ rank: null }),
        outSince: null,
      }),
    ]);
  });

  it('repairs a damaged watchlist and event list instead of failing', async () => {
    await fakeBrowser.storage.sync.set({
      watchlist: [{ name: 'cats', since: START, start: null }, 'junk', { name: 'a b' }],
    });
    await fakeBrowser.storage.local.set({
      'watch:changes': { broken: true },
      'watch:snapshot': 'x',
    });
    await start();
    const view = await send<WatchView>('getWatchlist', undefined);
    expect(view.value!.tags.map((t) => t.name)).toEqual(['cats']);
    expect(await send('getChanges', undefined)).toEqual({
      ok: true,
      value: { events: [], unseen: 0 },
    });
    expect(await watchlistItem.getValue()).toEqual([{ name: 'cats', since: START, start: null }]);
    expect(await changesItem.getValue()).toEqual([]);
    placed = { cats: 3 };
    await refresh();
    expect(await snapshotItem.getValue()).toMatchObject({ depth: 20 });
  });

  it('marks seen only up to what the view showed', async () => {
    await start();
    const old: ChangeEvent = {
      id: 'a',
      tag: 'cats',
      kind: 'up',
      oldRank: 9,
      newRank: 2,
      filters: DEFAULT_FILTERS,
      depth: 20,
      time: START - HOUR,
      seen: false,
    };
    await changesItem.setValue([{ ...old, id: 'b', time: START }, old]);
    const reply = await send<ChangesView>('markChangesSeen', { upTo: START - 1 });
    expect(reply.value!.unseen).toBe(1);
    expect(reply.value!.events.map((e) => e.seen)).toEqual([false, true]);
  });
});
