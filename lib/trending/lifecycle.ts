/** What the background does when the worker starts, an alarm fires, or a stored input changes. */
import { browser, type Browser } from 'wxt/browser';
import { recordChanges } from '../watch/record';
import { CHANGES_KEY } from '../watch/store';
import { syncGlobalBadge } from './badge';
import { KEY_STATE_KEY } from './key-state';
import { publishKeyState } from './keys';
import { reschedule, REFRESH_ALARM } from './schedule';
import { serialized } from './serial';
import type { TrendingService } from './service';
import { CACHE_PREFIX, pruneCache } from './store';
import { migrateLegacyValues } from '../vault';

const CACHE_MAX_AGE_MS = 7 * 86_400_000;
const CACHE_MAX_ENTRIES = 60;

/** Stored values whose change moves the schedule or the badge: in storage.local, and in the vault. */
const LOCAL_INPUTS = new Set(['sampleMode']);
const KEY_STATE_NAME = KEY_STATE_KEY.replace(/^local:/, '');
const VAULT_INPUTS = new Set(['apiKey', 'radar:gates']);

/**
 * Runs a listener's work and reports a failure (storage full, a browser API missing) in the
 * worker's console instead of an unhandled rejection. Messages never hold the key.
 */
export function logFailure(what: string, work: Promise<unknown>): Promise<void> {
  return work.then(
    () => undefined,
    (error: unknown) =>
      console.warn(
        `Hashtag Radar: ${what} failed:`,
        error instanceof Error ? error.message : error,
      ),
  );
}

function rescheduleSoon(): Promise<void> {
  return serialized('schedule', () => reschedule());
}

/** The worker started (browser start, install, wake-up): tidy up and re-arm; fetch nothing. */
export async function onWorkerStart(): Promise<void> {
  await pruneCache(Date.now(), CACHE_MAX_AGE_MS, CACHE_MAX_ENTRIES);
  await Promise.all([rescheduleSoon(), syncGlobalBadge(), publishKeyState()]);
}

export async function onAlarm(
  service: TrendingService,
  alarm: Browser.alarms.Alarm,
): Promise<void> {
  if (alarm.name !== REFRESH_ALARM) return;
  await service.refreshDefaults();
  await rescheduleSoon();
}

export async function onStorageChanged(
  changes: Record<string, unknown>,
  area: string,
): Promise<void> {
  const keys = Object.keys(changes);
  const inputs =
    (area === 'sync' && keys.includes('settings')) ||
    (area === 'local' && keys.some((k) => LOCAL_INPUTS.has(k)));
  const cache = area === 'local' && keys.some((k) => k.startsWith(CACHE_PREFIX));
  const watchEvents = area === 'local' && keys.includes(CHANGES_KEY);

  if (inputs || cache) await rescheduleSoon();
  if (inputs || watchEvents) await syncGlobalBadge();
  // Watching's one hook into refreshing: every cached page written (whoever asked for it) may
  // complete a new ranking of the default filters to compare; a failed refresh writes none.
  if (cache) await recordChanges();
  // Written by someone else (or damaged): set right (publishKeyState writes only a change). Not
  // awaited: publishing writes it too, and a storage that waits for its listeners would wait here.
  if (area === 'local' && keys.includes(KEY_STATE_NAME)) {
    void logFailure('key state', publishKeyState());
  }
}

/** The key or the gates changed (the background wrote them: it is the vault's only writer). */
export async function onVaultChanged(key: string): Promise<void> {
  if (!VAULT_INPUTS.has(key)) return;
  await rescheduleSoon();
  await syncGlobalBadge();
  await publishKeyState();
}

export async function onInstalled(details: Browser.runtime.InstalledDetails): Promise<void> {
  if (details.reason === 'install') await browser.runtime.openOptionsPage();
  // An earlier version kept the key, credits and gates in storage.local: move them out of reach.
  if (details.reason === 'update') await migrateLegacyValues();
}
