/**
 * The popup's state: the filters, the list the background sent, and the actions a person takes.
 * It talks only to the background (lib/messaging) and reads no trending data from storage itself;
 * storage changes only tell it when to ask again (stale-while-revalidate).
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
  type TrendFilters,
  type TrendView,
} from '../../lib/trending/types';
import { filterByQuery } from '../../components/search';
import {
  enableSampleMode,
  initialFilters,
  mirroredFilters,
  PREF_KEYS,
  rememberFilters,
  touches,
} from './prefs';

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
  /** The background's last answer (possibly for filters chosen before). */
  view: TrendView | null;
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
}

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
    credits: view?.credits ?? s.view?.credits ?? s.status?.credits ?? null,
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

  async function load({ pages, force }: LoadOptions): Promise<void> {
    const mine = ++seq;
    const writesBefore = trendWrites;
    set({ pending: true, pages });
    try {
      const view = await send('getTrending', {
        filters: state.filters,
        pages,
        ...(force ? { force } : {}),
      });
      if (mine !== seq) return;
      set({
        view,
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
    const modeChanged =
      touches(PREF_KEYS.sampleMode, changes, area) || touches(PREF_KEYS.settings, changes, area);
    if (trendChanged) trendWrites++;
    if (modeChanged || (trendChanged && state.view?.refreshing)) scheduleReload(true);
  }

  /**
   * Asks for the list at once with the last choice remembered in the page, while storage is read;
   * if storage says otherwise (defaults changed, choice cleared), asks again for that. The status
   * waits for the list: both would read the same storage in the background.
   */
  async function start(): Promise<void> {
    browser.storage.onChanged.addListener(onStorageChange);
    const quick = mirroredFilters();
    if (quick) set({ filters: quick });
    const first = quick && load({ pages: 1 });
    const filters = await initialFilters().catch(() => DEFAULT_FILTERS);
    if (first && filtersKey(filters) === filtersKey(quick)) await first;
    else {
      set({ filters });
      await load({ pages: 1 });
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
    void rememberFilters(next).catch(() => undefined);
    return load({ pages: 1 });
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
    showMore: () => load({ pages: Math.min(MAX_PAGES, (get().view?.pagesLoaded ?? 0) + 1) }),
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
