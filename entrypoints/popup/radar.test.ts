import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ExtensionStatus } from '../../lib/messaging';
import { DEFAULT_FILTERS, type TrendFilters, type TrendView } from '../../lib/trending/types';
import { INITIAL_RADAR_STATE, createRadar, derive, tagFromHash, type RadarState } from './radar';
import { cachedPage, CREDITS, hashtag, storeCache, trendView } from './testing';

const credits = CREDITS;

function view(filters: TrendFilters, over: Partial<TrendView> = {}): TrendView {
  return trendView({ filters, items: [hashtag(3), hashtag(1), hashtag(2)], ...over });
}

const status: ExtensionStatus = {
  keySet: true,
  keyHint: null,
  keyInvalid: false,
  sampleMode: false,
  credits,
};

type Req = { filters: TrendFilters; pages: number; force?: boolean };

function fakeSend(answer: (req: Req) => TrendView | Promise<TrendView> = (r) => view(r.filters)) {
  const calls: Req[] = [];
  const send = vi.fn(async (type: string, data?: unknown) => {
    if (type === 'getStatus') return status;
    calls.push(data as Req);
    return answer(data as Req);
  });
  return { send: send as never, calls };
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** A background that answers each list request only when the test calls `answer()`. */
function heldSend() {
  let answer!: () => void;
  const fake = fakeSend(async (r) => {
    await new Promise<void>((res) => (answer = res));
    return view(r.filters);
  });
  return { ...fake, answer: () => answer() };
}

describe('radar', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens with the options’ default filters and asks for one page', async () => {
    const defaults = { region: 'FR', period: 30, industry: 'nothing', newToTop100: false };
    await fakeBrowser.storage.sync.set({ settings: { defaults } });
    const { send, calls } = fakeSend();
    const radar = createRadar(send);
    await radar.start();
    expect(calls).toEqual([{ filters: defaults, pages: 1 }]);
    expect(radar.get().items.map((i) => i.rank)).toEqual([1, 2, 3]);
    radar.stop();
  });

  it('prefers the popup’s remembered filters, and remembers a change', async () => {
    const saved = { region: 'US', period: 120, industry: 'nothing', newToTop100: true };
    await fakeBrowser.storage.local.set({ popupFilters: saved });
    const { send, calls } = fakeSend();
    const radar = createRadar(send);
    await radar.start();
    expect(calls[0].filters).toEqual(saved);
    await radar.setFilters({ period: 7 });
    expect(calls[1]).toEqual({ filters: { ...saved, period: 7 }, pages: 1 });
    expect((await fakeBrowser.storage.local.get('popupFilters')).popupFilters).toEqual({
      ...saved,
      period: 7,
    });
    radar.stop();
  });

  it('refresh forces one page; show more asks for the next page', async () => {
    const { send, calls } = fakeSend();
    const radar = createRadar(send);
    await radar.start();
    await radar.refresh();
    expect(calls[1]).toEqual({ filters: DEFAULT_FILTERS, pages: 1, force: true });
    await radar.showMore();
    expect(calls[2]).toEqual({ filters: DEFAULT_FILTERS, pages: 2 });
    radar.stop();
  });

  it('ignores a slow answer for filters the user has left', async () => {
    let release: (() => void) | undefined;
    const { send } = fakeSend(async (r) => {
      if (r.filters.region === 'US') await new Promise<void>((res) => (release = res));
      return view(r.filters, { items: [] });
    });
    const radar = createRadar(send);
    await radar.start();
    const slow = radar.setFilters({ region: 'US' });
    await vi.waitFor(() => expect(release).toBeDefined());
    await radar.setFilters({ region: 'FR' });
    release!();
    await slow;
    expect(radar.get().filters.region).toBe('FR');
    expect(radar.get().view?.filters.region).toBe('FR');
    radar.stop();
  });

  it('asks again when a refresh it waits for writes the cache', async () => {
    let refreshing = true;
    const { send, calls } = fakeSend((r) => view(r.filters, { refreshing }));
    const radar = createRadar(send);
    await radar.start();
    expect(calls).toHaveLength(1);
    refreshing = false;
    await fakeBrowser.storage.local.set({ 'trending:all_regions|7|nothing|all:1': { x: 1 } });
    await tick(150);
    expect(calls).toHaveLength(2);
    expect(radar.get().view?.refreshing).toBe(false);
    // Not waiting any more: further cache writes do not cause requests.
    await fakeBrowser.storage.local.set({ 'trending:other': { x: 2 } });
    await tick(150);
    expect(calls).toHaveLength(2);
    radar.stop();
  });

  it('keeps asking for the page being loaded after Show more', async () => {
    let page2Cached = false;
    const { send, calls } = fakeSend((r) =>
      view(r.filters, {
        pagesLoaded: r.pages === 2 && page2Cached ? 2 : 1,
        refreshing: r.pages === 2 && !page2Cached,
      }),
    );
    const radar = createRadar(send);
    await radar.start();
    await radar.showMore();
    expect(calls[1].pages).toBe(2);
    page2Cached = true;
    await fakeBrowser.storage.local.set({ 'trending:cache:x:2': { x: 1 } });
    await tick(150);
    expect(calls[2]).toEqual({ filters: DEFAULT_FILTERS, pages: 2 });
    expect(radar.get().view?.pagesLoaded).toBe(2);
    radar.stop();
  });

  it('reloads when sample mode is switched on', async () => {
    await fakeBrowser.storage.sync.set({});
    const { send, calls } = fakeSend();
    const radar = createRadar(send);
    await radar.start();
    await radar.useSampleData();
    expect((await fakeBrowser.storage.local.get('sampleMode')).sampleMode).toBe(true);
    expect(calls.length).toBeGreaterThanOrEqual(2);
    radar.stop();
  });

  it('paints the cached list from storage, and asks the background only once it is on screen', async () => {
    await storeCache(DEFAULT_FILTERS, { 1: cachedPage(1, Date.now()) });
    const { send, calls, answer } = heldSend();
    const radar = createRadar(send);
    const started = radar.start();
    await vi.waitFor(() => expect(radar.get().items).toHaveLength(20));
    // Painted without the background: it has not even been asked yet, and nothing looks busy.
    expect(calls).toHaveLength(0);
    expect(radar.get().pending).toBe(false);
    expect(radar.get().view).toMatchObject({ fetchedAt: expect.any(Number), error: null });
    await vi.waitFor(() => expect(calls).toEqual([{ filters: DEFAULT_FILTERS, pages: 1 }]));
    expect(radar.get().pending).toBe(false);
    answer();
    await started;
    expect(radar.get().items.map((i) => i.rank)).toEqual([1, 2, 3]);
    radar.stop();
  });

  it('asks the background at once when storage has nothing to paint (the skeleton meanwhile)', async () => {
    const { send, calls, answer } = heldSend();
    const radar = createRadar(send);
    const started = radar.start();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(radar.get().view).toBeNull();
    expect(radar.get().pending).toBe(true);
    answer();
    await started;
    radar.stop();
  });

  it('keeps the painted rows as they are when the background says the same', async () => {
    const cached = cachedPage(1, Date.now());
    await storeCache(DEFAULT_FILTERS, { 1: cached });
    const { send } = fakeSend((r) => ({
      ...view(r.filters),
      fetchedAt: cached.fetchedAt,
      items: structuredClone(cached.data!.items),
    }));
    const radar = createRadar(send);
    const started = radar.start();
    await vi.waitFor(() => expect(radar.get().items).toHaveLength(20));
    const painted = radar.get().view!.items;
    await started;
    expect(radar.get().view!.items).toBe(painted);
    expect(radar.get().credits).toEqual(credits);
    radar.stop();
  });

  it('Show more shows a cached page at once and may be pressed again before the background answers', async () => {
    await storeCache(DEFAULT_FILTERS, {
      1: cachedPage(1, Date.now()),
      2: cachedPage(2, Date.now()),
      3: cachedPage(3, Date.now()),
    });
    const held: (() => void)[] = [];
    const { send, calls } = fakeSend(async (r) => {
      if (r.pages > 1) await new Promise<void>((res) => held.push(res));
      return view(r.filters, { pagesLoaded: r.pages });
    });
    const radar = createRadar(send);
    await radar.start();
    const second = radar.showMore();
    await vi.waitFor(() => expect(radar.get().items).toHaveLength(40));
    expect(radar.get().pending).toBe(false);
    const third = radar.showMore();
    await vi.waitFor(() => expect(radar.get().items).toHaveLength(60));
    await vi.waitFor(() => expect(calls.map((c) => c.pages)).toEqual([1, 2, 3]));
    held.forEach((release) => release());
    await Promise.all([second, third]);
    expect(radar.get().view?.pagesLoaded).toBe(3);
    radar.stop();
  });

  it('reports a background that does not answer', async () => {
    const radar = createRadar((async () => {
      throw new Error('Could not establish connection.');
    }) as never);
    await radar.start();
    expect(radar.get().failure).toMatch(/Could not establish/);
    expect(radar.get().pending).toBe(false);
    radar.stop();
  });
});

describe('derive', () => {
  const base: RadarState = { ...INITIAL_RADAR_STATE, started: true };

  it('never shows another filter set’s list', () => {
    const other = view({ ...DEFAULT_FILTERS, region: 'US' });
    expect(derive({ ...base, view: other }).items).toEqual([]);
    expect(derive({ ...base, view: other }).credits).toBe(credits);
  });

  it('shows the welcome only without key, sample mode and rows', () => {
    const noKey = view(DEFAULT_FILTERS, {
      items: [],
      error: { kind: 'no-key', message: 'x' },
    });
    expect(derive({ ...base, view: noKey }).needsKey).toBe(true);
    expect(derive({ ...base, status: { ...status, keySet: false } }).needsKey).toBe(true);
    expect(
      derive({ ...base, status: { ...status, keySet: false, sampleMode: true } }).needsKey,
    ).toBe(false);
    const cached = view(DEFAULT_FILTERS, { error: { kind: 'no-key', message: 'x' } });
    expect(derive({ ...base, view: cached }).needsKey).toBe(false);
  });

  it('narrows by the search query and offers more pages up to five', () => {
    const v = view(DEFAULT_FILTERS);
    expect(derive({ ...base, view: v, query: 'tag2' }).shown.map((i) => i.rank)).toEqual([2]);
    expect(derive({ ...base, view: v }).canShowMore).toBe(true);
    expect(derive({ ...base, view: { ...v, pagesLoaded: 5 } }).canShowMore).toBe(false);
    expect(derive({ ...base, view: { ...v, hasMore: false } }).canShowMore).toBe(false);
  });
});

describe('tagFromHash', () => {
  it('reads #tag=NAME', () => {
    expect(tagFromHash('#tag=booktok')).toBe('booktok');
    expect(tagFromHash('#tag=%E6%97%A5%E6%9C%AC')).toBe('日本');
    expect(tagFromHash('#tag=%23fyp')).toBe('fyp');
    expect(tagFromHash('#tag=%E0%A4%A')).toBeNull();
    expect(tagFromHash('')).toBeNull();
    expect(tagFromHash('#other=1')).toBeNull();
  });
});
