import { describe, expect, it } from 'vitest';
import { initials } from './Avatar';
import { pointText, trendSummary } from './charts';
import { suggestions } from './EmptyState';
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
    expect(trendSummary([])).toBe('No trend data');
    expect(
      trendSummary([
        { time: 1, value: 0.45 },
        { time: 2, value: 1 },
      ]),
    ).toBe('Trend over 2 days, from 45% to 100% of peak');
  });
});

describe('empty list suggestions', () => {
  it('widens the nearest filter first, at most two', () => {
    expect(suggestions(DEFAULT_FILTERS).map((s) => s.patch)).toEqual([{ period: 30 }]);
    const narrow = {
      region: 'US',
      period: 120,
      industry: '27000000000',
      newToTop100: true,
    } as const;
    expect(suggestions(narrow).map((s) => s.patch)).toEqual([
      { newToTop100: false },
      { industry: 'nothing' },
    ]);
  });

  it('has nothing to suggest when nothing is narrowed', () => {
    expect(suggestions({ ...DEFAULT_FILTERS, period: 120 })).toEqual([]);
  });
});
