import { describe, expect, it } from 'vitest';
import { initials } from './Avatar';
import { chartSummary, pointText } from './charts';
import { dayToTime } from './detail-charts';
import { widerFilters } from './EmptyState';
import { tagUrl } from './TrendRow';
import { DEFAULT_FILTERS } from '../lib/trending/types';

describe('initials', () => {
  it('takes the first letters of up to two words', () => {
    expect(initials('becky mae')).toBe('BM');
    expect(initials('micaelarosa_')).toBe('M');
    expect(initials('Galicia Gordon Smith')).toBe('GG');
    expect(initials('  ')).toBe('?');
    expect(initials('😀 smile')).toBe('😀S');
  });
});

describe('tagUrl', () => {
  it('encodes the name into a tiktok.com tag URL', () => {
    expect(tagUrl('fyp')).toBe('https://www.tiktok.com/tag/fyp');
    expect(tagUrl('日本')).toBe('https://www.tiktok.com/tag/%E6%97%A5%E6%9C%AC');
    expect(tagUrl('a/b?c')).toBe('https://www.tiktok.com/tag/a%2Fb%3Fc');
  });
});

describe('chart texts', () => {
  it('describes a point and a trend', () => {
    expect(pointText({ time: 1769990400, value: 0.955 })).toMatch(/ · 96% of peak$/);
    expect(chartSummary([])).toBe('No trend data');
    expect(
      chartSummary([
        { time: 1, value: 0.45 },
        { time: 2, value: 1 },
      ]),
    ).toBe('Trend over 2 days, from 45% to 100% of peak');
  });
});

describe('rank chart texts', () => {
  it('describes ranks and turns local days into times', () => {
    const points = [
      { time: dayToTime('2026-11-24'), value: 9 },
      { time: dayToTime('2026-11-26'), value: 4 },
    ];
    expect(pointText(points[1]!, 'rank')).toMatch(/ · #4$/);
    expect(chartSummary(points, 'rank')).toBe('Rank on 2 days, from #9 to #4');
    expect(new Date(points[0]!.time * 1000).getDate()).toBe(24);
    expect(points[1]!.time - points[0]!.time).toBe(2 * 86_400);
  });
});

describe('empty list suggestions', () => {
  it('widens the nearest filter first, at most two', () => {
    expect(widerFilters(DEFAULT_FILTERS).map((s) => s.patch)).toEqual([{ period: 30 }]);
    const narrow = {
      region: 'US',
      period: 120,
      industry: '27000000000',
      newToTop100: true,
    } as const;
    expect(widerFilters(narrow).map((s) => s.patch)).toEqual([
      { newToTop100: false },
      { industry: 'nothing' },
    ]);
  });

  it('offers another period when nothing is narrowed', () => {
    expect(widerFilters({ ...DEFAULT_FILTERS, period: 120 }).map((s) => s.patch)).toEqual([
      { period: 7 },
    ]);
  });
});
