/**
 * The three stored values the popup reads or writes itself, through `browser.storage` directly.
 * lib/storage's items would pull @wxt-dev/storage into the popup (≈3.7 KB gzip, 8 % of its 45 KB
 * budget) for three plain reads; prefs.test.ts checks that these keys match the items there.
 * Settings migrations run wherever lib/storage is loaded (background, options); the popup reads
 * only their `defaults` filter set and repairs it with `normalizeFilters`.
 */
import { browser } from 'wxt/browser';
import { normalizeFilters, type TrendFilters } from '../../lib/trending/types';

export const PREF_KEYS = {
  popupFilters: 'local:popupFilters',
  settings: 'sync:settings',
  sampleMode: 'local:sampleMode',
} as const;

function split(key: string): ['local' | 'sync', string] {
  const [area, name] = key.split(':') as ['local' | 'sync', string];
  return [area, name];
}

async function read(key: string): Promise<unknown> {
  const [area, name] = split(key);
  const got = await browser.storage[area].get(name);
  return got[name];
}

async function write(key: string, value: unknown): Promise<void> {
  const [area, name] = split(key);
  await browser.storage[area].set({ [name]: value });
}

/**
 * A synchronous copy of the last choice in the page's localStorage, so the popup can ask for its
 * list before the storage read returns (8–25 ms); the read still decides (see radar.start).
 */
const MIRROR = 'popupFilters';

export function mirroredFilters(): TrendFilters | null {
  try {
    const raw = localStorage.getItem(MIRROR);
    return raw ? normalizeFilters(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

function mirror(filters: TrendFilters | null): void {
  try {
    if (filters) localStorage.setItem(MIRROR, JSON.stringify(filters));
    else localStorage.removeItem(MIRROR);
  } catch {
    // No localStorage (tests, locked-down profiles): the popup just waits for storage.
  }
}

/** The filters the popup opens with: the last choice, else the options' defaults. */
export async function initialFilters(): Promise<TrendFilters> {
  const [saved, settings] = await Promise.all([
    read(PREF_KEYS.popupFilters).catch(() => null),
    read(PREF_KEYS.settings).catch(() => null),
  ]);
  const defaults = normalizeFilters((settings as { defaults?: unknown } | null)?.defaults);
  const filters = saved ? normalizeFilters(saved, defaults) : null;
  mirror(filters);
  return filters ?? defaults;
}

export function rememberFilters(filters: TrendFilters): Promise<void> {
  mirror(filters);
  return write(PREF_KEYS.popupFilters, filters);
}

export function enableSampleMode(): Promise<void> {
  return write(PREF_KEYS.sampleMode, true);
}

/** Whether a `storage.onChanged` event touched `key` ("local:sampleMode" style). */
export function touches(key: string, changes: Record<string, unknown>, area: string): boolean {
  const [a, name] = split(key);
  return area === a && Object.hasOwn(changes, name);
}
