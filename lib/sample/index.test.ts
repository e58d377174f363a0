import { describe, expect, it } from 'vitest';
import { INDUSTRIES } from '../industries';
import { MARKETS } from '../markets';
import { DEFAULT_FILTERS, PERIODS, type TrendFilters } from '../trending/types';
import { t } from '../i18n';
import { SAMPLE_FETCHED_AT, sampleHashtags } from './index';

const names = (f: TrendFilters) => sampleHashtags(f).map((h) => h.name);

const FILTER_SETS: TrendFilters[] = [
  DEFAULT_FILTERS,
  { ...DEFAULT_FILTERS, region: 'US' },
  { ...DEFAULT_FILTERS, region: 'JP', period: 30 },
  { ...DEFAULT_FILTERS, region: 'SA', period: 120, newToTop100: true },
  ...INDUSTRIES.map((i) => ({ ...DEFAULT_FILTERS, industry: i.id, region: 'BR' as const })),
  ...INDUSTRIES.map((i) => ({ ...DEFAULT_FILTERS, industry: i.id, newToTop100: true })),
  ...MARKETS.map((m) => ({ ...DEFAULT_FILTERS, region: m.code, period: 7 as const })),
];

describe('sampleHashtags', () => {
  it.each(FILTER_SETS)('gives a complete top 100 for %o', (filters) => {
    const list = sampleHashtags(filters);
    expect(list).toHaveLength(100);
    expect(list.map((h) => h.rank)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(new Set(list.map((h) => h.name.toLowerCase())).size).toBe(100);
    expect(new Set(list.map((h) => h.id)).size).toBe(100);
    for (const h of list) {
      expect(h.name).toMatch(/^[\p{L}\p{M}\p{N}_]+$/u);
      expect(h.trend).toHaveLength(filters.period);
      expect(Math.max(...h.trend.map((p) => p.value))).toBe(1);
      expect(h.trend.every((p) => p.value > 0 && p.value <= 1)).toBe(true);
      expect(Number.isInteger(h.posts) && h.posts > 0).toBe(true);
      expect(Number.isInteger(h.views) && h.views >= h.posts).toBe(true);
      expect(h.creators.length).toBeLessThanOrEqual(3);
      expect(h.creators.every((c) => c.name.length > 0 && c.avatarUrl === null)).toBe(true);
      if (filters.newToTop100) expect(h.movement).toBe('new');
      if (filters.industry !== 'nothing') expect(h.industry?.id).toBe(filters.industry);
      expect(h.country?.code ?? 'all_regions').toBe(filters.region);
    }
  });

  it('ends every trend on the snapshot day, one point a day', () => {
    const lastDay = Math.floor(SAMPLE_FETCHED_AT / 86_400_000) * 86_400;
    for (const period of PERIODS) {
      const { trend } = sampleHashtags({ ...DEFAULT_FILTERS, period })[0]!;
      expect(trend.at(-1)!.time).toBe(lastDay);
      expect(trend[1]!.time - trend[0]!.time).toBe(86_400);
    }
  });

  it('is deterministic', () => {
    const f: TrendFilters = {
      region: 'DE',
      period: 30,
      industry: '27000000000',
      newToTop100: false,
    };
    expect(sampleHashtags(f)).toEqual(sampleHashtags({ ...f }));
  });

  it('changes plausibly with each filter', () => {
    const base = names(DEFAULT_FILTERS);
    expect(names({ ...DEFAULT_FILTERS, region: 'JP' })).not.toEqual(base);
    expect(names({ ...DEFAULT_FILTERS, period: 120 })).not.toEqual(base);
    expect(names({ ...DEFAULT_FILTERS, industry: '19000000000' })).not.toEqual(base);
    expect(names({ ...DEFAULT_FILTERS, newToTop100: true })).not.toEqual(base);
    // A market shows its own tags; the platform's leaders are never "new to the top 100".
    expect(names({ ...DEFAULT_FILTERS, region: 'JP' })).toContain('おすすめ');
    expect(names({ ...DEFAULT_FILTERS, region: 'US' })).not.toContain('おすすめ');
    expect(names({ ...DEFAULT_FILTERS, newToTop100: true })).not.toContain('fyp');
    expect(base.slice(0, 10)).toContain('fyp');
  });

  it('has more posts near the top than at the bottom', () => {
    const list = sampleHashtags({ ...DEFAULT_FILTERS, region: 'US' });
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(avg(list.slice(0, 10).map((h) => h.posts))).toBeGreaterThan(
      2 * avg(list.slice(90).map((h) => h.posts)),
    );
  });

  it('returns copies, so a caller cannot change the next answer', () => {
    const first = sampleHashtags(DEFAULT_FILTERS);
    first[0]!.name = 'changed';
    expect(sampleHashtags(DEFAULT_FILTERS)[0]!.name).not.toBe('changed');
  });

  it('labels itself honestly', () => {
    // The label the popup, the options and the README use for it (messages.json).
    expect(t('sampleLabel')).toBe('Sample data — not live');
    expect(Number.isFinite(SAMPLE_FETCHED_AT)).toBe(true);
  });
});
