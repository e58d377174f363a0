import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../trending/types';
import { addEvents, keepEvents, markSeen, unseenCount } from './events';
import { describeEvent, summarizeEvents } from './summary';
import { EVENT_MAX_AGE_MS, MAX_EVENTS, type ChangeEvent, type ChangeKind } from './types';

const NOW = new Date(2026, 10, 26, 9).getTime();
const DAY = 86_400_000;

function event(time: number, tag = `tag${time}`, kind: ChangeKind = 'up'): ChangeEvent {
  return {
    id: `${time}:${kind}:${tag}`,
    tag,
    kind,
    oldRank: kind === 'entered' || kind === 'newcomer' ? null : 9,
    newRank: kind === 'dropped' ? null : 3,
    filters: DEFAULT_FILTERS,
    depth: 20,
    time,
    seen: false,
  };
}

describe('stored events', () => {
  it('keeps at most 200, the newest, newest first', () => {
    const many = Array.from({ length: 250 }, (_, i) => event(NOW - i * 60_000));
    const kept = keepEvents([...many].reverse(), NOW);
    expect(kept).toHaveLength(MAX_EVENTS);
    expect(kept[0]!.time).toBe(NOW);
    expect(kept.at(-1)!.time).toBe(NOW - 199 * 60_000);
  });

  it('drops events older than 30 days', () => {
    const kept = keepEvents(
      [event(NOW - 31 * DAY), event(NOW - EVENT_MAX_AGE_MS), event(NOW - DAY)],
      NOW,
    );
    expect(kept.map((e) => e.time)).toEqual([NOW - DAY, NOW - EVENT_MAX_AGE_MS]);
  });

  it('adds new events in front and never stores one twice', () => {
    const old = [event(NOW - DAY)];
    const added = [event(NOW), event(NOW)];
    expect(addEvents(old, added, NOW).map((e) => e.id)).toEqual([added[0]!.id, old[0]!.id]);
    expect(addEvents(addEvents(old, added, NOW), added, NOW)).toHaveLength(2);
  });

  it('marks seen only what a view showed (up to its time), and counts the rest', () => {
    const events = [event(NOW), event(NOW - 10), event(NOW - 20)];
    expect(unseenCount(events)).toBe(3);
    const seen = markSeen(events, NOW - 10);
    expect(seen.map((e) => e.seen)).toEqual([false, true, true]);
    expect(unseenCount(seen)).toBe(1);
    expect(markSeen(seen, NOW)).toSatisfy((all: ChangeEvent[]) => all.every((e) => e.seen));
  });
});

describe('events in words', () => {
  it('says each kind of change', () => {
    expect(describeEvent(event(NOW, 'booktok', 'entered'))).toBe(
      '#booktok entered the top 20 at #3',
    );
    expect(describeEvent(event(NOW, 'booktok', 'dropped'))).toBe(
      '#booktok dropped out of the top 20 (was #9)',
    );
    expect(describeEvent(event(NOW, 'booktok', 'up'))).toBe('#booktok rose from #9 to #3');
    expect(describeEvent({ ...event(NOW, 'booktok', 'down'), oldRank: 3, newRank: 9 })).toBe(
      '#booktok fell from #3 to #9',
    );
    expect(describeEvent(event(NOW, 'gymtok', 'newcomer'))).toBe(
      '#gymtok is new in the top 20 at #3',
    );
  });

  it('sums up a refresh in one line, leading with a tag entering or leaving, then the biggest move', () => {
    expect(summarizeEvents([])).toBe('');
    expect(summarizeEvents([event(NOW, 'cats')])).toBe('#cats rose from #9 to #3');
    expect(
      summarizeEvents([
        event(NOW, 'cats', 'up'),
        { ...event(NOW, 'booktok', 'entered'), newRank: 14 },
        event(NOW, 'gymtok', 'newcomer'),
      ]),
    ).toBe('#booktok entered the top 20 at #14; 2 more changes');
    expect(
      summarizeEvents([
        event(NOW, 'cats', 'up'),
        { ...event(NOW, 'dogs', 'down'), oldRank: 2, newRank: 19 },
      ]),
    ).toBe('#dogs fell from #2 to #19; 1 more change');
  });
});
