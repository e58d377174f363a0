import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, type ListView } from '../../lib/trending/types';
import { mergeView } from './merge';
import { hashtag, listView } from './testing';

const list = (items = [hashtag(1), hashtag(2), hashtag(3)], over: Partial<ListView> = {}) =>
  listView({ items, rankYesterday: { tag1: 2 }, ...over });

describe('mergeView: the background’s answer on top of what is painted', () => {
  it('keeps the painted objects when nothing changed, so no row or chart is redrawn', () => {
    const painted = list();
    const answer = { ...list(), refreshing: true, credits: { creditsToday: 2 } };
    const merged = mergeView(painted, answer);
    expect(merged.items).toBe(painted.items);
    expect(merged.rankYesterday).toBe(painted.rankYesterday);
    // What only the background knows comes from its answer.
    expect(merged).toMatchObject({ refreshing: true, credits: { creditsToday: 2 } });
  });

  it('a refresh landed meanwhile: changed hashtags are new, the others the very objects shown', () => {
    const painted = list();
    const moved = { ...hashtag(2), rank: 1, posts: 9999 };
    const answer = list([moved, { ...hashtag(1), rank: 2 }, hashtag(3), hashtag(4)], {
      rankYesterday: { tag1: 1 },
      fetchedAt: 2,
    });
    const merged = mergeView(painted, answer);
    expect(merged.items).not.toBe(painted.items);
    expect(merged.items[0]).toBe(answer.items[0]);
    expect(merged.items[1]).toBe(answer.items[1]);
    expect(merged.items[2]).toBe(painted.items[2]);
    expect(merged.items[3]).toBe(answer.items[3]);
    expect(merged.rankYesterday).toEqual({ tag1: 1 });
    expect(merged.fetchedAt).toBe(2);
  });

  it('takes the answer as it is for other filters, or with nothing painted', () => {
    const answer = list(undefined, { filters: { ...DEFAULT_FILTERS, region: 'US' } });
    expect(mergeView(list(), answer)).toBe(answer);
    expect(mergeView(null, list())).toEqual(list());
  });
});
