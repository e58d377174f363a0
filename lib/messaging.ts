/**
 * The one typed protocol between the extension's contexts. Pages and the content script ask, the
 * background answers. The background checks every sender (`senderKind`): extension pages may send
 * any message, content scripts on tiktok.com only those in `CONTENT_SCRIPT_LIMITS`, each rate-limited per
 * tab, anyone else nothing. Nothing here carries the API key back out of the background.
 */
import { browser, type Browser } from 'wxt/browser';
import { createRateLimiter, type Limit } from './rate-limit';
import { TIKTOK_ORIGIN } from './tiktok/selectors';
import type {
  CreditStatus,
  HighlightSet,
  TrendError,
  TrendFilters,
  TrendView,
} from './trending/types';
import type { ChangesView, WatchState, WatchView } from './watch/types';
import type { PageTagsView } from './page/view';
import type { ToolbarOpens } from './settings';

export interface KeyStatus {
  keySet: boolean;
  /** Masked key for recognition, e.g. `sk_live_…9f2c`; null when no key is set. */
  keyHint: string | null;
  /** The last request said the key is invalid (401); cleared by a new key or a good response. */
  keyInvalid: boolean;
}

export interface ExtensionStatus extends KeyStatus {
  sampleMode: boolean;
  credits: CreditStatus;
}

export type KeyTestResult = { valid: true } | { valid: false; error: TrendError };

export interface ProtocolMap {
  /** The popup's list: cached pages at once; a refresh, when due, runs on and is announced by storage. */
  getTrending: { req: { filters: TrendFilters; pages: number; force?: boolean }; res: TrendView };
  getStatus: { req: undefined; res: ExtensionStatus };
  /** Options page hands over a new key (already trimmed and checked); empty removes it. */
  saveApiKey: { req: { key: string }; res: KeyStatus };
  /** One request (2 credits) with the given key, or the saved one. */
  testKey: { req: { key?: string }; res: KeyTestResult };
  clearCache: { req: undefined; res: undefined };
  /** Content script: the trending names to highlight, for the user's default filters and depth. */
  getHighlightSet: { req: undefined; res: HighlightSet };
  /**
   * Content script: how many distinct trending hashtags its page shows, for the toolbar badge, and
   * for "On this page" their names and, on a video page, the caption's hashtags (lib/page/report.ts).
   */
  reportPageTags: {
    req: { count: number; names?: string[]; caption?: string[] | null };
    res: undefined;
  };
  /**
   * Content script: open the Hashtag Radar list at a hashtag (hover card's "Open in Hashtag Radar"),
   * in what the toolbar button opens (`opens`, from its highlight set).
   */
  openInRadar: { req: { name: string; opens?: ToolbarOpens }; res: undefined };
  /** Content script: the hashtag the page's text selection holds, for the context menu (or null). */
  reportSelection: { req: { name: string | null }; res: undefined };
  /** Side panel: "On this page" for a tab, from what its content script reported. */
  getPageTags: { req: { tabId: number }; res: PageTagsView };
  /** A hashtag's rank on each day the user's own history has it (local, up to 60 days), oldest first. */
  getRankHistory: {
    req: { filters: TrendFilters; name: string };
    res: { day: string; rank: number }[];
  };
  /** The watched hashtags with their rank now for the default filters (no request is made). */
  getWatchlist: { req: undefined; res: WatchView };
  /** The watchlist's change events, newest first, and how many are unseen. */
  getChanges: { req: undefined; res: ChangesView };
  /** Marks the events up to `upTo` (ms; default now) seen: what the Changes view showed. */
  markChangesSeen: { req: { upTo?: number }; res: ChangesView };
  /** Popup and hover card: watch (`watched: true`) or unwatch a hashtag. */
  setWatched: { req: { name: string; watched: boolean }; res: WatchState };
}

export type MessageType = keyof ProtocolMap;
export type Request<K extends MessageType> = ProtocolMap[K]['req'];
export type Response<K extends MessageType> = ProtocolMap[K]['res'];

/**
 * What a content script on tiktok.com may ask, and how often one tab may ask it: enough for a page
 * that scrolls and re-asks on every data change, too little for a page script that found a way to
 * send in a loop (opening tabs, waking the worker).
 */
export const CONTENT_SCRIPT_LIMITS = {
  getHighlightSet: { count: 30, perMs: 60_000 },
  // Sent at most every 500 ms while the page changes, and once when the side panel asks.
  reportPageTags: { count: 20, perMs: 5_000 },
  openInRadar: { count: 3, perMs: 30_000 },
  // A person selecting text: the script says only when the selection's hashtag changes.
  reportSelection: { count: 30, perMs: 10_000 },
  // A person toggling watch on hover cards; far below sync storage's 120 writes a minute.
  setWatched: { count: 10, perMs: 60_000 },
} as const satisfies Partial<Record<MessageType, Limit>>;

export type ContentScriptMessage = keyof typeof CONTENT_SCRIPT_LIMITS;

function isContentScriptMessage(type: MessageType): type is ContentScriptMessage {
  return Object.hasOwn(CONTENT_SCRIPT_LIMITS, type);
}

interface Envelope<K extends MessageType = MessageType> {
  /** Marks our messages apart from anything else on the runtime channel. */
  hashtagRadar: 1;
  type: K;
  data: Request<K>;
}

type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export async function sendMessage<K extends MessageType>(
  type: K,
  ...[data]: Request<K> extends undefined ? [] : [Request<K>]
): Promise<Response<K>> {
  const envelope: Envelope<K> = { hashtagRadar: 1, type, data: data as Request<K> };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<Response<K>> | undefined;
  if (!reply) throw new Error(`No answer to "${type}" from the background.`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export type SenderKind = 'extension' | 'content';

/** Who sent a message: one of our pages, our content script on tiktok.com, or nobody we trust (null). */
export function senderKind(
  sender: Browser.runtime.MessageSender,
  runtimeId: string,
  extensionOrigin: string,
): SenderKind | null {
  if (sender.id !== runtimeId || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (url.origin === extensionOrigin) return 'extension';
  if (sender.tab && url.origin === TIKTOK_ORIGIN) return 'content';
  return null;
}

export type Handlers = {
  [K in MessageType]: (
    data: Request<K>,
    sender: Browser.runtime.MessageSender,
  ) => Promise<Response<K>> | Response<K>;
};

function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Envelope).hashtagRadar === 1 &&
    typeof (message as Envelope).type === 'string'
  );
}

/**
 * Registers the background's handlers on one `runtime.onMessage` listener. Call it synchronously
 * in `defineBackground` so a message that wakes the worker finds its listener.
 */
export function handleMessages(handlers: Handlers): () => void {
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const limiter = createRateLimiter(CONTENT_SCRIPT_LIMITS);
  const refuse = (error: string) => Promise.resolve<Reply<never>>({ ok: false, error });
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isEnvelope(message) || !Object.hasOwn(handlers, message.type)) return undefined;
    const kind = senderKind(sender, browser.runtime.id, extensionOrigin);
    if (kind === null) return refuse('Not allowed.');
    if (kind === 'content') {
      if (!isContentScriptMessage(message.type)) return refuse('Not allowed.');
      // senderKind answers 'content' only for a sender with a tab.
      if (!limiter.allow(sender.tab!.id ?? -1, message.type)) return refuse('Too many requests.');
    }
    const handler = handlers[message.type] as (
      data: unknown,
      sender: Browser.runtime.MessageSender,
    ) => unknown;
    // Called right here, not in a later task: a handler that opens the side panel or the popup
    // must do so while the browser still counts the message as the user's click.
    let result: unknown;
    try {
      result = handler(message.data, sender);
    } catch (error) {
      result = Promise.reject(error);
    }
    return Promise.resolve(result).then(
      (value): Reply<unknown> => ({ ok: true, value }),
      (error: unknown): Reply<never> => ({
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
