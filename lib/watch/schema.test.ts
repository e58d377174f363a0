import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../trending/types';
import { checkWatchName } from './name';
import { repairEvents, repairSnapshot, repairUnwatched, repairWatchlist } from './schema';
import { MAX_WATCHED, UNDO_UNWATCH_MS } from './types';

const NOW = new Date(2026, 10, 26, 9).getTime();
const good = { name: 'booktok', since: NOW, start: { filters: 'x', depth: 20, rank: 3 } };

describe('hashtag names to watch', () => {
  it('takes a name with or without #, as spelled, in NFC', () => {
    expect(checkWatchName(' #BookTok ')).toEqual({ ok: true, name: 'BookTok' });
    expect(checkWatchName('日本')).toEqual({ ok: true, name: '日本' });
    expect(checkWatchName('cafe\u0301')).toEqual({ ok: true, name: 'café' });
    expect(checkWatchName('_2025')).toEqual({ ok: true, name: '_2025' });
  });

  it('says what is wrong with anything else', () => {
    expect(checkWatchName('')).toEqual({
      ok: false,
      error: 'Type a hashtag to watch, e.g. #booktok.',
    });
    expect(checkWatchName('#')).toMatchObject({ ok: false, error: expect.stringMatching(/^Type/) });
    expect(checkWatchName(42)).toMatchObject({ ok: false });
    expect(checkWatchName('book tok')).toEqual({
      ok: false,
      error:
        '"book tok" is not a hashtag: use letters, digits and _ only, without spaces, e.g. #booktok.',
    });
    for (const bad of ['#book-tok', '##booktok', 'book#tok', '<b>x</b>', 'a\u0000b']) {
      expect(checkWatchName(bad), bad).toMatchObject({ ok: false });
    }
    expect(checkWatchName('a'.repeat(101))).toEqual({
      ok: false,
      error: 'A hashtag to watch can have at most 100 characters.',
    });
    expect(checkWatchName('a'.repeat(100))).toMatchObject({ ok: true });
  });
});

describe('stored values are repaired, never thrown', () => {
  it('keeps a good watchlist as it is', () => {
    expect(repairWatchlist([good])).toEqual([good]);
  });

  it('drops damaged entries, names outside the grammar and repeats; forgets a damaged start', () => {
    const repaired = repairWatchlist([
      good,
      { name: 'BOOKTOK', since: NOW, start: null },
      { name: 'book tok', since: NOW, start: null },
      { name: 'cats', since: 'yesterday' },
      'dogs',
      null,
      { name: 'dogs', since: NOW, start: { filters: 'x', depth: 'deep', rank: 3 } },
    ]);
    expect(repaired).toEqual([good, { name: 'dogs', since: NOW, start: null }]);
  });

  it('keeps at most 50 and reads anything that is not a list as empty', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ ...good, name: `tag${i}` }));
    expect(repairWatchlist(many)).toHaveLength(MAX_WATCHED);
    for (const raw of [null, undefined, 'booktok', { tags: [good] }, 7]) {
      expect(repairWatchlist(raw)).toEqual([]);
    }
  });

  it('keeps the tags unwatched in the last 10 minutes, the newest of each name, valid ones only', () => {
    const at = (ago: number) => NOW - ago;
    const repaired = repairUnwatched(
      [
        { tag: good, at: at(60_000) },
        { tag: { ...good, since: NOW - 5 }, at: at(1_000) },
        { tag: { ...good, name: 'dogs' }, at: at(UNDO_UNWATCH_MS) },
        { tag: { ...good, name: 'cats' }, at: NOW + 1 },
        { tag: { ...good, name: 'book tok' }, at: at(1) },
        { tag: good },
        'garbage',
      ],
      NOW,
    );
    expect(repaired).toEqual([{ tag: { ...good, since: NOW - 5 }, at: at(1_000) }]);
    expect(repairUnwatched({ tag: good, at: NOW }, NOW)).toEqual([]);
  });

  it('drops damaged events and keeps the valid ones in order', () => {
    const event = {
      id: 'a',
      tag: 'booktok',
      kind: 'entered',
      oldRank: null,
      newRank: 14,
      filters: DEFAULT_FILTERS,
      depth: 20,
      time: NOW,
      seen: false,
    };
    const repaired = repairEvents(
      [
        { ...event, id: 'old', time: NOW - 1000 },
        { ...event, kind: 'exploded' },
        { ...event, newRank: 0 },
        { ...event, filters: { ...DEFAULT_FILTERS, region: 'XX' } },
        { ...event, seen: 'no' },
        event,
      ],
      NOW,
    );
    expect(repaired.map((e) => e.id)).toEqual(['a', 'old']);
    expect(repairEvents({ events: [event] }, NOW)).toEqual([]);
  });

  it('drops a damaged snapshot', () => {
    const snapshot = {
      filters: DEFAULT_FILTERS,
      depth: 20,
      pagesFetchedAt: [NOW],
      names: ['a', 'b'],
      takenAt: NOW,
    };
    expect(repairSnapshot(snapshot)).toEqual(snapshot);
    expect(repairSnapshot({ ...snapshot, names: 'a,b' })).toBeNull();
    expect(repairSnapshot({ ...snapshot, depth: 0 })).toBeNull();
    expect(repairSnapshot(null)).toBeNull();
  });
});
