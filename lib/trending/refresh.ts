/**
 * Refreshes one cached page: checks the gates and the day's budget, sends one request, and writes
 * the outcome into the entry (which announces it). Concurrent asks for one entry share one request.
 */
import { nextLocalMidnight } from '../format';
import { trendError, TrendFailure } from '../keyapi/errors';
import type { FetchPage } from '../keyapi/client';
import type { TrendingPage } from '../keyapi/parse';
import { hasApiAccess } from '../platform';
import { refundRequest, reserveRequest } from './credits';
import { afterFailure, blockingError, NO_GATES, readGates, updateGates, type Gates } from './gates';
import { recordRanks } from './history';
import { cacheKey, clearCacheExcept, storageClearedItem, updateEntry } from './store';
import type { TrendError, TrendFilters } from './types';
import { t } from '../i18n';

export interface RefreshRequest {
  filters: TrendFilters;
  page: number;
  key: string;
  budget: number;
  /** The user asked for it (retry, force): lets one through an out-of-credits stop. */
  userAsked?: boolean;
}

export type RefreshOutcome =
  { ok: true; page: TrendingPage } | { ok: false; error: TrendError; sent: boolean };

/** Stores a good answer. An empty list is "no data" and never replaces a list already cached. */
export async function storeSuccess(filters: TrendFilters, pageNo: number, page: TrendingPage) {
  const now = Date.now();
  await updateEntry(filters, pageNo, (entry) => {
    const keepOld = page.items.length === 0 && !!entry.data?.items.length;
    return {
      ...entry,
      data: keepOld ? entry.data : page,
      fetchedAt: keepOld ? entry.fetchedAt : now,
      checkedAt: now,
      error: null,
      errorAt: null,
    };
  });
  await recordRanks(filters, page.items, now);
}

/**
 * Stores an answer that was paid for. When storage refuses it (full, or failing), the other cached
 * lists are cleared to make room and it is tried once more, which the popup then says once. If it
 * still fails, requests back off as after a server error: without that, the entry would stay due
 * and the schedule and an open popup would pay for the same page again and again. Only a stored
 * answer lifts the gates (`updateKeyGates`: the key's own too, as for the saved key).
 */
export async function storePaidAnswer(
  filters: TrendFilters,
  pageNo: number,
  page: TrendingPage,
  updateKeyGates = true,
): Promise<RefreshOutcome> {
  const stored = async () => {
    await storeSuccess(filters, pageNo, page);
    await openGates(updateKeyGates);
    return { ok: true as const, page };
  };
  try {
    return await stored();
  } catch (first) {
    console.warn('Hashtag Radar: could not store a fetched list:', String(first));
  }
  try {
    await clearCacheExcept(filters);
    const outcome = await stored();
    await storageClearedItem.setValue(Date.now());
    return outcome;
  } catch {
    const error = trendError('storage-full');
    const gates = await updateGates((g) => afterFailure(g, error, Date.now()));
    return { ok: false, error: gates.backoff?.error ?? error, sent: true };
  }
}

export async function storeFailure(filters: TrendFilters, pageNo: number, error: TrendError) {
  await updateEntry(filters, pageNo, (entry) => ({ ...entry, error, errorAt: Date.now() }));
}

function isClear(gates: Gates): boolean {
  return !gates.invalidKey && !gates.outOfCredits && !gates.backoff;
}

/** A good answer, stored: every gate opens (with another key than the saved one, the back-off only). */
async function openGates(updateKeyGates: boolean): Promise<void> {
  if (!isClear(await readGates())) {
    await updateGates((g) => (updateKeyGates ? NO_GATES : { ...g, backoff: null }));
  }
}

/**
 * Sends one request counted against the budget; a failure updates the gates. (A good answer opens
 * them once it is stored: `storePaidAnswer`.)
 */
export async function sendCounted(
  fetchPage: FetchPage,
  request: Omit<RefreshRequest, 'userAsked'> & { limit?: number },
  updateKeyGates = true,
): Promise<RefreshOutcome> {
  const now = Date.now();
  const day = await reserveRequest(request.budget, now);
  if (!day) {
    const error = trendError('budget-reached', null, { retryAt: nextLocalMidnight(now) });
    return { ok: false, error, sent: false };
  }
  try {
    const page = await fetchPage({
      key: request.key,
      filters: request.filters,
      page: request.page,
      limit: request.limit,
    });
    return { ok: true, page };
  } catch (failure) {
    let error = failure instanceof TrendFailure ? failure.error : trendError('bad-response');
    // Given back only when the API never answered: an answer, even a broken one, was charged.
    if (failure instanceof TrendFailure && !failure.answered && error.kind === 'offline') {
      await refundRequest(day);
      // Firefox lets the user withdraw the host permission; the fetch then fails like a dead network.
      if (!(await hasApiAccess())) error = trendError('offline', t('apiNoAccess'));
    }
    const keyGate = error.kind === 'invalid-key' || error.kind === 'out-of-credits';
    if (updateKeyGates || !keyGate) {
      const gates = await updateGates((g) => afterFailure(g, error, Date.now()));
      return {
        ok: false,
        error: gates.backoff?.error.kind === error.kind ? gates.backoff.error : error,
        sent: true,
      };
    }
    return { ok: false, error, sent: true };
  }
}

export function createRefresher(fetchPage: FetchPage) {
  const inflight = new Map<string, Promise<RefreshOutcome>>();
  /** Refreshes finished per entry: tells a reader whether an entry changed while it was reading. */
  const finished = new Map<string, number>();

  async function run(request: RefreshRequest): Promise<RefreshOutcome> {
    const blocked = blockingError(await readGates(), Date.now(), request);
    const outcome: RefreshOutcome = blocked
      ? { ok: false, error: blocked, sent: false }
      : await sendCounted(fetchPage, request);
    if (outcome.ok) return storePaidAnswer(request.filters, request.page, outcome.page);
    // Storage that cannot take the error either: the gates (in the vault) still hold it.
    await storeFailure(request.filters, request.page, outcome.error).catch(() => undefined);
    return outcome;
  }

  /** Runs `work` as the one request for the entry, or joins the one already under way. */
  function share(
    filters: TrendFilters,
    page: number,
    work: () => Promise<RefreshOutcome>,
  ): Promise<RefreshOutcome> {
    const key = cacheKey(filters, page);
    const running = inflight.get(key);
    if (running) return running;
    const started = work().finally(() => {
      finished.set(key, (finished.get(key) ?? 0) + 1);
      inflight.delete(key);
    });
    inflight.set(key, started);
    return started;
  }

  return {
    /** Starts a refresh of the page, or joins the one already under way. */
    refresh(request: RefreshRequest): Promise<RefreshOutcome> {
      return share(request.filters, request.page, () => run(request));
    },
    share,
    isRefreshing(filters: TrendFilters, page: number): boolean {
      return inflight.has(cacheKey(filters, page));
    },
    /** How many refreshes of the entry have finished (in this worker). */
    finishedCount(filters: TrendFilters, page: number): number {
      return finished.get(cacheKey(filters, page)) ?? 0;
    },
    async whenIdle(): Promise<void> {
      while (inflight.size) await Promise.allSettled([...inflight.values()]);
    },
  };
}

export type Refresher = ReturnType<typeof createRefresher>;
