/**
 * Every value the extension keeps in browser storage, declared once with its default. The key,
 * the credit ledger and the request gates are not here: they are in the vault (`lib/vault.ts`),
 * out of content scripts' reach. Cache and history items of the data service live in
 * `lib/trending/store.ts` and `history.ts`; the watchlist, its change events and the last
 * compared ranking in `lib/watch/store.ts`.
 */
import { storage } from 'wxt/utils/storage';
import { sanitizeSelection } from './caption/selection';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from './settings';
import type { TrendFilters } from './trending/types';

/**
 * v1 kept the settings flat, one key per value; v2 groups them (`defaults`, `highlight`). Values
 * written without version metadata count as v1 and may already be nested, so the shape decides.
 */
export interface SettingsV1 {
  region?: unknown;
  period?: unknown;
  industry?: unknown;
  newToTop100?: unknown;
  refreshHours?: unknown;
  dailyBudget?: unknown;
  highlightEnabled?: unknown;
  highlightDepth?: unknown;
  highlightStyle?: unknown;
}

/** The v2 grouping of a value in either layout (v1 flat, or already grouped). */
export function groupSettings(old: unknown): unknown {
  const raw = (old ?? {}) as SettingsV1 & Partial<Record<keyof Settings, unknown>>;
  if (typeof raw.defaults === 'object' && raw.defaults !== null) return raw;
  return {
    defaults: {
      region: raw.region,
      period: raw.period,
      industry: raw.industry,
      newToTop100: raw.newToTop100,
    },
    refreshHours: raw.refreshHours,
    dailyBudget: raw.dailyBudget,
    highlight: {
      enabled: raw.highlightEnabled,
      depth: raw.highlightDepth,
      style: raw.highlightStyle,
    },
  };
}

/** v1 → v2: regroups a flat layout, then repairs every value (unknown region → default, with a notice). */
export async function migrateSettingsV2(old: unknown): Promise<Settings> {
  const { settings, notices } = sanitizeSettings(groupSettings(old));
  await addSettingsNotices(notices);
  return settings;
}

/** Settings that are safe to sync between the user's browsers (no secrets). Read with `readSettings`. */
export const settingsItem = /* @__PURE__ */ storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: { 2: migrateSettingsV2 },
});

/** Notices from repairing stored settings (e.g. an unknown region reset), shown once on the options page. */
export const settingsNoticesItem = storage.defineItem<string[]>('local:settingsNotices', {
  fallback: [],
});

/** Adds notices for the options page, each once (several contexts may repair the same value). */
export async function addSettingsNotices(notices: string[]): Promise<void> {
  if (notices.length === 0) return;
  const current = await settingsNoticesItem.getValue();
  const next = [...current, ...notices.filter((n) => !current.includes(n))];
  if (next.length !== current.length) await settingsNoticesItem.setValue(next);
}

/**
 * The settings, repaired: a value synced from another browser or edited by hand that is not valid
 * any more is reset to its default, written back, and announced on the options page.
 */
export async function readSettings(): Promise<Settings> {
  const raw = await settingsItem.getValue();
  const { settings, notices } = sanitizeSettings(groupSettings(raw));
  if (notices.length > 0) {
    await addSettingsNotices(notices);
    await settingsItem.setValue(settings);
  }
  return settings;
}

/** "Try with sample data": the bundled snapshot replaces live data; no request is made. */
export const sampleModeItem = storage.defineItem<boolean>('local:sampleMode', { fallback: false });

/** The popup's last filter choice; null until the user changes one (then the options' defaults apply). */
export const popupFiltersItem = storage.defineItem<TrendFilters | null>('local:popupFilters', {
  fallback: null,
});

/**
 * The hashtags picked in the popup's selection tray, in the order picked, for the browser session.
 * Session storage: the tray writes it, the background reads it into the caption assistant's highlight
 * set (content scripts cannot read session storage). Read it with `readCaptionSelection`.
 */
export const captionSelectionItem = /* @__PURE__ */ storage.defineItem<string[]>(
  'session:captionSelection',
  {
    fallback: [],
  },
);

/** The selection, validated: what is not a hashtag name is dropped, a damaged value reads as empty. */
export async function readCaptionSelection(): Promise<string[]> {
  return sanitizeSelection(await captionSelectionItem.getValue());
}

/** The caption assistant's panel on TikTok's upload page is collapsed to its header line. */
export const captionPanelCollapsedItem = storage.defineItem<boolean>(
  'local:captionPanelCollapsed',
  { fallback: false },
);
