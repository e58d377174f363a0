/**
 * Which tab "On this page" describes, and what it can say about it: the tab beside the panel,
 * followed through tab switches, page loads and the tab's own reports (at most every 500 ms).
 * The tab's content script is asked to report (`REPORT_NOW`) before the background is asked for
 * the names; a tab whose script does not answer is classified instead (`silentTabStatus`), so
 * the view always says something within 2 s.
 */
import { browser, type Browser } from 'wxt/browser';
import { sendMessage } from '../../lib/messaging';
import { REPORT_NOW } from '../../lib/page/report';
import { pageTagsKey } from '../../lib/page/store';
import type { PageTagsView } from '../../lib/page/view';
import { TIKTOK_ORIGIN } from '../../lib/tiktok/selectors';
import { affectsHighlightSet } from '../../lib/trending/types';

export const ANSWER_TIMEOUT_MS = 2000;
export const UPDATE_EVERY_MS = 500;
/**
 * A tab that answered but has reported nothing yet is asked again this often, this many times: its
 * names come with its next report, and a report lost on the way (a static page sends no other)
 * would otherwise leave "Trending on this page: 0" beside a page full of marks.
 */
export const NO_REPORT_RETRY_MS = 1000;
export const NO_REPORT_RETRIES = 5;

export type PageStatus =
  | { kind: 'checking' }
  /** The tab's page is still loading. */
  | { kind: 'loading' }
  /** No script answers in a page loaded since the extension started: not www.tiktok.com. */
  | { kind: 'not-tiktok' }
  /** No script answers in a tab open since before the install or update (or on TikTok). */
  | { kind: 'reload'; tabId: number }
  /** A script is there but did not answer in time. */
  | { kind: 'no-answer'; tabId: number }
  /** The background did not answer. */
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; tabId: number; view: PageTagsView };

type TabFacts = Pick<Browser.tabs.Tab, 'status' | 'url'>;

/**
 * What to say about a tab whose content script did not answer. Chrome shows an extension without
 * the `tabs` permission no address for other sites' tabs: the address is used where known. Pure.
 */
export function silentTabStatus(
  outcome: 'no-script' | 'timeout',
  tab: TabFacts,
  olderTab: boolean,
): 'loading' | 'not-tiktok' | 'reload' | 'no-answer' {
  if (outcome === 'timeout') return 'no-answer';
  if (tab.status === 'loading') return 'loading';
  if (tab.url !== undefined && new URL(tab.url, 'about:blank').origin !== TIKTOK_ORIGIN) {
    return 'not-tiktok';
  }
  return tab.url !== undefined || olderTab ? 'reload' : 'not-tiktok';
}

/** Asks the tab's content script to report now: answered, no script there, or no answer in time. */
async function askTab(tabId: number): Promise<'answered' | 'no-script' | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((done) => {
    timer = setTimeout(() => done('timeout'), ANSWER_TIMEOUT_MS);
  });
  const asked = browser.tabs
    .sendMessage(tabId, { hashtagRadar: 1, type: REPORT_NOW })
    .then((reply): 'answered' | 'no-script' => (reply === true ? 'answered' : 'no-script'))
    .catch(() => 'no-script' as const);
  try {
    return await Promise.race([asked, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The tab beside the panel: the active tab of the panel's window. A panel opened as a page of its
 * own (a tab, or a window) describes the most recently used active tab of the browser windows.
 */
async function describedTab(): Promise<Browser.tabs.Tab | undefined> {
  const own = await browser.tabs.getCurrent();
  if (!own) return (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  const active = await browser.tabs.query({ active: true, windowType: 'normal' });
  return active
    .filter((t) => t.id !== own.id)
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

export interface PageWatch {
  /** Asks the tab again from the start (the person's "Try again", after a reload). */
  retry(): void;
  stop(): void;
}

export function watchPage(onStatus: (status: PageStatus) => void): PageWatch {
  let tab: Browser.tabs.Tab | undefined;
  let probes = 0;
  let lastUpdate = 0;
  let updateTimer: ReturnType<typeof setTimeout> | undefined;
  let status: PageStatus = { kind: 'checking' };
  /**
   * The tab's names or the list changed while a probe was under way: its answer may have been
   * read before that change, so it is asked again once the probe has said what it found.
   */
  let changedMeanwhile = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Asks again of the tab `retried.tabId` that has not reported yet. */
  let retried = { tabId: -1, times: 0 };

  const say = (next: PageStatus) => {
    status = next;
    onStatus(next);
  };
  const fail = (error: unknown) =>
    say({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });

  /** Finds the tab and asks it (on a tab switch, a page load, at start). */
  async function probe(): Promise<void> {
    const mine = ++probes;
    clearTimeout(updateTimer);
    clearTimeout(retryTimer);
    updateTimer = undefined;
    try {
      const next = await describedTab();
      if (mine !== probes) return;
      tab = next;
      if (tab?.id === undefined) return say({ kind: 'not-tiktok' });
      if (status.kind !== 'ready' || status.tabId !== tab.id) say({ kind: 'checking' });
      changedMeanwhile = false;
      const tabId = tab.id;
      const outcome = await askTab(tabId);
      if (mine !== probes) return;
      if (outcome === 'answered') {
        const view = await sendMessage('getPageTags', { tabId });
        if (mine !== probes) return;
        say({ kind: 'ready', tabId, view });
        lastUpdate = Date.now();
        if (changedMeanwhile) update();
        // Counted afresh for another tab, or once this one has reported (a later page may not yet).
        if (retried.tabId !== tabId || view.reportedAt !== null) retried = { tabId, times: 0 };
        if (view.reportedAt === null && retried.times < NO_REPORT_RETRIES) {
          retried.times++;
          retryTimer = setTimeout(() => void probe(), NO_REPORT_RETRY_MS);
        }
        return;
      }
      const older =
        outcome === 'no-script' ? (await sendMessage('getPageTags', { tabId })).olderTab : false;
      if (mine !== probes) return;
      const kind = silentTabStatus(outcome, tab, older);
      say(kind === 'reload' || kind === 'no-answer' ? { kind, tabId } : { kind });
    } catch (error) {
      if (mine === probes) fail(error);
    }
  }

  /** The tab's names or the list changed: ask the background again, at most every 500 ms. */
  function update(): void {
    if (status.kind !== 'ready') {
      changedMeanwhile = true;
      return;
    }
    if (updateTimer !== undefined) return;
    const wait = Math.max(0, lastUpdate + UPDATE_EVERY_MS - Date.now());
    updateTimer = setTimeout(() => {
      updateTimer = undefined;
      if (status.kind !== 'ready') return;
      const { tabId } = status;
      const mine = probes;
      lastUpdate = Date.now();
      sendMessage('getPageTags', { tabId }).then(
        (view) => mine === probes && say({ kind: 'ready', tabId, view }),
        (error: unknown) => mine === probes && fail(error),
      );
    }, wait);
  }

  const onActivated = () => void probe();
  const onFocus = (windowId: number) => {
    if (windowId !== browser.windows.WINDOW_ID_NONE) void probe();
  };
  const onUpdated = (tabId: number, change: { status?: string }) => {
    // A new page in the tab: its script (if any) starts over.
    if (tabId === tab?.id && change.status) void probe();
  };
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    const own = tab?.id !== undefined && area === 'session' && pageTagsKey(tab.id) in changes;
    // The list the names are ranked by (cache, sample mode, settings) changed.
    if (own || affectsHighlightSet(changes, area)) update();
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.windows.onFocusChanged.addListener(onFocus);
  browser.storage.onChanged.addListener(onChanged);
  void probe();
  return {
    retry: () => void probe(),
    stop() {
      probes++;
      clearTimeout(updateTimer);
      clearTimeout(retryTimer);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.windows.onFocusChanged.removeListener(onFocus);
      browser.storage.onChanged.removeListener(onChanged);
    },
  };
}

/** Reloads a tab (the person's button): its page gets the current content script. */
export function reloadTab(tabId: number): Promise<void> {
  return browser.tabs.reload(tabId);
}
