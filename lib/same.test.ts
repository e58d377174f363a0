import { describe, expect, it } from 'vitest';
import { sameData, sameProps } from './same';

describe('sameData', () => {
  it('compares plain data deeply, whatever the key order', () => {
    expect(sameData({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameData({ a: 1, b: [1, { c: 'x' }] }, { a: 1, b: [1, { c: 'y' }] })).toBe(false);
    expect(sameData([1, 2], [1, 2, 3])).toBe(false);
    expect(sameData({ a: undefined }, {})).toBe(false);
    expect(sameData({ a: null }, { a: null })).toBe(true);
    expect(sameData([], {})).toBe(false);
    expect(sameData(NaN, NaN)).toBe(true);
    expect(sameData(1, '1')).toBe(false);
  });
});

describe('sameProps', () => {
  it('compares one level, by identity', () => {
    const tag = { name: 'a' };
    const onCopy = () => undefined;
    expect(sameProps({ tag, onCopy, n: 1 }, { tag, onCopy, n: 1 })).toBe(true);
    expect(sameProps({ tag }, { tag: { name: 'a' } })).toBe(false);
    expect(sameProps({ tag, n: 1 }, { tag })).toBe(false);
    expect(sameProps({ n: undefined }, { m: undefined })).toBe(false);
  });
});
