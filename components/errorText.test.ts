import { describe, expect, it } from 'vitest';
import { TREND_ERROR_KINDS, type TrendErrorKind } from '../lib/trending/types';
import { t } from '../lib/i18n';
import { errorText, fromNow, type ErrorContext } from './errorText';

const NOW = new Date(2026, 10, 26, 10, 0).getTime();
const ctx = (over: Partial<ErrorContext> = {}): ErrorContext => ({
  now: NOW,
  fetchedAt: NOW - 3 * 3_600_000,
  hasItems: true,
  budgetResetsAt: new Date(2026, 10, 27, 0, 0).getTime(),
  dailyBudget: 100,
  ...over,
});
const err = (kind: TrendErrorKind, extra = {}) => ({ kind, message: 'api text', ...extra });

describe('errorText', () => {
  it('sends an invalid key to the options page', () => {
    const t = errorText(err('invalid-key'), ctx());
    expect(t.actionLabel).toBe('Check your API key');
    expect(t.action).toBe('options');
  });

  it('says when the budget resets', () => {
    const t = errorText(err('budget-reached'), ctx());
    expect(t.message).toContain('budget of 100');
    expect(t.detail).toMatch(/resets at .*\(in 14 h\)/);
    expect(t.action).toBe('options');
    const out = errorText(err('out-of-credits'), ctx());
    expect(out.message).toMatch(/out of credits/);
    expect(out.detail).toMatch(/resets at/);
  });

  it('asks to wait a minute when rate limited', () => {
    const t = errorText(err('rate-limited', { retryAt: NOW + 45_000 }), ctx());
    expect(t.message).toMatch(/Try again in a minute/);
    expect(t.detail).toMatch(/in 1 min\)/);
    expect(t.action).toBe('retry');
  });

  it('offline: shows the saved list with its age, or says nothing is saved', () => {
    expect(errorText(err('offline'), ctx()).detail).toBe(
      'Showing the saved list from 3 hours ago.',
    );
    expect(errorText(err('offline'), ctx({ hasItems: false })).detail).toMatch(/Nothing is saved/);
  });

  it('offline because the api.keyapi.ai permission was withdrawn: says that, not "offline"', () => {
    const noAccess = errorText(err('offline', { message: t('apiNoAccess') }), ctx());
    expect(noAccess.message).toMatch(/not allowed to reach api\.keyapi\.ai/);
    expect(errorText(err('offline'), ctx()).message).toBe('You are offline.');
  });

  it('never shows the API message itself and has an action for every kind', () => {
    for (const kind of TREND_ERROR_KINDS) {
      const t = errorText(err(kind), ctx());
      expect(t.message, kind).not.toContain('api text');
      expect(t.message.length, kind).toBeGreaterThan(10);
      expect(t.actionLabel, kind).toBeTruthy();
    }
  });

  it('bad filters offer a reset', () => {
    expect(errorText(err('bad-request'), ctx()).action).toBe('reset-filters');
  });
});

describe('fromNow', () => {
  it('rounds to minutes under an hour, hours beyond', () => {
    expect(fromNow(NOW + 10 * 60_000, NOW)).toBe('in 10 min');
    expect(fromNow(NOW + 5 * 3_600_000, NOW)).toBe('in 5 h');
    expect(fromNow(NOW + 1000, NOW)).toBe('in 1 min');
  });
});

describe("the API's own words", () => {
  it('are shown beside ours when the API sent them', () => {
    const said = errorText(
      { kind: 'out-of-credits', message: 'apiKey quota is not enough', status: 200, byApi: true },
      ctx(),
    );
    expect(said.message).toMatch(/out of credits/);
    expect(said.detail).toMatch(/^keyapi.ai said: “apiKey quota is not enough”\. /);
  });

  it('are not invented when the message is ours', () => {
    const ours = errorText({ kind: 'server', message: 'keyapi.ai had a server error.' }, ctx());
    expect(ours.detail).not.toMatch(/said/);
  });
});
