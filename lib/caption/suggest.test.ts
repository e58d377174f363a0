import { describe, expect, it } from 'vitest';
import type { HighlightSet, HighlightTag } from '../trending/types';
import {
  MAX_SELECTED_SUGGESTIONS,
  MAX_TRENDING_SUGGESTIONS,
  chooseSuggestions,
  hasLiveTrending,
  tagsByKey,
} from './suggest';

const tag = (name: string, rank: number): HighlightTag => ({
  name,
  rank,
  movement: 'same',
  rankDiff: null,
  trend: [],
  posts: 0,
  views: 0,
});

/** Ranks 1…n named t1…tn, listed out of order as pages fetched apart may be. */
const trending = (n: number) =>
  Array.from({ length: n }, (_, i) => tag(`t${n - i}`, n - i)).reverse();

describe('chooseSuggestions', () => {
  it('offers the top ten by rank that the caption does not have', () => {
    const { selected, trending: offered } = chooseSuggestions(
      trending(20),
      [],
      new Set(['t1', 't3']),
    );
    expect(selected).toEqual([]);
    expect(offered.map((s) => s.name)).toEqual([
      't2',
      't4',
      't5',
      't6',
      't7',
      't8',
      't9',
      't10',
      't11',
      't12',
    ]);
    expect(offered).toHaveLength(MAX_TRENDING_SUGGESTIONS);
    expect(offered[0]!.tag!.rank).toBe(2);
  });

  it('puts the selection first in the order picked, with its rank when trending, never twice', () => {
    const { selected, trending: offered } = chooseSuggestions(
      [tag('Dance', 4), tag('fyp', 1), tag('cat', 2)],
      ['Cooking', 'DANCE', 'fyp', 'dance'],
      new Set(['fyp']),
    );
    expect(selected).toEqual([
      { name: 'Cooking', tag: null },
      { name: 'DANCE', tag: tag('Dance', 4) },
    ]);
    expect(offered.map((s) => s.name)).toEqual(['cat']);
  });

  it('compares names in the grammar’s normal form (case, NFC)', () => {
    const { trending: offered } = chooseSuggestions(
      [tag('Café', 1), tag('BookTok', 2)],
      [],
      new Set(['café']),
    );
    expect(offered.map((s) => s.name)).toEqual(['BookTok']);
  });

  it('caps the selection shown', () => {
    const names = Array.from({ length: 15 }, (_, i) => `pick${i}`);
    const { selected } = chooseSuggestions([], names, new Set());
    expect(selected.map((s) => s.name)).toEqual(names.slice(0, MAX_SELECTED_SUGGESTIONS));
  });

  it('tagsByKey keeps the best rank of a name listed twice', () => {
    expect(tagsByKey([tag('fyp', 7), tag('FYP', 3)]).get('fyp')!.rank).toBe(3);
  });
});

describe('hasLiveTrending', () => {
  const set = (over: Partial<HighlightSet>): HighlightSet => ({
    enabled: true,
    style: 'underline',
    source: 'live',
    fetchedAt: 1,
    tags: [tag('fyp', 1)],
    watched: [],
    ...over,
  });

  it('is true for live data with tags only', () => {
    expect(hasLiveTrending(set({}))).toBe(true);
    expect(hasLiveTrending(null)).toBe(false);
    expect(hasLiveTrending(set({ tags: [] }))).toBe(false);
    expect(hasLiveTrending(set({ source: 'sample' }))).toBe(false);
  });
});
