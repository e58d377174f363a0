/** The stored list of change events: newest first, 30 days, at most 200, each once. Pure. */
import { EVENT_MAX_AGE_MS, MAX_EVENTS, type ChangeEvent } from './types';

/** Drops expired and repeated events, sorts newest first and keeps the newest `MAX_EVENTS`. */
export function keepEvents(events: ChangeEvent[], now: number): ChangeEvent[] {
  const oldest = now - EVENT_MAX_AGE_MS;
  const ids = new Set<string>();
  return events
    .filter((e) => e.time >= oldest && !ids.has(e.id) && ids.add(e.id))
    .sort((a, b) => b.time - a.time)
    .slice(0, MAX_EVENTS);
}

export function addEvents(stored: ChangeEvent[], added: ChangeEvent[], now: number): ChangeEvent[] {
  return keepEvents([...added, ...stored], now);
}

/** Marks the events seen up to `upTo` (ms): what a view showed, not what arrived after it. */
export function markSeen(events: ChangeEvent[], upTo: number): ChangeEvent[] {
  return events.map((e) => (e.seen || e.time > upTo ? e : { ...e, seen: true }));
}

export function unseenCount(events: ChangeEvent[]): number {
  return events.filter((e) => !e.seen).length;
}
