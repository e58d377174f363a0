import { describe, expect, it } from 'vitest';
import { TIKTOK_HASHTAG_LIMIT, limitState, mayInsert } from './limit';

describe('the five-hashtag rule', () => {
  it('is five', () => {
    expect(TIKTOK_HASHTAG_LIMIT).toBe(5);
  });

  it.each([
    [0, 'room', true],
    [4, 'room', true],
    [5, 'full', false],
    [6, 'over', false],
    [12, 'over', false],
  ] as const)('%i hashtags: %s, insert allowed: %s', (count, state, allowed) => {
    expect(limitState(count)).toBe(state);
    expect(mayInsert(count)).toBe(allowed);
  });
});
