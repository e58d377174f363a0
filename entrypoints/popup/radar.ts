/**
 * The popup's state: the filters, the list shown, and the actions a person takes. It paints first
 * from its own read of storage (first-read.ts: the cached list, without waiting for the worker),
 * then asks the background (lib/messaging), which decides staleness, fetches, and answers with the
 * list and the credits; its answer is merged into what is on screen (merge.ts). Storage changes
 * only tell it when to ask again (stale-while-revalidate).
 *
 * A plain store (state object + listeners) rather than @preact/signals: the popup must stay under
 * 45 KB gzip and the signals runtime with its Preact adapter costs 2.7 KB of that.
 */
import { browser, type Browser } from 'wxt/browser';
import { sendMessage, type ExtensionStatus } from '../../lib/messaging';
import {
  DEFAULT_FILTERS,
  MAX_PAGES,
  filtersKey,
  normalizeFilters,
  type ListView,
  type TrendFilters,
  type TrendView,
} from '../../lib/trending/types';
import { filterByQuery } from '../../components/search';
import {
  mirroredFilters,
  readFirst,
  readList,
  rememberFirstRead,
  type FirstRead,
} from './first-read';
import { mergeView } from './merge';
import { enableSampleMode, PREF_KEYS, rememberFilters, touches } from './prefs';

/** Storage keys whose change means the list may have changed: the data service's cache entries. */
export const TREND_KEY_PREFIX = 'trending:';
/** If a refresh never announces its end (worker stopped mid-fetch), ask again after this long. */
export const REFRESH_FALLBACK_MS = 15_000;
const CHANGE_DEBOUNCE_MS = 60;

/** `#tag=NAME` (from "Open in Hashtag Radar" on tiktok.com): the hashtag to show, or null. */
export function tagFromHash(hash: string): string | null {
  const match = /^#?tag=(.+)$/.exec(hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]).trim().replace(/^#+/, '') || null;
  } catch {
    return null;
  }
}

export interface RadarState {
  filters: TrendFilters;
  /**
   * The list shown: the popup's own read of storage, then the background's answer (which carries
   * the credits); possibly for filters chosen before.
   */
  view: ListView | TrendView | null;
  status: ExtensionStatus | null;
  /** The background did not answer at all; the list's own errors are in the view. */
  failure: string | null;
  /** Pages of 20 the user wants shown (Show more adds one); the view may hold fewer while loading. */
  pages: number;
  pending: boolean;
  started: boolean;
  query: string;
  expanded: string | null;
  /** The background cleared other cached lists to make room (said once; kept while open). */
  storageCleared: boolean;
  /** The settings' daily budget, for messages before the background tells the credits. */
  dailyBudget: number | null;
}

/** The background's answer carries the day's credits; the popup's own read does not. */
const answered = (view: RadarState['view']): TrendView | null =>
  view && 'credits' in view ? view : null;

/** What the popup shows, derived from the state. Pure. */
export function derive(s: RadarState) {
  // Only the view of the chosen filters is shown, never another filter set's list.
  const view = s.view && filtersKey(s.view.filters) === filtersKey(s.filters) ? s.view : null;
  const items = view ? [...view.items].sort((a, b) => a.rank - b.rank) : [];
  return {
    ...s,
    view,
    items,
    shown: filterByQuery(items, s.query),
    credits: answered(view)?.credits ?? answered(s.view)?.credits ?? s.status?.credits ?? null,
    sample: view?.source === 'sample',
    /** First run: no key and no sample data, so the welcome replaces the list. */
    needsKey:
      items.length === 0 &&
      (view?.error?.kind === 'no-key' || (!!s.status && !s.status.keySet && !s.status.sampleMode)),
    canShowMore: !!view && view.hasMore && view.pagesLoaded < MAX_PAGES && items.length > 0,
  };
}

export type RadarView = ReturnType<typeof derive>;

export interface LoadOptions {
  pages: number;
  force?: boolean;
  /** Show what the cache holds at once (a filter change, Show more), before the background answers. */
  fromStorage?: boolean;
  /** Not the user's doing (the check after the first paint): the buttons do not turn busy. */
  quiet?: boolean;
}

/**
 * Resolves once what was just rendered is on screen: after the next frame (a task queued in its
 * animation frame runs after that frame is drawn), or after 100 ms where no frame comes (a hidden
 * page, tests).
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    globalThis.requestAnimationFrame?.(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** The popup before its first answer: default filters, nothing loaded, page 1. */
export const INITIAL_RADAR_STATE: Readonly<RadarState> = {
  filters: DEFAULT_FILTERS,
  view: null,
  status: null,
  failure: null,
  pages: 1,
  pending: false,
  started: false,
  query: '',
  expanded: null,
  storageCleared: false,
  dailyBudget: null,
};

export function createRadar(send: typeof sendMessage = sendMessage) {
  let state: RadarState = { ...INITIAL_RADAR_STATE };
  let derived: RadarView | null = null;
  const listeners = new Set<() => void>();

  let seq = 0;
  /** Counts cache writes seen, so a reply that raced a write is noticed. */
  let trendWrites = 0;
  let fallbackTimer: ReturnType<typeof setTimeout> | undefined;
  let changeTimer: ReturnType<typeof setTimeout> | undefined;

  function get(): RadarView {
    return (derived ??= derive(state));
  }

  function set(patch: Partial<RadarState>): void {
    state = { ...state, ...patch };
    derived = null;
    listeners.forEach((l) => l());
  }

  function subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  async function load({ pages, force, fromStorage, quiet }: LoadOptions): Promise<void> {
    const mine = ++seq;
    const writesBefore = trendWrites;
    set(quiet ? { pages } : { pending: true, pages });
    if (fromStorage) {
      const cached = await readList(state.filters, pages).catch(() => null);
      if (mine !== seq) return;
      // What was asked for is on screen: the background's check that follows is no longer the
      // user's wait (Show more may be pressed again; the next ask covers every page shown).
      if (cached) set({ view: mergeView(state.view, cached) });
      if (cached && cached.pagesLoaded >= pages) set({ pending: false });
    }
    try {
      const view = await send('getTrending', {
        filters: state.filters,
        pages,
        ...(force ? { force } : {}),
      });
      if (mine !== seq) return;
      set({
        view: mergeView(state.view, view),
        failure: null,
        pending: false,
        storageCleared: state.storageCleared || view.storageCleared === true,
      });
      clearTimeout(fallbackTimer);
      // The refresh may have ended between the background's reply and now: ask once more.
      if (view.refreshing && trendWrites !== writesBefore) scheduleReload(false);
      else if (view.refreshing) fallbackTimer = setTimeout(reload, REFRESH_FALLBACK_MS);
    } catch (error) {
      if (mine !== seq) return;
      set({ failure: error instanceof Error ? error.message : String(error), pending: false });
    }
  }

  async function loadStatus(): Promise<void> {
    try {
      set({ status: await send('getStatus') });
    } catch {
      // The list request reports the failure; the status line stays as it was.
    }
  }

  /** Asks again for what is on screen (after a storage change or a stalled refresh). */
  function reload(): Promise<void> {
    return load({ pages: state.pages });
  }

  function scheduleReload(withStatus: boolean) {
    clearTimeout(changeTimer);
    changeTimer = setTimeout(() => {
      void reload();
      if (withStatus) void loadStatus();
    }, CHANGE_DEBOUNCE_MS);
  }

  function onStorageChange(changes: Record<string, Browser.storage.StorageChange>, area: string) {
    const trendChanged =
      area === 'local' && Object.keys(changes).some((k) => k.startsWith(TREND_KEY_PREFIX));
    // Not the key state: the background's answers carry the key's error themselves.
    const modeChanged =
      touches(PREF_KEYS.sampleMode, changes, area) || touches(PREF_KEYS.settings, changes, area);
    if (trendChanged) trendWrites++;
    if (modeChanged || (trendChanged && state.view?.refreshing)) scheduleReload(true);
  }

  /**
   * Paints what storage holds for the filters the popup opens with (read by the popup itself, so a
   * stopped worker does not hold it up; `first` is that read when main.tsx started it early), and
   * once that is on screen asks the background, which starts a refresh if one is due; then the
   * status. With nothing to paint it asks at once.
   */
  async function start(
    first: Promise<FirstRead | null> = readFirst().catch(() => null),
  ): Promise<void> {
    browser.storage.onChanged.addListener(onStorageChange);
    const guess = mirroredFilters();
    if (guess) set({ filters: guess });
    const before = seq;
    const read = await first;
    if (seq === before) {
      if (read) set({ filters: read.filters, view: read.view, dailyBudget: read.dailyBudget });
      if (read?.view) await afterPaint();
      // A filter chosen meanwhile has started its own load, which wins.
      if (seq === before) await load({ pages: 1, quiet: !!read?.view });
    }
    await loadStatus();
    set({ started: true });
  }

  function stop(): void {
    browser.storage.onChanged.removeListener(onStorageChange);
    clearTimeout(fallbackTimer);
    clearTimeout(changeTimer);
    seq++;
  }

  function setFilters(patch: Partial<TrendFilters>): Promise<void> {
    const next = normalizeFilters({ ...state.filters, ...patch }, state.filters);
    if (filtersKey(next) === filtersKey(state.filters)) return Promise.resolve();
    set({ filters: next, expanded: null });
    rememberFirstRead(next);
    void rememberFilters(next).catch(() => undefined);
    return load({ pages: 1, fromStorage: true });
  }

  return {
    get,
    subscribe,
    start,
    stop,
    load,
    reload,
    setFilters,
    setQuery: (query: string) => set({ query }),
    /** A hashtag's rank on the days of the local history, for the chosen filters. */
    rankHistory: (name: string) => send('getRankHistory', { filters: state.filters, name }),
    /** Expands one row (or none); a second toggle on the same row closes it. */
    toggle: (id: string | null) => set({ expanded: state.expanded === id ? null : id }),
    /** "Refresh": one forced request for the first page. */
    refresh: () => load({ pages: 1, force: true }),
    /** The next page of 20, up to the top 100. */
    showMore: () =>
      load({
        pages: Math.min(MAX_PAGES, (get().view?.pagesLoaded ?? 0) + 1),
        fromStorage: true,
      }),
    /**
     * "Try again" after an error. With one page it is forced (the background counts it as the user
     * asking, which lets it past an offline back-off or an out-of-credits stop); with more pages it
     * asks normally, so only the missing or due pages are fetched, not every page again.
     */
    retry: () => load({ pages: state.pages, force: state.pages === 1 }),
    async useSampleData(): Promise<void> {
      await enableSampleMode();
      await Promise.all([load({ pages: 1 }), loadStatus()]);
    },
  };
}

export type Radar = ReturnType<typeof createRadar>;
