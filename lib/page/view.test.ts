import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, type Hashtag, type TrendView } from '../trending/types';
import { buildPageTagsView } from './view';

function tag(name: string, rank: number): Hashtag {
  return {
    id: `id-${name}`,
    name,
    rank,
    movement: 'up',
    rankDiff: 2,
    country: null,
    industry: null,
    promoted: false,
    trend: [],
    creators: [],
    posts: 10,
    views: 100,
  };
}

const NAMES = ['fyp', 'foryou', 'Café', '日本', 'dance'];
const view = (over: Partial<TrendView> = {}): TrendView => ({
  filters: DEFAULT_FILTERS,
  source: 'live',
  items: NAMES.map((n, i) => tag(n, i + 1)),
  pagesLoaded: 1,
  total: 5,
  hasMore: false,
  nextPageCached: false,
  fetchedAt: 1000,
  stale: false,
  refreshing: false,
  error: null,
  rankYesterday: { fyp: 3, dance: 5, other: 1 },
  credits: {} as TrendView['credits'],
  ...over,
});

describe('buildPageTagsView', () => {
  it('ranks the names found by the list, best first, and the caption in its own order', () => {
    const v = buildPageTagsView({
      page: {
        names: ['dance', 'café', 'fyp', 'gone'],
        caption: ['Dance', 'kyotolife', 'FYP', 'fyp'],
        at: 5,
      },
      view: view(),
      depth: 20,
      highlight: true,
      olderTab: false,
    });
    expect(v.found.map((t) => `${t.rank}:${t.name}`)).toEqual(['1:fyp', '3:Café', '5:dance']);
    expect(v.caption?.map((c) => `${c.name}:${c.tag?.rank ?? '-'}`)).toEqual([
      'Dance:5',
      'kyotolife:-',
      'FYP:1',
    ]);
    expect(v.rankYesterday).toEqual({ fyp: 3, dance: 5 });
    expect(v).toMatchObject({ reportedAt: 5, depth: 20, fetchedAt: 1000, error: null });
  });

  it('counts only ranks within the depth the page is marked to', () => {
    const v = buildPageTagsView({
      page: { names: ['fyp', 'dance'], caption: ['dance'], at: 5 },
      view: view(),
      depth: 3,
      highlight: true,
      olderTab: false,
    });
    expect(v.found.map((t) => t.name)).toEqual(['fyp']);
    expect(v.caption).toEqual([{ name: 'dance', tag: null }]);
  });

  it('says nothing was reported, and why there is no list', () => {
    const error = { kind: 'no-key' as const, message: 'No key' };
    const v = buildPageTagsView({
      page: null,
      view: view({ items: [], error }),
      depth: 20,
      highlight: false,
      olderTab: true,
    });
    expect(v).toMatchObject({
      reportedAt: null,
      found: [],
      caption: null,
      error,
      highlight: false,
      olderTab: true,
    });
    // An error beside a list that is still shown is the list's business, not this view's.
    expect(
      buildPageTagsView({
        page: null,
        view: view({ error }),
        depth: 20,
        highlight: true,
        olderTab: false,
      }).error,
    ).toBeNull();
  });
});
