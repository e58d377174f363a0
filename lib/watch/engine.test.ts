import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, type TrendFilters } from '../trending/types';
import { compareRankings, type AlertOptions, type Ranking, type RankingSnapshot } from './engine';
import type { ChangeEvent, WatchedTag } from './types';

const HOUR = 3_600_000;
const T0 = new Date(2026, 10, 26, 9).getTime();
const US: TrendFilters = { ...DEFAULT_FILTERS, region: 'US' };
const OPTIONS: AlertOptions = { minMove: 5, newcomers: false };

/** 20 filler names per page, with `placed` names put at their ranks. */
function names(depth: number, placed: Record<string, number> = {}): string[] {
  const list = Array.from({ length: depth }, (_, i) => `filler${i + 1}`);
  for (const [name, rank] of Object.entries(placed)) list[rank - 1] = name;
  return list;
}

function ranking(at: number, placed: Record<string, number>, more: Partial<Ranking> = {}): Ranking {
  const depth = more.depth ?? 20;
  return {
    filters: DEFAULT_FILTERS,
    depth,
    source: 'live',
    pagesFetchedAt: Array.from({ length: depth / 20 }, () => at),
    names: names(depth, placed),
    ...more,
  };
}

function watch(...tags: string[]): WatchedTag[] {
  return tags.map((name) => ({ name, since: T0 - HOUR, start: null }));
}

/** Runs rankings through the engine one after another, as refreshes do; the events of each step. */
function run(
  steps: Ranking[],
  watched: WatchedTag[],
  options = OPTIONS,
): { events: ChangeEvent[][]; snapshot: RankingSnapshot | null } {
  let snapshot: RankingSnapshot | null = null;
  const events: ChangeEvent[][] = [];
  steps.forEach((step, i) => {
    const result = compareRankings(snapshot, step, watched, options, T0 + i * HOUR);
    events.push(result.events);
    snapshot = result.snapshot ?? snapshot;
  });
  return { events, snapshot };
}

const brief = (events: ChangeEvent[]) =>
  events.map((e) => `${e.kind} ${e.tag} ${e.oldRank ?? '-'}→${e.newRank ?? '-'}`);

describe('change engine', () => {
  it('says nothing on the first ranking, and keeps it as the snapshot', () => {
    const first = ranking(T0, { booktok: 14 });
    const result = compareRankings(null, first, watch('booktok'), OPTIONS, T0);
    expect(result.events).toEqual([]);
    expect(result.snapshot).toEqual({
      filters: DEFAULT_FILTERS,
      depth: 20,
      pagesFetchedAt: [T0],
      names: first.names,
      takenAt: T0,
    });
  });

  it('reports a watched tag entering, moving by K or more, and dropping out', () => {
    const { events } = run(
      [
        ranking(T0, { cats: 3, dogs: 10 }),
        ranking(T0 + HOUR, { booktok: 14, cats: 3, dogs: 10 }),
        ranking(T0 + 2 * HOUR, { booktok: 4, cats: 8, dogs: 16 }),
        ranking(T0 + 3 * HOUR, { cats: 8, dogs: 16 }),
      ],
      watch('booktok', 'cats', 'dogs'),
    );
    expect(events.map(brief)).toEqual([
      [],
      ['entered booktok -→14'],
      ['up booktok 14→4', 'down cats 3→8', 'down dogs 10→16'],
      ['dropped booktok 4→-'],
    ]);
  });

  it('ignores moves smaller than K, and follows K', () => {
    const steps = [ranking(T0, { cats: 10 }), ranking(T0 + HOUR, { cats: 6 })];
    expect(run(steps, watch('cats')).events[1]).toEqual([]);
    expect(brief(run(steps, watch('cats'), { ...OPTIONS, minMove: 4 }).events[1]!)).toEqual([
      'up cats 10→6',
    ]);
  });

  it('says nothing for an unchanged ranking, nor for the same fetch seen twice', () => {
    const first = ranking(T0, { cats: 3 });
    const moved = ranking(T0 + HOUR, { cats: 12 });
    const { events } = run(
      [first, first, moved, moved, ranking(T0 + 2 * HOUR, { cats: 12 })],
      watch('cats'),
    );
    expect(events.map(brief)).toEqual([[], [], ['down cats 3→12'], [], []]);
  });

  it('does not advance the snapshot on a fetch it has already seen', () => {
    const first = compareRankings(null, ranking(T0, { cats: 3 }), watch('cats'), OPTIONS, T0);
    const again = compareRankings(
      first.snapshot,
      ranking(T0, { cats: 30 }),
      watch('cats'),
      OPTIONS,
      T0 + HOUR,
    );
    expect(again).toEqual({ events: [], snapshot: null });
  });

  it('waits until every page of the top N is fetched anew, then compares once', () => {
    const depth = 40;
    const start = ranking(T0, { cats: 5, dogs: 25 }, { depth });
    // Page 1 refreshed (the popup's Refresh), page 2 not yet: nothing to compare.
    const half = {
      ...ranking(T0, { cats: 30, dogs: 25 }, { depth }),
      pagesFetchedAt: [T0 + HOUR, T0],
    };
    const whole = {
      ...ranking(T0, { cats: 30, dogs: 2 }, { depth }),
      pagesFetchedAt: [T0 + HOUR, T0 + 2 * HOUR],
    };
    const { events } = run([start, half, whole, whole], watch('cats', 'dogs'));
    expect(events.map(brief)).toEqual([[], [], ['down cats 5→30', 'up dogs 25→2'], []]);
  });

  it('starts afresh, without events, when the filters or the depth change', () => {
    const watched = watch('cats');
    const { events, snapshot } = run(
      [
        ranking(T0, { cats: 3 }),
        ranking(T0 + HOUR, { cats: 19 }, { filters: US }),
        ranking(T0 + 2 * HOUR, {}, { filters: US }),
        ranking(T0 + 3 * HOUR, { cats: 30 }, { filters: US, depth: 40 }),
        ranking(T0 + 4 * HOUR, { cats: 2 }, { filters: US, depth: 40 }),
      ],
      watched,
    );
    expect(events.map(brief)).toEqual([[], [], ['dropped cats 19→-'], [], ['up cats 30→2']]);
    expect(snapshot).toMatchObject({ filters: US, depth: 40 });
  });

  it('never alerts on sample data, and leaves the snapshot alone', () => {
    const live = compareRankings(null, ranking(T0, { cats: 3 }), watch('cats'), OPTIONS, T0);
    const sample = compareRankings(
      live.snapshot,
      ranking(T0 + HOUR, {}, { source: 'sample' }),
      watch('cats'),
      OPTIONS,
      T0 + HOUR,
    );
    expect(sample).toEqual({ events: [], snapshot: null });
    expect(compareRankings(null, ranking(T0, {}, { source: 'sample' }), [], OPTIONS, T0)).toEqual({
      events: [],
      snapshot: null,
    });
  });

  it('ignores an empty ranking (no data is not "everything dropped out")', () => {
    const live = compareRankings(null, ranking(T0, { cats: 3 }), watch('cats'), OPTIONS, T0);
    const empty = { ...ranking(T0 + HOUR, {}), names: [] };
    expect(compareRankings(live.snapshot, empty, watch('cats'), OPTIONS, T0 + HOUR)).toEqual({
      events: [],
      snapshot: null,
    });
  });

  it('matches names as the highlighter does (case, Unicode forms) and spells them as the ranking does', () => {
    const { events } = run(
      [ranking(T0, { Café: 12 }), ranking(T0 + HOUR, { CAFÉ: 2 })],
      [{ name: 'cafe\u0301', since: T0, start: null }],
    );
    expect(brief(events[1]!)).toEqual(['up CAFÉ 12→2']);
  });

  it('reports each watched tag once, even if the watchlist or a ranking names it twice', () => {
    const second = ranking(T0 + HOUR, { cats: 2 });
    second.names[15] = 'Cats';
    const { events } = run([ranking(T0, { cats: 12 }), second], watch('cats', 'CATS'));
    expect(brief(events[1]!)).toEqual(['up cats 12→2']);
  });

  it('reports newcomers to the top 20 only when asked, once per tag', () => {
    const steps = [
      ranking(T0, { cats: 3, dogs: 25 }, { depth: 40 }),
      ranking(T0 + HOUR, { cats: 3, dogs: 18, gymtok: 7, booktok: 12 }, { depth: 40 }),
    ];
    const watched = watch('dogs', 'booktok');
    expect(brief(run(steps, watched).events[1]!)).toEqual([
      'up dogs 25→18',
      'entered booktok -→12',
    ]);
    // dogs moved 7 ranks (under K = 10): its entry to the top 20 is reported as a newcomer;
    // booktok entered the top 40 and is reported as that, not twice.
    const { events } = run(steps, watched, { minMove: 10, newcomers: true });
    expect(brief(events[1]!)).toEqual([
      'entered booktok -→12',
      'newcomer gymtok -→7',
      'newcomer dogs 25→18',
    ]);
  });

  it('stamps each event with the filters, depth, time, unseen, and a unique id', () => {
    const { events } = run(
      [
        ranking(T0, { cats: 3 }, { filters: US }),
        ranking(T0 + HOUR, { cats: 15, dogs: 1 }, { filters: US }),
      ],
      watch('cats', 'dogs'),
    );
    expect(events[1]).toEqual([
      {
        id: `${T0 + HOUR}:down:cats`,
        tag: 'cats',
        kind: 'down',
        oldRank: 3,
        newRank: 15,
        filters: US,
        depth: 20,
        time: T0 + HOUR,
        seen: false,
      },
      expect.objectContaining({
        id: `${T0 + HOUR}:entered:dogs`,
        kind: 'entered',
        oldRank: null,
        newRank: 1,
      }),
    ]);
  });
});
