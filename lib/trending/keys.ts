/**
 * The API key's life: saving (which turns sample mode off and clears what the old key caused),
 * testing with one counted request, and the masked hint pages may show. The key itself never
 * leaves the background.
 */
import { storage } from 'wxt/utils/storage';
import { fetchTrendingPage, type FetchPage } from '../keyapi/client';
import { trendError } from '../keyapi/errors';
import type { KeyStatus, KeyTestResult } from '../messaging';
import { sameData } from '../same';
import { sampleModeItem } from '../storage';
import { apiKeyItem } from '../vault';
import { readKey, readSettings } from './context';
import { blockingError, gatesItem, NO_GATES, readGates, type Gates } from './gates';
import { KEY_STATE_KEY, KEY_STATE_VERSION, type KeyState } from './key-state';
import { sendCounted, storePaidAnswer, type Refresher, type RefreshOutcome } from './refresh';
import { serialized } from './serial';
import { clearEntryErrors } from './store';
import type { TrendError } from './types';
import { t } from '../i18n';

/** Printable ASCII without spaces: what fits in an Authorization header. */
const KEY_SHAPE = /^[\x21-\x7e]{8,512}$/;

/** `sk_live_…9f2c`: enough to recognise a key, not enough to use it. */
export function maskKey(key: string): string {
  const prefix = /^[A-Za-z]{1,8}_(?:[A-Za-z]{1,8}_)?/.exec(key)?.[0] ?? '';
  const tail = key.length - prefix.length >= 12 ? key.slice(-4) : '';
  return `${prefix}…${tail}`;
}

export async function keyStatus(): Promise<KeyStatus> {
  const key = await readKey();
  const gates = await readGates();
  return {
    keySet: !!key,
    keyHint: key ? maskKey(key) : null,
    keyInvalid: !!key && !!gates.invalidKey,
  };
}

/** The error the key itself stands in, said even when the cache is fresh: none saved, or refused. */
export function keyError(key: string, gates: Gates): TrendError | null {
  return !key ? trendError('no-key') : gates.invalidKey;
}

/** The key state pages paint from (see key-state.ts); the background is its only writer. */
export const keyStateItem = storage.defineItem<KeyState | null>(KEY_STATE_KEY, { fallback: null });

/**
 * Publishes the key state, after the worker starts and every change of the key or the gates;
 * written only when it changed (every context is told of each storage.local write).
 */
export function publishKeyState(): Promise<void> {
  return serialized('keyState', async () => {
    const key = await readKey();
    const state: KeyState = {
      version: KEY_STATE_VERSION,
      keySet: !!key,
      keyError: keyError(key, await readGates()),
    };
    if (!sameData(await keyStateItem.getValue(), state)) await keyStateItem.setValue(state);
  });
}

/** Saves a new key (empty removes it). Whatever the old key caused (invalid, out of credits, back-off) is forgotten. */
export async function saveApiKey(raw: unknown): Promise<KeyStatus> {
  const key = typeof raw === 'string' ? raw.trim() : '';
  if (key && !KEY_SHAPE.test(key)) {
    throw new Error(t('keyBadShape'));
  }
  if (key) {
    await apiKeyItem.setValue(key);
    await sampleModeItem.setValue(false);
  } else {
    await apiKeyItem.removeValue();
  }
  await gatesItem.setValue(NO_GATES);
  await clearEntryErrors();
  return keyStatus();
}

/**
 * One request (2 credits) with the given key or the saved one; its page 1 of the default filters is
 * cached. Testing the saved key shares the request for that page with any refresh under way (and a
 * refresh asked meanwhile shares the test's); a typed key is its own request.
 */
export async function testKey(
  raw: unknown,
  fetchPage: FetchPage = fetchTrendingPage,
  refresher?: Pick<Refresher, 'share'>,
): Promise<KeyTestResult> {
  const given = typeof raw === 'string' ? raw.trim() : '';
  const saved = await readKey();
  const key = given || saved;
  if (!key) return { valid: false, error: trendError('no-key') };
  if (!KEY_SHAPE.test(key))
    return {
      valid: false,
      error: trendError('invalid-key', t('keyBadShapeTest')),
    };
  // The user is testing a key: only the server's own back-off (429/5xx) holds the test back.
  const gates = await readGates();
  const blocked = blockingError({ ...NO_GATES, backoff: gates.backoff }, Date.now(), {
    userAsked: true,
  });
  if (blocked) return { valid: false, error: blocked };
  const settings = await readSettings();
  const request = { filters: settings.defaults, page: 1, key, budget: settings.dailyBudget };
  const send = async (): Promise<RefreshOutcome> => {
    const outcome = await sendCounted(fetchPage, request, key === saved);
    return outcome.ok
      ? storePaidAnswer(settings.defaults, 1, outcome.page, key === saved)
      : outcome;
  };
  const outcome =
    key === saved && refresher ? await refresher.share(settings.defaults, 1, send) : await send();
  return outcome.ok ? { valid: true } : { valid: false, error: outcome.error };
}
