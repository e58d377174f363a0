/**
 * User settings: their shape, defaults and validation. Pure apart from the language of its repair
 * notices (browser.i18n, see lib/i18n.ts).
 */
import { matchesMessage, t } from './i18n';
import { DAILY_BUDGET, inRangeOr, REFRESH_HOURS } from './settings-fields';
import { regionName } from './markets';
import {
  CREDITS_PER_REQUEST,
  DEFAULT_FILTERS,
  PAGE_SIZE,
  normalizeFilters,
  type HighlightStyle,
  type TrendFilters,
} from './trending/types';

export const HIGHLIGHT_DEPTHS = [20, 40, 60, 80, 100] as const;
export type HighlightDepth = (typeof HIGHLIGHT_DEPTHS)[number];
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['underline', 'marker', 'badge'];

/** Where the toolbar button (and "Open in Hashtag Radar", and lookups) show the list. */
export const TOOLBAR_OPENS = ['popup', 'panel'] as const;
export type ToolbarOpens = (typeof TOOLBAR_OPENS)[number];

export { REFRESH_HOURS, DAILY_BUDGET } from './settings-fields';
/** Ranks a watched hashtag must move for an alert (K). */
export const ALERT_MOVE = { min: 1, max: 99, default: 5 } as const;

export interface Settings {
  /** The filter set the popup opens with and the highlighting and the schedule use. */
  defaults: TrendFilters;
  /** How long fetched data counts as fresh, in hours. */
  refreshHours: number;
  /** Credits the extension may spend a local day. */
  dailyBudget: number;
  highlight: {
    enabled: boolean;
    depth: HighlightDepth;
    style: HighlightStyle;
  };
  /** The caption assistant on TikTok's upload pages (issue 17). */
  caption: {
    enabled: boolean;
  };
  /** Watchlist alerts (lib/watch). Notifications are not a setting: they are the optional permission. */
  alerts: {
    /** A watched tag moving by at least this many ranks is a change (K). */
    minMove: number;
    /** Also report hashtags new to the top 20 of the default filters (the user's industry). */
    newcomers: boolean;
  };
  /** What the toolbar button opens: the popup, or the side panel (Firefox: the sidebar). */
  toolbarOpens: ToolbarOpens;
}

export const DEFAULT_SETTINGS: Settings = {
  defaults: DEFAULT_FILTERS,
  refreshHours: REFRESH_HOURS.default,
  dailyBudget: DAILY_BUDGET.default,
  highlight: { enabled: true, depth: 20, style: 'underline' },
  caption: { enabled: true },
  alerts: { minMove: ALERT_MOVE.default, newcomers: false },
  toolbarOpens: 'popup',
};

function inRange(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/**
 * Repairs settings read from storage (an older version, another device, a hand edit): keeps every
 * valid value, resets the others to their defaults, and says what it reset.
 */
export function sanitizeSettings(raw: unknown): { settings: Settings; notices: string[] } {
  const notices: string[] = [];
  const v = (raw ?? {}) as Partial<Record<keyof Settings, unknown>>;
  const rawDefaults = (v.defaults ?? {}) as Record<string, unknown>;
  const defaults = normalizeFilters(rawDefaults);
  if (rawDefaults.region !== undefined && rawDefaults.region !== defaults.region) {
    notices.push(t('noticeRegion', String(rawDefaults.region), regionName(defaults.region)));
  }
  const refreshHours = inRangeOr(v.refreshHours, REFRESH_HOURS);
  if (v.refreshHours !== undefined && v.refreshHours !== refreshHours) {
    notices.push(
      t(
        'noticeRefresh',
        String(v.refreshHours),
        REFRESH_HOURS.min,
        REFRESH_HOURS.max,
        refreshHours,
      ),
    );
  }
  const dailyBudget = inRangeOr(v.dailyBudget, DAILY_BUDGET);
  if (v.dailyBudget !== undefined && v.dailyBudget !== dailyBudget) {
    notices.push(
      t('noticeBudget', String(v.dailyBudget), DAILY_BUDGET.min, DAILY_BUDGET.max, dailyBudget),
    );
  }
  const h = (v.highlight ?? {}) as Partial<Record<keyof Settings['highlight'], unknown>>;
  const highlight = {
    enabled: typeof h.enabled === 'boolean' ? h.enabled : DEFAULT_SETTINGS.highlight.enabled,
    depth: HIGHLIGHT_DEPTHS.includes(h.depth as HighlightDepth)
      ? (h.depth as HighlightDepth)
      : DEFAULT_SETTINGS.highlight.depth,
    style: HIGHLIGHT_STYLES.includes(h.style as HighlightStyle)
      ? (h.style as HighlightStyle)
      : DEFAULT_SETTINGS.highlight.style,
  };
  const c = (v.caption ?? {}) as Partial<Record<keyof Settings['caption'], unknown>>;
  const caption = {
    enabled: typeof c.enabled === 'boolean' ? c.enabled : DEFAULT_SETTINGS.caption.enabled,
  };
  const a = (v.alerts ?? {}) as Partial<Record<keyof Settings['alerts'], unknown>>;
  const alerts = {
    minMove: inRange(a.minMove, ALERT_MOVE.min, ALERT_MOVE.max)
      ? a.minMove
      : DEFAULT_SETTINGS.alerts.minMove,
    newcomers: typeof a.newcomers === 'boolean' ? a.newcomers : DEFAULT_SETTINGS.alerts.newcomers,
  };
  if (a.minMove !== undefined && a.minMove !== alerts.minMove) {
    notices.push(
      t('noticeAlertMove', String(a.minMove), ALERT_MOVE.min, ALERT_MOVE.max, alerts.minMove),
    );
  }
  const toolbarOpens = TOOLBAR_OPENS.includes(v.toolbarOpens as ToolbarOpens)
    ? (v.toolbarOpens as ToolbarOpens)
    : DEFAULT_SETTINGS.toolbarOpens;
  return {
    settings: { defaults, refreshHours, dailyBudget, highlight, caption, alerts, toolbarOpens },
    notices,
  };
}

/** Scheduled refreshes a day at an interval of `refreshHours` (a partial interval still runs). */
export function refreshesPerDay(refreshHours: number): number {
  return Math.ceil(24 / refreshHours);
}

/** Credits a day that keeping the highlight list `depth` deep costs: pages × 2 credits × refreshes. */
export function highlightDailyCost(depth: HighlightDepth, refreshHours: number): number {
  return (depth / PAGE_SIZE) * CREDITS_PER_REQUEST * refreshesPerDay(refreshHours);
}

/**
 * The form field a repair notice from `sanitizeSettings` is about, so the page can show it there
 * (matched against the messages in the browser's language).
 */
export function noticeField(
  notice: string,
): 'region' | 'refreshHours' | 'dailyBudget' | 'alertMinMove' | null {
  if (matchesMessage(notice, 'noticeRegion', 2)) return 'region';
  if (matchesMessage(notice, 'noticeRefresh', 4)) return 'refreshHours';
  if (matchesMessage(notice, 'noticeBudget', 4)) return 'dailyBudget';
  if (matchesMessage(notice, 'noticeAlertMove', 4)) return 'alertMinMove';
  return null;
}
