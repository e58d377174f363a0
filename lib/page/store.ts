/**
 * The names each tiktok.com tab reported (lib/page/report.ts), kept per tab in `storage.session`:
 * it outlives the worker stopping, is gone when the browser closes, and at its default access level
 * content scripts cannot read it. A tab's entry goes when its page leaves (an empty report); entries
 * of tabs that closed meanwhile go at the next report of any tab — not from a `tabs.onRemoved`
 * listener, which would wake the worker at every tab closed anywhere in the browser. Also here:
 * which tabs were open before this version of the extension started, whose pages have no content
 * script until they are reloaded.
 */
import { browser } from 'wxt/browser';
import { sessionArea } from '../platform';
import { checkPageReport, isEmptyReport, type PageReport } from './report';

/** One entry per tab: `radar:pageTags:<tabId>`. */
export const PAGE_TAGS_ITEM = 'session:radar:pageTags:';
/** Tab ids open when the extension was installed or updated. */
export const OLDER_TABS_ITEM = 'session:radar:olderTabs';

const area = (item: string) => item.slice('session:'.length);
/** The storage key of a tab's entry (pages follow its changes). */
export const pageTagsKey = (tabId: number) => `${area(PAGE_TAGS_ITEM)}${tabId}`;
const OLDER_TABS = area(OLDER_TABS_ITEM);

export interface StoredPage extends PageReport {
  /** When the tab reported it (ms since epoch). */
  at: number;
}

export async function savePage(tabId: number, report: PageReport, now = Date.now()): Promise<void> {
  if (isEmptyReport(report)) return forgetTab(tabId);
  await sessionArea().set({ [pageTagsKey(tabId)]: { ...report, at: now } satisfies StoredPage });
  await dropClosedTabs(tabId).catch(() => undefined);
}

/** Removes the entries of tabs no longer open (closed, or crashed with their page). */
async function dropClosedTabs(reporting: number): Promise<void> {
  const prefix = area(PAGE_TAGS_ITEM);
  const [stored, tabs] = await Promise.all([sessionArea().get(null), browser.tabs.query({})]);
  const open = new Set(tabs.map((tab) => tab.id).concat(reporting));
  const closed = Object.keys(stored).filter(
    (key) => key.startsWith(prefix) && !open.has(Number(key.slice(prefix.length))),
  );
  if (closed.length > 0) await sessionArea().remove(closed);
}

/** The tab's last report; a damaged entry is dropped. */
export async function readPage(tabId: number): Promise<StoredPage | null> {
  const key = pageTagsKey(tabId);
  const value = (await sessionArea().get(key))[key] as Partial<StoredPage> | undefined;
  if (value === undefined) return null;
  try {
    if (typeof value?.at !== 'number') throw new Error('no time');
    return { ...checkPageReport(value), at: value.at };
  } catch {
    await sessionArea().remove(key);
    return null;
  }
}

export function forgetTab(tabId: number): Promise<void> {
  return sessionArea().remove(pageTagsKey(tabId));
}

export async function rememberOlderTabs(tabIds: number[]): Promise<void> {
  await sessionArea().set({ [OLDER_TABS]: tabIds });
}

/** Whether the tab was open before this version started (so it may hold an old content script). */
export async function isOlderTab(tabId: number): Promise<boolean> {
  const ids = (await sessionArea().get(OLDER_TABS))[OLDER_TABS];
  return Array.isArray(ids) && ids.includes(tabId);
}
