import { describe, expect, it } from 'vitest';
import { maskKey } from './keys';
import { cleanTagName } from './handlers';

describe('maskKey', () => {
  it.each([
    ['sk_live_0123456789abcdef9f2c', 'sk_live_…9f2c'],
    ['sk_test_0123456789abcd', 'sk_test_…abcd'],
    ['abcdefghijklmnop', '…mnop'],
    ['sk_live_short', 'sk_live_…'],
    ['tiny1234', '…'],
  ])('%s → %s', (key, hint) => {
    expect(maskKey(key)).toBe(hint);
  });
});

describe('cleanTagName', () => {
  it.each([
    ['#fyp', 'fyp'],
    ['  ##café ', 'café'],
    ['a\u0000b\nc', 'abc'],
    ['', null],
    ['#', null],
    [42, null],
    ['x'.repeat(201), null],
  ])('%j → %j', (raw, name) => {
    expect(cleanTagName(raw)).toBe(name);
  });
});
