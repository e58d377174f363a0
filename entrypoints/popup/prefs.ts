/**
 * The popup's own preferences in storage: the three stored values it reads (first-read.ts) or
 * writes itself, through `browser.storage` directly. lib/storage's items would pull @wxt-dev/storage
 * into the popup (≈3.7 KB gzip, 8 % of its 45 KB budget) for three plain reads; prefs.test.ts checks
 * that these keys match the items there. Settings migrations run wherever lib/storage is loaded
 * (background, options); the popup checks the few values it reads with lib/settings-fields.
 */
import { browser } from 'wxt/browser';
import type { TrendFilters } from '../../lib/trending/types';

export const PREF_KEYS = {
  popupFilters: 'local:popupFilters',
  settings: 'sync:settings',
  sampleMode: 'local:sampleMode',
} as const;

/** A WXT-style storage key: `local:radar:keyState`. */
export type StorageKey = `${'local' | 'sync' | 'session'}:${string}`;
type AreaOf<K extends StorageKey> = K extends `${infer A}:${string}` ? A : never;

/** A WXT-style key's storage area and name: `local:radar:keyState` → `local`, `radar:keyState`. */
export function split<K extends StorageKey>(key: K): [AreaOf<K>, string] {
  const at = key.indexOf(':');
  return [key.slice(0, at) as AreaOf<K>, key.slice(at + 1)];
}

/** Writes `value` under a WXT-style key. */
export async function write(key: StorageKey, value: unknown): Promise<void> {
  const [area, name] = split(key);
  await browser.storage[area].set({ [name]: value });
}

export function rememberFilters(filters: TrendFilters): Promise<void> {
  return write(PREF_KEYS.popupFilters, filters);
}

export function enableSampleMode(): Promise<void> {
  return write(PREF_KEYS.sampleMode, true);
}

/** Whether a `storage.onChanged` event touched `key` ("local:sampleMode" style). */
export function touches(key: StorageKey, changes: Record<string, unknown>, area: string): boolean {
  const [a, name] = split(key);
  return area === a && Object.hasOwn(changes, name);
}
