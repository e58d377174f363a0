/**
 * Every value the extension keeps in browser storage, declared once with its default.
 * Cache, credits, back-off and history items of the data service live in `lib/trending/store.ts`.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import type { TrendFilters } from './trending/types';

/**
 * The user's keyapi.ai key. Read only by the background (`lib/keyapi`, `lib/trending`); pages hand a
 * new key to the background by message and get back a masked hint. Local only: never synced.
 */
export const apiKeyItem = storage.defineItem<string>('local:apiKey', { fallback: '' });

/** Settings that are safe to sync between the user's browsers (no secrets). */
export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Notices from repairing stored settings (e.g. an unknown region reset), shown once on the options page. */
export const settingsNoticesItem = storage.defineItem<string[]>('local:settingsNotices', {
  fallback: [],
});

/** "Try with sample data": the bundled snapshot replaces live data; no request is made. */
export const sampleModeItem = storage.defineItem<boolean>('local:sampleMode', { fallback: false });

/** The popup's last filter choice; null until the user changes one (then the options' defaults apply). */
export const popupFiltersItem = storage.defineItem<TrendFilters | null>('local:popupFilters', {
  fallback: null,
});
