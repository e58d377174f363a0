import { describe, expect, it } from 'vitest';
import { sparklinePath } from './sparkline';

describe('sparklinePath', () => {
  it('scales the series into the box, highest value at the top', () => {
    expect(sparklinePath([0, 0.5, 1], 104, 24, 2)).toBe('M2 22 L52 12 L102 2');
  });

  it('draws a flat series across the middle and a single point in the centre', () => {
    expect(sparklinePath([3, 3], 10, 10, 0)).toBe('M0 5 L10 5');
    expect(sparklinePath([1], 10, 10, 0)).toBe('M5 5');
  });

  it('ignores non-finite values and draws nothing for an empty trend', () => {
    expect(sparklinePath([], 10, 10)).toBe('');
    expect(sparklinePath([NaN, Infinity], 10, 10)).toBe('');
    expect(sparklinePath([0, NaN, 1], 10, 10, 0)).toBe('M0 10 L10 0');
  });
});
