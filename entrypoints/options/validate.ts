/**
 * The options form as plain values: what the user typed, checked into settings or into messages that
 * say at the field what is wrong. Pure: no browser APIs, unit-tested.
 */
import { industryName, isIndustryFilter } from '@/lib/industries';
import { isRegion, regionName } from '@/lib/markets';
import {
  DAILY_BUDGET,
  HIGHLIGHT_DEPTHS,
  HIGHLIGHT_STYLES,
  REFRESH_HOURS,
  type HighlightDepth,
  type Settings,
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
}

export type Field = Exclude<keyof Draft, 'highlightEnabled'>;
export type Errors = Partial<Record<Field, string>>;

export const STYLE_NAMES: Record<HighlightStyle, string> = {
  underline: 'Subtle underline',
  marker: 'Marker',
  badge: 'Badge with rank',
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
      error:
        'The key is only spaces. Paste the key from your keyapi.ai dashboard, or leave the field empty to keep the saved key.',
    };
  }
  const quoted = QUOTED.exec(key);
  if (quoted) {
    key = quoted[2]!.trim();
    notes.push('Removed the quotes around the key.');
  }
  if (BEARER.test(key) || /^bearer$/i.test(key)) {
    key = key.replace(BEARER, '').replace(/^bearer$/i, '');
    if (key === '') {
      return { ok: false, error: 'That is only the word "Bearer": paste the key that follows it.' };
    }
    notes.push('Removed "Bearer " from the front: Hashtag Radar adds it itself.');
  }
  if (/\s/.test(key)) {
    return {
      ok: false,
      error: 'The key has a space or line break inside it. Copy it again in one piece.',
    };
  }
  if (!/^[\x21-\x7e]+$/.test(key)) {
    return {
      ok: false,
      error: 'The key has characters an API key never has. Copy it again from your dashboard.',
    };
  }
  if (key.length < 12) {
    return {
      ok: false,
      error: `That is too short for an API key (${key.length} characters). Keys look like sk_live_….`,
    };
  }
  if (key.length > 256) {
    return { ok: false, error: 'That is too long for an API key: did something else get pasted?' };
  }
  return { ok: true, key, note: notes.length ? notes.join(' ') : null };
}

type WholeNumber = { ok: true; value: number } | { ok: false; error: string };

/** A whole number typed by a person: "1,000" and " 250 " are fine; "-5", "2.5" and "lots" are not. */
function parseWhole(raw: string, what: string, example: string): WholeNumber {
  const text = raw.trim().replace(/[,_\s](?=\d{3}\b)/g, '');
  if (text === '') return { ok: false, error: `Enter ${what}, for example ${example}.` };
  if (/^[-−]\s*\d/.test(text)) return { ok: false, error: `${capital(what)} can't be negative.` };
  if (!/^\+?\d+$/.test(text)) {
    return {
      ok: false,
      error: `"${raw.trim()}" is not a whole number. Enter ${what}, for example ${example}.`,
    };
  }
  return { ok: true, value: Number(text) };
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function checkBudget(raw: string): WholeNumber {
  const n = parseWhole(raw, 'a daily credit budget', '100');
  if (!n.ok) return n;
  if (n.value < DAILY_BUDGET.min) {
    return {
      ok: false,
      error: `The budget must be at least ${DAILY_BUDGET.min} credits: one request costs 2.`,
    };
  }
  if (n.value > DAILY_BUDGET.max) {
    return {
      ok: false,
      error: `The budget can be at most ${DAILY_BUDGET.max.toLocaleString('en-US')} credits a day.`,
    };
  }
  return n;
}

export function checkRefreshHours(raw: string): WholeNumber {
  const n = parseWhole(raw, 'a number of hours', '12');
  if (!n.ok) return n;
  if (n.value < REFRESH_HOURS.min || n.value > REFRESH_HOURS.max) {
    return {
      ok: false,
      error: `Choose between ${REFRESH_HOURS.min} and ${REFRESH_HOURS.max} hours.`,
    };
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

  if (!isRegion(draft.region)) errors.region = 'Choose a region from the list.';
  const period = Number(draft.period);
  if (!isPeriod(period)) errors.period = 'Choose 7, 30 or 120 days.';
  if (!isIndustryFilter(draft.industry)) errors.industry = 'Choose an industry from the list.';

  const refresh = checkRefreshHours(draft.refreshHours);
  if (!refresh.ok) errors.refreshHours = refresh.error;
  const budget = checkBudget(draft.dailyBudget);
  if (!budget.ok) errors.dailyBudget = budget.error;

  const depth = Number(draft.highlightDepth) as HighlightDepth;
  if (!HIGHLIGHT_DEPTHS.includes(depth))
    errors.highlightDepth = 'Choose top 20, 40, 60, 80 or 100.';
  const style = draft.highlightStyle as HighlightStyle;
  if (!HIGHLIGHT_STYLES.includes(style)) {
    errors.highlightStyle = 'Choose underline, marker or badge.';
  }

  if (Object.keys(errors).length > 0 || !key.ok || !refresh.ok || !budget.ok) {
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
    },
  };
}

/** "region United States, period 7 days, …": what a save stored, in words. */
export function describeSettings(s: Settings): string {
  const highlight = s.highlight.enabled
    ? `highlighting the top ${s.highlight.depth} as ${STYLE_NAMES[s.highlight.style].toLowerCase()}`
    : 'highlighting off';
  return [
    `region ${regionName(s.defaults.region)}`,
    `period ${s.defaults.period} days`,
    `industry ${industryName(s.defaults.industry)}`,
    `refresh every ${s.refreshHours} h`,
    `budget ${s.dailyBudget} credits a day`,
    highlight,
  ].join(', ');
}
