import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  highlightDailyCost,
  noticeField,
  refreshesPerDay,
  sanitizeSettings,
  type Settings,
} from '@/lib/settings';
import {
  checkBudget,
  checkKey,
  checkRefreshHours,
  describeSettings,
  draftFromSettings,
  isDirty,
  validateDraft,
  type Draft,
} from './validate';

const KEY = 'sk_live_4f1c9a2b7e9f2c';
const base = (): Draft => draftFromSettings(DEFAULT_SETTINGS);

describe('checkKey', () => {
  it('keeps the saved key when the field is empty', () => {
    expect(checkKey('')).toEqual({ ok: true, key: '', note: null });
  });

  it('trims a pasted key', () => {
    expect(checkKey(`  ${KEY}\n`)).toEqual({ ok: true, key: KEY, note: null });
  });

  it('strips a leading Bearer and says so', () => {
    for (const raw of [`Bearer ${KEY}`, `bearer  ${KEY}`, ` BEARER\t${KEY} `]) {
      const r = checkKey(raw);
      expect(r).toMatchObject({ ok: true, key: KEY });
      expect(r.ok && r.note).toContain('Removed "Bearer "');
    }
  });

  it('strips surrounding quotes and says so', () => {
    const r = checkKey(`"${KEY}"`);
    expect(r).toMatchObject({ ok: true, key: KEY });
    expect(r.ok && r.note).toContain('quotes');
  });

  it('rejects whitespace only', () => {
    const r = checkKey('   \t ');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('only spaces');
  });

  it('rejects "Bearer" alone, inner spaces, odd characters, short and huge keys', () => {
    expect(checkKey('Bearer ')).toMatchObject({ ok: false });
    expect(checkKey('Bearer')).toMatchObject({ ok: false });
    expect(checkKey('sk_live_abc def123456')).toMatchObject({
      ok: false,
      error: expect.stringContaining('space or line break'),
    });
    expect(checkKey('sk_live_ключ123456')).toMatchObject({ ok: false });
    expect(checkKey('sk_1')).toMatchObject({
      ok: false,
      error: expect.stringContaining('too short'),
    });
    expect(checkKey('x'.repeat(300))).toMatchObject({ ok: false });
  });
});

describe('numbers', () => {
  it('accepts whole numbers in range, with thousands separators', () => {
    expect(checkBudget('100')).toEqual({ ok: true, value: 100 });
    expect(checkBudget(' 1,000 ')).toEqual({ ok: true, value: 1000 });
    expect(checkRefreshHours('24')).toEqual({ ok: true, value: 24 });
    expect(checkRefreshHours('1')).toEqual({ ok: true, value: 1 });
  });

  it('says what is wrong with an absurd budget', () => {
    expect(checkBudget('-5')).toMatchObject({
      ok: false,
      error: expect.stringContaining("can't be negative"),
    });
    expect(checkBudget('lots')).toMatchObject({
      ok: false,
      error: expect.stringContaining('"lots" is not a whole number'),
    });
    expect(checkBudget('2.5')).toMatchObject({ ok: false });
    expect(checkBudget('')).toMatchObject({ ok: false, error: expect.stringContaining('Enter') });
    expect(checkBudget('1')).toMatchObject({
      ok: false,
      error: expect.stringContaining('at least 2'),
    });
    expect(checkBudget('1000001')).toMatchObject({
      ok: false,
      error: expect.stringContaining('at most'),
    });
  });

  it('keeps the refresh interval within 1–24 hours', () => {
    expect(checkRefreshHours('0')).toMatchObject({ ok: false });
    expect(checkRefreshHours('25')).toMatchObject({ ok: false });
    expect(checkRefreshHours('1e1')).toMatchObject({ ok: false });
  });
});

describe('validateDraft', () => {
  it('turns a good form into settings and the key to hand over', () => {
    const draft: Draft = {
      ...base(),
      key: ` Bearer ${KEY} `,
      region: 'US',
      period: '30',
      industry: '25000000000',
      refreshHours: '6',
      dailyBudget: '250',
      highlightEnabled: false,
      highlightDepth: '60',
      highlightStyle: 'badge',
      captionAssistant: false,
      toolbarOpens: 'panel',
    };
    const r = validateDraft(draft, DEFAULT_SETTINGS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.key).toBe(KEY);
    expect(r.notes.join(' ')).toContain('Bearer');
    const expected: Settings = {
      defaults: { region: 'US', period: 30, industry: '25000000000', newToTop100: false },
      refreshHours: 6,
      dailyBudget: 250,
      highlight: { enabled: false, depth: 60, style: 'badge' },
      caption: { enabled: false },
      alerts: { minMove: 5, newcomers: false },
      toolbarOpens: 'panel',
    };
    expect(r.settings).toEqual(expected);
    expect(sanitizeSettings(r.settings)).toEqual({ settings: expected, notices: [] });
  });

  it('keeps the saved "new to top 100" default, which this form does not show', () => {
    const saved = {
      ...DEFAULT_SETTINGS,
      defaults: { ...DEFAULT_SETTINGS.defaults, newToTop100: true },
    };
    const r = validateDraft(draftFromSettings(saved), saved);
    expect(r.ok && r.settings.defaults.newToTop100).toBe(true);
  });

  it('reports every bad field at once and saves nothing', () => {
    const r = validateDraft(
      {
        ...base(),
        key: '   ',
        region: 'XX',
        period: '14',
        industry: 'cars',
        refreshHours: '48',
        dailyBudget: '-1',
        highlightDepth: '30',
        highlightStyle: 'blink',
        alertMinMove: '0',
      },
      DEFAULT_SETTINGS,
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && Object.keys(r.errors).sort()).toEqual(
      [
        'alertMinMove',
        'dailyBudget',
        'highlightDepth',
        'highlightStyle',
        'industry',
        'key',
        'period',
        'refreshHours',
        'region',
      ].sort(),
    );
  });

  it('accepts every market and industry the selects offer', () => {
    expect(
      validateDraft({ ...base(), region: 'all_regions', industry: 'nothing' }, DEFAULT_SETTINGS).ok,
    ).toBe(true);
    expect(
      validateDraft({ ...base(), region: 'TR', industry: '29000000000' }, DEFAULT_SETTINGS).ok,
    ).toBe(true);
  });
});

describe('dirty state and wording', () => {
  it('is clean right after loading and dirty after any change or a typed key', () => {
    expect(isDirty(base(), DEFAULT_SETTINGS)).toBe(false);
    expect(isDirty({ ...base(), region: 'US' }, DEFAULT_SETTINGS)).toBe(true);
    expect(isDirty({ ...base(), highlightEnabled: false }, DEFAULT_SETTINGS)).toBe(true);
    expect(isDirty({ ...base(), captionAssistant: false }, DEFAULT_SETTINGS)).toBe(true);
    expect(isDirty({ ...base(), key: 'x' }, DEFAULT_SETTINGS)).toBe(true);
    expect(isDirty({ ...base(), key: '  ' }, DEFAULT_SETTINGS)).toBe(false);
  });

  it('describes saved settings in words', () => {
    const text = describeSettings({
      ...DEFAULT_SETTINGS,
      defaults: { ...DEFAULT_SETTINGS.defaults, region: 'US' },
    });
    expect(text).toBe(
      'region United States, period 7 days, industry All industries, refresh every 12 h, budget 100 credits a day, highlighting the top 20 as subtle underline, alerts from 5 ranks',
    );
    expect(describeSettings({ ...DEFAULT_SETTINGS, caption: { enabled: false } })).toMatch(
      /highlighting the top 20 as subtle underline, caption assistant off, alerts from 5 ranks$/,
    );
    expect(
      describeSettings({ ...DEFAULT_SETTINGS, alerts: { minMove: 3, newcomers: true } }),
    ).toMatch(/, alerts from 3 ranks and for new top-20 hashtags$/);
    expect(describeSettings({ ...DEFAULT_SETTINGS, toolbarOpens: 'panel' })).toMatch(
      /, alerts from 5 ranks, toolbar button opens the side panel$/,
    );
  });

  it('refuses a toolbar choice that is neither the popup nor the side panel', () => {
    const r = validateDraft({ ...base(), toolbarOpens: 'window' }, DEFAULT_SETTINGS);
    expect(r).toMatchObject({
      ok: false,
      errors: { toolbarOpens: 'Choose the popup or the side panel.' },
    });
  });
});

describe('highlight costs', () => {
  it('is pages × 2 credits × refreshes a day', () => {
    expect(refreshesPerDay(12)).toBe(2);
    expect(refreshesPerDay(5)).toBe(5);
    expect(highlightDailyCost(20, 12)).toBe(4);
    expect(highlightDailyCost(100, 12)).toBe(20);
    expect(highlightDailyCost(40, 1)).toBe(96);
    expect(highlightDailyCost(60, 24)).toBe(6);
  });

  it('repairs the watchlist alert settings, keeping valid ones and saying what it reset', () => {
    expect(sanitizeSettings({}).settings.alerts).toEqual({ minMove: 5, newcomers: false });
    expect(sanitizeSettings({ alerts: { minMove: 12, newcomers: true } }).settings.alerts).toEqual({
      minMove: 12,
      newcomers: true,
    });
    const { settings, notices } = sanitizeSettings({ alerts: { minMove: 2.5, newcomers: 'yes' } });
    expect(settings.alerts).toEqual({ minMove: 5, newcomers: false });
    expect(notices).toEqual([
      'The saved alert threshold "2.5" was not a whole number of ranks from 1 to 99; it was reset to 5.',
    ]);
  });

  it('maps repair notices to their field', () => {
    const { notices } = sanitizeSettings({
      defaults: { region: 'XX' },
      refreshHours: 0,
      dailyBudget: 'x',
    });
    expect(notices.map(noticeField)).toEqual(['region', 'refreshHours', 'dailyBudget']);
    const alerts = sanitizeSettings({ alerts: { minMove: 500 } }).notices;
    expect(alerts.map(noticeField)).toEqual(['alertMinMove']);
    expect(noticeField('something else')).toBeNull();
  });
});
