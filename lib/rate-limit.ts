/**
 * How often one tab's content script may send each message: a sliding window per tab and message.
 * In memory: a restarted worker starts afresh, which is fine, since a page that floods it keeps it
 * awake. Pure apart from the clock it is given.
 */
export interface Limit {
  /** Messages allowed within `perMs`. */
  count: number;
  perMs: number;
}

/** Past this many tracked (tab, message) pairs, expired ones are swept on the next call. */
const SWEEP_AT = 256;

export function createRateLimiter<K extends string>(
  limits: Readonly<Record<K, Limit>>,
  clock: () => number = Date.now,
) {
  const sent = new Map<string, number[]>();

  function sweep(now: number): void {
    for (const [key, times] of sent) {
      const type = key.slice(key.indexOf(':') + 1) as K;
      if (times.every((t) => now - t >= limits[type].perMs)) sent.delete(key);
    }
  }

  return {
    /** Counts one message from `tab`; false when that tab is over its limit for `type`. */
    allow(tab: number, type: K): boolean {
      const limit = limits[type];
      const now = clock();
      if (sent.size > SWEEP_AT) sweep(now);
      const key = `${tab}:${type}`;
      const recent = (sent.get(key) ?? []).filter((t) => now - t < limit.perMs);
      if (recent.length >= limit.count) {
        sent.set(key, recent);
        return false;
      }
      recent.push(now);
      sent.set(key, recent);
      return true;
    },
  };
}
