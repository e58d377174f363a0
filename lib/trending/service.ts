/**
 * The trending data service: answers from the cache at once and refreshes in the background when a
 * page is due (stale-while-revalidate). Every decision is taken from storage on each call, so a
 * restarted worker carries on where the last one stopped; only in-flight requests live in memory.
 */
import { nextLocalMidnight } from '../format';
import { fetchTrendingPage, type FetchPage } from '../keyapi/client';
import { trendError } from '../keyapi/errors';
import { SAMPLE_FETCHED_AT, sampleHashtags } from '../sample';
import { sampleList } from '../sample/view';
import type { Settings } from '../settings';
import { readCaptionSelection } from '../storage';
import { highlightPages, readKey, readSampleMode, readSettings, ttlMs } from './context';
import { budgetLeft, creditStatus } from './credits';
import { dueAt } from './freshness';
import { blockingError, readGates } from './gates';
import { rankYesterday } from './history';
import { keyError, testKey } from './keys';
import { createRefresher, type RefreshOutcome } from './refresh';
import { readEntries, storageClearedItem } from './store';
import {
  CREDITS_PER_REQUEST,
  MAX_PAGES,
  normalizeFilters,
  PAGE_SIZE,
  type HighlightSet,
  type TrendFilters,
  type TrendView,
} from './types';
import { buildView, toHighlightTag } from './view';
import { watchedAmong } from '../watch/store';

export interface TrendRequest {
  filters: TrendFilters;
  pages: number;
  /** The user asked for fresh data: refresh every asked page, not only the due ones. */
  force?: boolean;
}

export function clampPages(pages: unknown): number {
  const n = typeof pages === 'number' && Number.isFinite(pages) ? Math.trunc(pages) : 1;
  return Math.min(MAX_PAGES, Math.max(1, n));
}

export function createTrendingService(fetchPage: FetchPage = fetchTrendingPage) {
  const refresher = createRefresher(fetchPage);

  function sampleView(
    filters: TrendFilters,
    pages: number,
    settings: Settings,
    credits: TrendView['credits'],
  ): TrendView {
    return {
      ...sampleList(filters, pages),
      credits: { ...credits, dailyBudget: settings.dailyBudget },
    };
  }

  /** Why a due refresh cannot start now (no key, gates, budget), or null. */
  async function refreshBlocker(key: string, settings: Settings, now: number, userAsked: boolean) {
    if (!key) return trendError('no-key');
    const gated = blockingError(await readGates(), now, { userAsked });
    if (gated) return gated;
    if ((await budgetLeft(settings.dailyBudget, now)) < CREDITS_PER_REQUEST) {
      return trendError('budget-reached', null, { retryAt: nextLocalMidnight(now) });
    }
    return null;
  }

  /** The live view of a filter set, starting the refreshes that are due. */
  async function liveView(
    filters: TrendFilters,
    pages: number,
    force: boolean,
    settings: Settings,
  ): Promise<{ view: TrendView; started: Promise<RefreshOutcome>[] }> {
    const now = Date.now();
    const pageNumbers = Array.from({ length: pages }, (_, i) => i + 1);
    const finishedBefore = pageNumbers.map((p) => refresher.finishedCount(filters, p));
    const ttl = ttlMs(settings);
    const [key, read, gates] = await Promise.all([
      readKey(),
      // One page more than asked, read only to tell whether "Show more" would cost a request.
      readEntries(filters, Math.min(pages + 1, MAX_PAGES)),
      readGates(),
    ]);
    const entries = read.slice(0, pages);
    const duePages = entries
      .map((entry, i) => ({ entry, page: i + 1 }))
      .filter(
        ({ entry, page }) =>
          (force || dueAt(entry, ttl) <= now) &&
          !refresher.isRefreshing(filters, page) &&
          // Refreshed while this call read it: what was read is old, the entry is not.
          refresher.finishedCount(filters, page) === finishedBefore[page - 1],
      );
    const blocker = duePages.length ? await refreshBlocker(key, settings, now, force) : null;
    const started = blocker
      ? []
      : duePages.map(({ page }) =>
          refresher.refresh({ filters, page, key, budget: settings.dailyBudget, userAsked: force }),
        );
    const [credits, yesterday] = await Promise.all([
      creditStatus(settings.dailyBudget, now),
      rankYesterday(filters, now),
    ]);
    const list = buildView({
      filters,
      entries,
      next: read[pages] ?? null,
      now,
      ttl,
      // Also when a refresh ended while this call read: what was read may predate its write.
      refreshing: pageNumbers.some(
        (p, i) =>
          refresher.isRefreshing(filters, p) ||
          refresher.finishedCount(filters, p) !== finishedBefore[i],
      ),
      // A key that is not accepted, or no key at all, is said even when the cache is fresh.
      blocking: blocker ?? keyError(key, gates),
      rankYesterday: yesterday,
    });
    return { view: { ...list, credits }, started };
  }

  /** Waits for refreshes; one that broke (not an API error: those are stored) is logged. */
  async function settle(started: Promise<RefreshOutcome>[]): Promise<void> {
    for (const result of await Promise.allSettled(started)) {
      if (result.status === 'rejected') {
        console.warn('Hashtag Radar: a refresh failed:', String(result.reason));
      }
    }
  }

  return {
    /** Cached pages at once; due refreshes run on and announce themselves through storage. */
    async getTrending(request: TrendRequest): Promise<TrendView> {
      const filters = normalizeFilters(request.filters);
      const pages = clampPages(request.pages);
      const settings = await readSettings();
      if (await readSampleMode()) {
        return sampleView(filters, pages, settings, await creditStatus(settings.dailyBudget));
      }
      const { view, started } = await liveView(filters, pages, request.force === true, settings);
      void settle(started);
      // Said once: the popup that gets it keeps it on screen while it is open.
      if ((await storageClearedItem.getValue()) !== null) {
        await storageClearedItem.removeValue();
        return { ...view, storageCleared: true };
      }
      return view;
    },

    async getHighlightSet(): Promise<HighlightSet> {
      const settings = await readSettings();
      const { enabled, style } = settings.highlight;
      const assistant = settings.caption.enabled;
      const sample = await readSampleMode();
      const caption = {
        enabled: assistant,
        selection: assistant ? await readCaptionSelection() : [],
      };
      const base = {
        enabled,
        style,
        source: sample ? ('sample' as const) : ('live' as const),
        caption,
        opens: settings.toolbarOpens,
      };
      if (!enabled && !assistant) return { ...base, fetchedAt: null, tags: [], watched: [] };
      // With highlighting off, the caption assistant gets the first page: the one the schedule keeps.
      const depth = enabled ? settings.highlight.depth : PAGE_SIZE;
      if (sample) {
        const tags = sampleHashtags(settings.defaults).slice(0, depth).map(toHighlightTag);
        const watched = await watchedAmong(tags.map((t) => t.name));
        return { ...base, fetchedAt: SAMPLE_FETCHED_AT, tags, watched };
      }
      const { view } = await liveView(settings.defaults, highlightPages(settings), false, settings);
      const tags = view.items.slice(0, depth).map(toHighlightTag);
      const watched = await watchedAmong(tags.map((t) => t.name));
      return { ...base, fetchedAt: view.fetchedAt, tags, watched };
    },

    /**
     * The list tiktok.com pages are marked by: the default filters, as deep as the highlighting
     * (sample data in sample mode); due refreshes run on, as for the content script's set.
     */
    async getHighlightView(): Promise<{ settings: Settings; view: TrendView }> {
      const settings = await readSettings();
      const pages = highlightPages(settings);
      if (await readSampleMode()) {
        const credits = await creditStatus(settings.dailyBudget);
        return { settings, view: sampleView(settings.defaults, pages, settings, credits) };
      }
      const { view, started } = await liveView(settings.defaults, pages, false, settings);
      void settle(started);
      return { settings, view };
    },

    /** The schedule's refresh: the default filter set's due pages, awaited (keeps the worker up). */
    async refreshDefaults(): Promise<void> {
      const settings = await readSettings();
      if ((await readSampleMode()) || !(await readKey())) return;
      const { started } = await liveView(
        settings.defaults,
        highlightPages(settings),
        false,
        settings,
      );
      await settle(started);
    },

    /** "Test key": one counted request; with the saved key it shares page 1's refresh. */
    testKey: (key: unknown) => testKey(key, fetchPage, refresher),

    isRefreshing: refresher.isRefreshing,
    /** Resolves when no refresh is under way (tests, benches, the alarm path). */
    whenIdle: refresher.whenIdle,
  };
}

export type TrendingService = ReturnType<typeof createTrendingService>;
