import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('createRateLimiter', () => {
  const limits = { open: { count: 2, perMs: 1_000 }, ask: { count: 3, perMs: 10_000 } };

  it('allows `count` messages per window per tab and message, sliding', () => {
    let now = 0;
    const limiter = createRateLimiter(limits, () => now);
    expect([1, 2, 3].map(() => limiter.allow(1, 'open'))).toEqual([true, true, false]);
    expect(limiter.allow(2, 'open')).toBe(true); // another tab
    expect(limiter.allow(1, 'ask')).toBe(true); // another message
    now = 999;
    expect(limiter.allow(1, 'open')).toBe(false);
    now = 1_000; // the first two left the window
    expect(limiter.allow(1, 'open')).toBe(true);
    expect(limiter.allow(1, 'open')).toBe(true);
    expect(limiter.allow(1, 'open')).toBe(false);
  });

  it('refused messages do not extend the wait', () => {
    let now = 0;
    const limiter = createRateLimiter(limits, () => now);
    limiter.allow(1, 'open');
    limiter.allow(1, 'open');
    for (now = 100; now < 1_000; now += 100) expect(limiter.allow(1, 'open')).toBe(false);
    now = 1_000;
    expect(limiter.allow(1, 'open')).toBe(true);
  });

  it('keeps working across many tabs (expired ones are swept)', () => {
    let now = 0;
    const limiter = createRateLimiter(limits, () => now);
    for (let tab = 0; tab < 1_000; tab++) expect(limiter.allow(tab, 'open')).toBe(true);
    now = 5_000;
    for (let tab = 0; tab < 1_000; tab++) expect(limiter.allow(tab, 'open')).toBe(true);
    expect(limiter.allow(999, 'open')).toBe(true);
    expect(limiter.allow(999, 'open')).toBe(false);
  });
});
