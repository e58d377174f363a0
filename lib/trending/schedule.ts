/**
 * The refresh schedule: one alarm, set for when the default filter set goes stale (or the gates
 * open again), only while a live key is set. It fetches nothing itself: the alarm's handler asks
 * the service, which checks freshness again, so a browser start with a fresh cache costs nothing.
 */
import { browser } from 'wxt/browser';
import { nextLocalMidnight } from '../format';
import { highlightPages, readKey, readSampleMode, readSettings, ttlMs } from './context';
import { budgetLeft } from './credits';
import { dueAt } from './freshness';
import { gatesOpenAt, readGates } from './gates';
import { readEntries } from './store';
import { CREDITS_PER_REQUEST } from './types';

export const REFRESH_ALARM = 'trending-refresh';
/** Chrome fires alarms no sooner than 30 s from now. */
const MIN_DELAY_MS = 30_000;

/** When the schedule should next refresh (ms since epoch), or null when it should not. */
export async function nextRefreshAt(now = Date.now()): Promise<number | null> {
  if (!(await readKey()) || (await readSampleMode())) return null;
  const settings = await readSettings();
  let at = gatesOpenAt(await readGates(), now);
  if (!Number.isFinite(at)) return null;
  if ((await budgetLeft(settings.dailyBudget, now)) < CREDITS_PER_REQUEST) {
    at = Math.max(at, nextLocalMidnight(now));
  }
  const entries = await readEntries(settings.defaults, highlightPages(settings));
  const ttl = ttlMs(settings);
  const due = Math.min(...entries.map((entry) => dueAt(entry, ttl, ttl)));
  return Math.max(at, due);
}

export async function reschedule(now = Date.now()): Promise<void> {
  const at = await nextRefreshAt(now);
  if (at === null) {
    await browser.alarms.clear(REFRESH_ALARM);
    return;
  }
  const when = Math.max(at, now + MIN_DELAY_MS);
  const current = await browser.alarms.get(REFRESH_ALARM);
  if (current?.scheduledTime !== when) browser.alarms.create(REFRESH_ALARM, { when });
}
