/**
 * The background's answers to the watch messages. Extension pages may send all of them; a content
 * script only `setWatched` (see CONTENT_SCRIPT_LIMITS), and only for a tag of the highlight set it
 * was given (or to unwatch one). Nothing here makes a request: it reads what the schedule fetched.
 */
import { browser, type Browser } from 'wxt/browser';
import { t } from '../i18n';
import { senderKind, type Handlers } from '../messaging';
import { rankSeries } from '../trending/history';
import { filtersKey } from '../trending/types';
import { rankIndex } from './engine';
import { unseenCount } from './events';
import { checkWatchName, watchKey } from './name';
import { knownRanking } from './ranking';
import {
  markChangesSeen,
  readChanges,
  readWatchlist,
  recentlyUnwatched,
  rememberUnwatched,
  updateWatchlist,
  WATCHLIST_KEY,
} from './store';
import { MAX_WATCHED, type WatchedTag, type WatchState } from './types';
import { buildWatchView, type KnownRanking } from './view';

/** chrome.storage.sync.QUOTA_BYTES_PER_ITEM (Firefox has the same): key plus JSON value, in bytes. */
const SYNC_ITEM_BYTES = 8192;

type WatchHandlers = Pick<
  Handlers,
  'getWatchlist' | 'getChanges' | 'markChangesSeen' | 'setWatched'
>;

/** A refusal already in words for the user (the rest are failures of the browser's storage). */
class WatchRefusal extends Error {}

function fitsSync(list: WatchedTag[]): boolean {
  return new TextEncoder().encode(WATCHLIST_KEY + JSON.stringify(list)).length <= SYNC_ITEM_BYTES;
}

function fromContentScript(sender: Browser.runtime.MessageSender): boolean {
  const origin = new URL(browser.runtime.getURL('/')).origin;
  return senderKind(sender, browser.runtime.id, origin) === 'content';
}

function startOf(known: KnownRanking, name: string): WatchedTag['start'] {
  if (known.source !== 'live' || known.depth === 0) return null;
  const rank = rankIndex(known.names).get(watchKey(name)) ?? null;
  return { filters: filtersKey(known.filters), depth: known.depth, rank };
}

/** Watches or unwatches one tag; throws a message a person can act on when it cannot. */
async function setWatched(
  rawName: unknown,
  watched: boolean,
  sender: Browser.runtime.MessageSender,
): Promise<WatchState> {
  const checked = checkWatchName(rawName);
  if (!checked.ok) throw new WatchRefusal(checked.error);
  const key = watchKey(checked.name);
  const known = await knownRanking();
  if (watched && fromContentScript(sender) && !rankIndex(known.names).has(key)) {
    // The hover card shows only tags of the highlight set: anything else did not come from it.
    throw new WatchRefusal(t('watchNotOnList', `#${checked.name}`));
  }
  const now = Date.now();
  // Watched again minutes after it was unwatched (a second press of the star): an undo, which
  // keeps when watching started and where the tag stood then.
  const earlier = watched ? await undoable(() => recentlyUnwatched(key, now)) : undefined;
  let removed: WatchedTag | undefined;
  let list: WatchedTag[];
  try {
    list = await updateWatchlist((current) => {
      const has = current.some((tag) => watchKey(tag.name) === key);
      if (has === watched) return current;
      if (!watched) {
        removed = current.find((tag) => watchKey(tag.name) === key);
        return current.filter((tag) => watchKey(tag.name) !== key);
      }
      if (current.length >= MAX_WATCHED) throw new WatchRefusal(t('watchLimit', MAX_WATCHED));
      const added = earlier
        ? { ...earlier, name: checked.name }
        : { name: checked.name, since: now, start: startOf(known, key) };
      const next = [...current, added];
      if (!fitsSync(next)) throw new WatchRefusal(t('watchNoRoom'));
      return next;
    });
  } catch (error) {
    if (error instanceof WatchRefusal) throw error;
    // A failed sync write (quota, too many writes a minute) is said as such.
    throw new Error(t('watchNotSaved', error instanceof Error ? error.message : String(error)));
  }
  if (removed || earlier) await undoable(() => rememberUnwatched(key, removed ?? null, now));
  const tag = list.find((t) => watchKey(t.name) === key);
  return { name: tag?.name ?? checked.name, watched: !!tag, count: list.length };
}

/** The undo's memory is a nicety: when session storage fails, watching goes on without it. */
async function undoable<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch {
    return undefined;
  }
}

export function createWatchHandlers(): WatchHandlers {
  return {
    async getWatchlist() {
      const [known, watchlist, events] = await Promise.all([
        knownRanking(),
        readWatchlist(),
        readChanges(),
      ]);
      const series = Object.fromEntries(
        await Promise.all(
          watchlist.map(
            async (tag) => [watchKey(tag.name), await rankSeries(known.filters, tag.name)] as const,
          ),
        ),
      );
      return buildWatchView({ known, watchlist, series, events });
    },

    async getChanges() {
      const events = await readChanges();
      return { events, unseen: unseenCount(events) };
    },

    async markChangesSeen(data) {
      const now = Date.now();
      const upTo = typeof data?.upTo === 'number' && Number.isFinite(data.upTo) ? data.upTo : now;
      const events = await markChangesSeen(Math.min(upTo, now), now);
      return { events, unseen: unseenCount(events) };
    },

    setWatched(data, sender) {
      if (typeof data?.watched !== 'boolean')
        throw new Error('setWatched needs watched: true or false.');
      return setWatched(data.name, data.watched, sender);
    },
  };
}
