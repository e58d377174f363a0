/**
 * Where watching keeps its state, each item declared once with its version (v1 is the first), and
 * read through the repairs of `schema.ts`: a damaged value is repaired or dropped (and the repair
 * written back), never thrown. The background is the only writer.
 */
import { storage } from 'wxt/utils/storage';
import { serialized } from '../trending/serial';
import type { RankingSnapshot } from './engine';
import { addEvents, markSeen, unseenCount } from './events';
import { watchKey } from './name';
import { repairEvents, repairSnapshot, repairUnwatched, repairWatchlist } from './schema';
import type { ChangeEvent, UnwatchedTag, WatchedTag } from './types';

/** The watched hashtags: synced like the settings (no key, nothing personal beyond the names). */
export const watchlistItem = storage.defineItem<WatchedTag[]>('sync:watchlist', {
  fallback: [],
  version: 1,
});

/** The change events of the last 30 days (at most 200), newest first. This browser only. */
export const changesItem = storage.defineItem<ChangeEvent[]>('local:watch:changes', {
  fallback: [],
  version: 1,
});

/** The ranking of the default filters the next refresh is compared with. */
export const snapshotItem = storage.defineItem<RankingSnapshot | null>('local:watch:snapshot', {
  fallback: null,
  version: 1,
});

/**
 * Tags unwatched in the last minutes, so watching one again keeps when it started and where it
 * stood (an undo). Session storage: gone when the browser closes, not readable by content scripts.
 */
export const unwatchedItem = storage.defineItem<UnwatchedTag[]>('session:watch:unwatched', {
  fallback: [],
  version: 1,
});

/** The storage keys (without area), for listeners of `storage.onChanged`. */
export const WATCHLIST_KEY = 'watchlist';
export const CHANGES_KEY = 'watch:changes';

/** Writes a repaired value back only when the repair changed something. */
async function readRepaired<T>(
  item: { getValue(): Promise<unknown>; setValue(value: T): Promise<void> },
  repair: (raw: unknown) => T,
): Promise<T> {
  const raw = await item.getValue();
  const value = repair(raw);
  if (raw !== null && JSON.stringify(raw) !== JSON.stringify(value)) await item.setValue(value);
  return value;
}

export function readWatchlist(): Promise<WatchedTag[]> {
  return readRepaired(watchlistItem, repairWatchlist);
}

export function readChanges(now = Date.now()): Promise<ChangeEvent[]> {
  return readRepaired(changesItem, (raw) => repairEvents(raw, now));
}

/**
 * How many events are unseen, without writing a repair back: the badge reads it while storage
 * events are being handled, where a write would only announce itself again.
 */
export async function unseenChanges(now = Date.now()): Promise<number> {
  return unseenCount(repairEvents(await changesItem.getValue(), now));
}

export async function readSnapshot(): Promise<RankingSnapshot | null> {
  const raw = await snapshotItem.getValue();
  const snapshot = repairSnapshot(raw);
  if (raw !== null && !snapshot) await snapshotItem.removeValue();
  return snapshot;
}

/** Read-modify-write of the watchlist, one change at a time; `change` may throw to refuse. */
export function updateWatchlist(
  change: (list: WatchedTag[]) => WatchedTag[],
): Promise<WatchedTag[]> {
  return serialized('watchlist', async () => {
    const current = await readWatchlist();
    const next = change(current);
    if (next !== current) await watchlistItem.setValue(next);
    return next;
  });
}

/** The tag unwatched under `key` (watchKey) in the last minutes, if any. */
export async function recentlyUnwatched(
  key: string,
  now = Date.now(),
): Promise<WatchedTag | undefined> {
  const list = repairUnwatched(await unwatchedItem.getValue(), now);
  return list.find(({ tag }) => watchKey(tag.name) === key)?.tag;
}

/** Keeps `tag`, just unwatched, for an undo; with null, forgets the one of `key` (watched again). */
export function rememberUnwatched(
  key: string,
  tag: WatchedTag | null,
  now = Date.now(),
): Promise<void> {
  return serialized('watch:unwatched', async () => {
    const kept = repairUnwatched(await unwatchedItem.getValue(), now).filter(
      (entry) => watchKey(entry.tag.name) !== key,
    );
    await unwatchedItem.setValue(tag ? [{ tag, at: now }, ...kept] : kept);
  });
}

export function storeChanges(added: ChangeEvent[], now = Date.now()): Promise<void> {
  return serialized('watch:changes', async () => {
    await changesItem.setValue(addEvents(await readChanges(now), added, now));
  });
}

export function markChangesSeen(upTo: number, now = Date.now()): Promise<ChangeEvent[]> {
  return serialized('watch:changes', async () => {
    const events = markSeen(await readChanges(now), upTo);
    await changesItem.setValue(events);
    return events;
  });
}

/** Which of `names` are watched, in `watchKey` form (the highlight set's `watched`). */
export async function watchedAmong(names: string[]): Promise<string[]> {
  const watched = new Set((await readWatchlist()).map((tag) => watchKey(tag.name)));
  return names.map(watchKey).filter((key) => watched.has(key));
}
