/**
 * The hook between refreshes and the change engine: after a cache write of the default filter set,
 * compares the whole fetched top N with the snapshot, stores the events (then the new snapshot), and
 * sends at most one notification. One comparison at a time: a write that lands meanwhile (another
 * page of the same refresh) asks for one more pass instead of waiting, so a write made during a
 * comparison never waits for that comparison. Reads only what the schedule fetched: watching makes
 * no request.
 */
import { readSettings } from '../trending/context';
import { compareRankings } from './engine';
import { notifyChanges } from './notify';
import { scheduledRanking } from './ranking';
import { readSnapshot, readWatchlist, snapshotItem, storeChanges } from './store';
import type { ChangeEvent } from './types';

/** One comparison of the cached top N with the snapshot; the events it stored. */
async function compareOnce(now: number): Promise<ChangeEvent[]> {
  const ranking = await scheduledRanking();
  if (!ranking || ranking.source !== 'live') return [];
  const [previous, watchlist, settings] = await Promise.all([
    readSnapshot(),
    readWatchlist(),
    readSettings(),
  ]);
  const { events, snapshot } = compareRankings(previous, ranking, watchlist, settings.alerts, now);
  // Events before the snapshot: if storing them fails, the next write compares again.
  if (events.length) await storeChanges(events, now);
  if (snapshot) await snapshotItem.setValue(snapshot);
  if (events.length) await notifyChanges(events);
  return events;
}

let running: Promise<ChangeEvent[]> | null = null;
let again = false;

/**
 * Compares the cached top N with the snapshot; the events stored. Called while a comparison runs,
 * it returns at once (nothing) and that comparison runs once more when done.
 */
export function recordChanges(): Promise<ChangeEvent[]> {
  if (running) {
    again = true;
    return Promise.resolve([]);
  }
  running = (async () => {
    const stored: ChangeEvent[] = [];
    do {
      again = false;
      stored.push(...(await compareOnce(Date.now())));
    } while (again);
    return stored;
  })().finally(() => {
    running = null;
  });
  return running;
}
