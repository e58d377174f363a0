/**
 * The hook between refreshes and the change engine: after a cache write of the default filter set,
 * compares the whole fetched top N with the snapshot, stores the events (then the new snapshot), and
 * sends at most one notification. Serialized, so the writes of several pages of one refresh compare
 * once. Reads only what the schedule fetched: watching makes no request.
 */
import { readSettings } from '../trending/context';
import { serialized } from '../trending/serial';
import { compareRankings } from './engine';
import { notifyChanges } from './notify';
import { scheduledRanking } from './ranking';
import { readSnapshot, readWatchlist, snapshotItem, storeChanges } from './store';
import type { ChangeEvent } from './types';

/** Compares the cached top N with the snapshot; returns the events it stored. */
export function recordChanges(now = Date.now()): Promise<ChangeEvent[]> {
  return serialized('watch:record', async () => {
    const ranking = await scheduledRanking();
    if (!ranking || ranking.source !== 'live') return [];
    const [previous, watchlist, settings] = await Promise.all([
      readSnapshot(),
      readWatchlist(),
      readSettings(),
    ]);
    const { events, snapshot } = compareRankings(
      previous,
      ranking,
      watchlist,
      settings.alerts,
      now,
    );
    // Events before the snapshot: if storing them fails, the next write compares again.
    if (events.length) await storeChanges(events, now);
    if (snapshot) await snapshotItem.setValue(snapshot);
    if (events.length) await notifyChanges(events);
    return events;
  });
}
