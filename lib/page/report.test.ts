import { describe, expect, it } from 'vitest';
import { checkPageReport, isEmptyReport, MAX_PAGE_NAMES, reportableNames } from './report';

describe('checkPageReport', () => {
  it('takes names and a caption by the grammar, each once', () => {
    expect(
      checkPageReport({ names: ['fyp', 'café', '日本', 'fyp'], caption: ['BookTok'] }),
    ).toEqual({ names: ['fyp', 'café', '日本'], caption: ['BookTok'] });
    expect(checkPageReport({ names: [], caption: null })).toEqual({ names: [], caption: null });
    expect(checkPageReport({ names: ['fyp'] })).toEqual({ names: ['fyp'], caption: null });
  });

  it('refuses anything but bare hashtag names, saying why', () => {
    for (const name of ['#fyp', 'two words', '', ' fyp', 'a'.repeat(101), 'fyp<b>', 3, null]) {
      expect(() => checkPageReport({ names: [name] }), JSON.stringify(name)).toThrow(
        /Not a hashtag name in the page's names/,
      );
    }
    expect(() => checkPageReport({ names: ['fyp'], caption: ['ok', 'C#'] })).toThrow(/caption/);
    expect(() => checkPageReport({ names: 'fyp' })).toThrow(/must be a list of names/);
    expect(() => checkPageReport({})).toThrow(/must be a list of names/);
    expect(() => checkPageReport(null)).toThrow(/must be a list of names/);
  });

  it('takes at most 500 names a list', () => {
    const many = Array.from({ length: MAX_PAGE_NAMES }, (_, i) => `tag${i}`);
    expect(checkPageReport({ names: many }).names).toHaveLength(500);
    expect(() => checkPageReport({ names: [...many, 'one'] })).toThrow(
      'Too many names: 501 (at most 500).',
    );
    expect(() => checkPageReport({ names: [], caption: [...many, 'one'] })).toThrow(
      /Too many caption/,
    );
  });
});

describe('reportableNames', () => {
  it('keeps valid names, each once, up to 500', () => {
    expect(reportableNames(['fyp', 'usa🇺🇸', 'fyp', 'été'])).toEqual(['fyp', 'été']);
    const many = Array.from({ length: 600 }, (_, i) => `tag${i}`);
    expect(reportableNames(many)).toEqual(many.slice(0, 500));
    // What it keeps, the background takes.
    expect(() => checkPageReport({ names: reportableNames(many) })).not.toThrow();
  });
});

describe('isEmptyReport', () => {
  it('is empty without names and without a caption (an empty caption still counts)', () => {
    expect(isEmptyReport({ names: [], caption: null })).toBe(true);
    expect(isEmptyReport({ names: [], caption: [] })).toBe(false);
    expect(isEmptyReport({ names: ['fyp'], caption: null })).toBe(false);
  });
});
