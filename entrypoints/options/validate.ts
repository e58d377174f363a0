/**
 * The options form as plain values: what the user typed, checked into settings or into messages that
 * say at the field what is wrong. Pure: no browser APIs, unit-tested.
 */
import { t, type MessageKey } from '@/lib/i18n';
import { industryName, isIndustryFilter } from '@/lib/industries';
import { isRegion, regionName } from '@/lib/markets';
import {
  ALERT_MOVE,
  DAILY_BUDGET,
  HIGHLIGHT_DEPTHS,
  HIGHLIGHT_STYLES,
  REFRESH_HOURS,
  TOOLBAR_OPENS,
  type HighlightDepth,
  type Settings,
  type ToolbarOpens,
} from '@/lib/settings';
import { isPeriod, type HighlightStyle } from '@/lib/trending/types';

/** The form's fields as the controls hold them (text inputs and selects hold strings). */
export interface Draft {
  key: string;
  region: string;
  period: string;
  industry: string;
  refreshHours: string;
  dailyBudget: string;
  highlightEnabled: boolean;
  highlightDepth: string;
  highlightStyle: string;
  captionAssistant: boolean;
  alertMinMove: string;
  alertNewcomers: boolean;
  toolbarOpens: string;
}

/** The fields that can be wrong (checkboxes cannot). */
export type Field = Exclude<
  keyof Draft,
  'highlightEnabled' | 'captionAssistant' | 'alertNewcomers'
>;
export type Errors = Partial<Record<Field, string>>;

/** Each highlight style's name (messages.json). */
export const STYLE_NAMES: Record<HighlightStyle, MessageKey> = {
  underline: 'styleUnderline',
  marker: 'styleMarker',
  badge: 'styleBadge',
};

export function draftFromSettings(s: Settings): Draft {
  return {
    key: '',
    region: s.defaults.region,
    period: String(s.defaults.period),
    industry: s.defaults.industry,
    refreshHours: String(s.refreshHours),
    dailyBudget: String(s.dailyBudget),
    highlightEnabled: s.highlight.enabled,
    highlightDepth: String(s.highlight.depth),
    highlightStyle: s.highlight.style,
    captionAssistant: s.caption.enabled,
    alertMinMove: String(s.alerts.minMove),
    alertNewcomers: s.alerts.newcomers,
    toolbarOpens: s.toolbarOpens,
  };
}

/** Whether the form differs from what is saved (a typed key always counts as a change). */
export function isDirty(draft: Draft, saved: Settings): boolean {
  const base = draftFromSettings(saved);
  return (Object.keys(base) as (keyof Draft)[]).some((k) =>
    k === 'key' ? draft.key.trim() !== '' : draft[k] !== base[k],
  );
}

export type KeyCheck =
  | { ok: true; /** '' keeps the saved key. */ key: string; note: string | null }
  | { ok: false; error: string };

const BEARER = /^bearer\s+/i;
const QUOTED = /^(["'`])(.*)\1$/s;

/** A pasted key: trimmed, with a leading `Bearer ` or surrounding quotes removed (and said so). */
export function checkKey(raw: string): KeyCheck {
  if (raw === '') return { ok: true, key: '', note: null };
  let key = raw.trim();
  const notes: string[] = [];
  if (key === '') {
    return {
      ok: false,
      error: t('keyOnlySpaces'),
    };
  }
  const quoted = QUOTED.exec(key);
  if (quoted) {
    key = quoted[2]!.trim();
    notes.push(t('keyQuotesRemoved'));
  }
  if (BEARER.test(key) || /^bearer$/i.test(key)) {
    key = key.replace(BEARER, '').replace(/^bearer$/i, '');
    if (key === '') {
      return { ok: false, error: t('keyOnlyBearer') };
    }
    notes.push(t('keyBearerRemoved'));
  }
  if (/\s/.test(key)) {
    return {
      ok: false,
      error: t('keyHasSpace'),
    };
  }
  if (!/^[\x21-\x7e]+$/.test(key)) {
    return {
      ok: false,
      error: t('keyBadChars'),
    };
  }
  if (key.length < 12) {
    return {
      ok: false,
      error: t('keyTooShort', key.length),
    };
  }
  if (key.length > 256) {
    return { ok: false, error: t('keyTooLong') };
  }
  return { ok: true, key, note: notes.length ? notes.join(' ') : null };
}

type WholeNumber = { ok: true; value: number } | { ok: false; error: string };

/** What to say when a number field is empty, negative or not a whole number. */
type WholeErrors = {
  empty: MessageKey;
  negative: MessageKey;
  notWhole: MessageKey;
  example: number;
};
const BUDGET_ERRORS: WholeErrors = {
  empty: 'budgetEmpty',
  negative: 'budgetNegative',
  notWhole: 'budgetNotWhole',
  example: 100,
};
const ALERT_MOVE_ERRORS: WholeErrors = {
  empty: 'alertMoveEmpty',
  negative: 'alertMoveNegative',
  notWhole: 'alertMoveNotWhole',
  example: ALERT_MOVE.default,
};
const HOURS_ERRORS: WholeErrors = {
  empty: 'hoursEmpty',
  negative: 'hoursNegative',
  notWhole: 'hoursNotWhole',
  example: 12,
};

/** A whole number typed by a person: "1,000" and " 250 " are fine; "-5", "2.5" and "lots" are not. */
function parseWhole(raw: string, say: WholeErrors): WholeNumber {
  const text = raw.trim().replace(/[,_\s](?=\d{3}\b)/g, '');
  if (text === '') return { ok: false, error: t(say.empty, say.example) };
  if (/^[-−]\s*\d/.test(text)) return { ok: false, error: t(say.negative) };
  if (!/^\+?\d+$/.test(text)) {
    return { ok: false, error: t(say.notWhole, raw.trim(), say.example) };
  }
  return { ok: true, value: Number(text) };
}

export function checkBudget(raw: string): WholeNumber {
  const n = parseWhole(raw, BUDGET_ERRORS);
  if (!n.ok) return n;
  if (n.value < DAILY_BUDGET.min) {
    return {
      ok: false,
      error: t('budgetMin', DAILY_BUDGET.min),
    };
  }
  if (n.value > DAILY_BUDGET.max) {
    return {
      ok: false,
      error: t('budgetMax', DAILY_BUDGET.max),
    };
  }
  return n;
}

export function checkRefreshHours(raw: string): WholeNumber {
  const n = parseWhole(raw, HOURS_ERRORS);
  if (!n.ok) return n;
  if (n.value < REFRESH_HOURS.min || n.value > REFRESH_HOURS.max) {
    return {
      ok: false,
      error: t('hoursRange', REFRESH_HOURS.min, REFRESH_HOURS.max),
    };
  }
  return n;
}

/** The ranks a watched tag must move for an alert (K). */
export function checkAlertMove(raw: string): WholeNumber {
  const n = parseWhole(raw, ALERT_MOVE_ERRORS);
  if (!n.ok) return n;
  if (n.value < ALERT_MOVE.min || n.value > ALERT_MOVE.max) {
    return { ok: false, error: t('alertMoveRange', ALERT_MOVE.min, ALERT_MOVE.max) };
  }
  return n;
}

export type Validation =
  | { ok: true; settings: Settings; key: string; notes: string[] }
  | { ok: false; errors: Errors; notes: string[] };

/**
 * Checks every field. On success gives the settings to save and the key to hand over ('' = keep the
 * saved one); otherwise an error per field, and nothing is saved.
 */
export function validateDraft(draft: Draft, saved: Settings): Validation {
  const errors: Errors = {};
  const notes: string[] = [];

  const key = checkKey(draft.key);
  if (!key.ok) errors.key = key.error;
  else if (key.note) notes.push(key.note);

  if (!isRegion(draft.region)) errors.region = t('chooseRegion');
  const period = Number(draft.period);
  if (!isPeriod(period)) errors.period = t('choosePeriod');
  if (!isIndustryFilter(draft.industry)) errors.industry = t('chooseIndustry');

  const refresh = checkRefreshHours(draft.refreshHours);
  if (!refresh.ok) errors.refreshHours = refresh.error;
  const budget = checkBudget(draft.dailyBudget);
  if (!budget.ok) errors.dailyBudget = budget.error;

  const alertMove = checkAlertMove(draft.alertMinMove);
  if (!alertMove.ok) errors.alertMinMove = alertMove.error;

  const depth = Number(draft.highlightDepth) as HighlightDepth;
  if (!HIGHLIGHT_DEPTHS.includes(depth)) errors.highlightDepth = t('chooseDepth');
  const style = draft.highlightStyle as HighlightStyle;
  if (!HIGHLIGHT_STYLES.includes(style)) {
    errors.highlightStyle = t('chooseStyle');
  }

  const toolbarOpens = draft.toolbarOpens as ToolbarOpens;
  if (!TOOLBAR_OPENS.includes(toolbarOpens)) errors.toolbarOpens = t('chooseToolbarOpens');

  if (Object.keys(errors).length > 0 || !key.ok || !refresh.ok || !budget.ok || !alertMove.ok) {
    return { ok: false, errors, notes };
  }
  return {
    ok: true,
    key: key.key,
    notes,
    settings: {
      defaults: {
        region: draft.region as Settings['defaults']['region'],
        period: period as Settings['defaults']['period'],
        industry: draft.industry as Settings['defaults']['industry'],
        newToTop100: saved.defaults.newToTop100,
      },
      refreshHours: refresh.value,
      dailyBudget: budget.value,
      highlight: { enabled: draft.highlightEnabled, depth, style },
      caption: { enabled: draft.captionAssistant },
      alerts: { minMove: alertMove.value, newcomers: draft.alertNewcomers },
      toolbarOpens,
    },
  };
}

/** "region United States, period 7 days, …": what a save stored, in words. */
export function describeSettings(s: Settings): string {
  const highlight = s.highlight.enabled
    ? t('savedHighlight', s.highlight.depth, t(STYLE_NAMES[s.highlight.style]).toLocaleLowerCase())
    : t('savedHighlightOff');
  return [
    t('savedRegion', regionName(s.defaults.region)),
    t('savedPeriod', s.defaults.period),
    t('savedIndustry', industryName(s.defaults.industry)),
    t('savedRefresh', s.refreshHours),
    t('savedBudget', s.dailyBudget),
    highlight,
    ...(s.caption.enabled ? [] : [t('savedCaptionOff')]),
    s.alerts.newcomers
      ? t('savedAlertsNewcomers', s.alerts.minMove)
      : t('savedAlerts', s.alerts.minMove),
    ...(s.toolbarOpens === 'panel' ? [t('savedToolbarPanel')] : []),
  ].join(', ');
}
