import { describe, expect, it } from 'vitest';
import { MAX_SELECTION, sanitizeSelection } from './selection';

describe('sanitizeSelection', () => {
  it('keeps valid names in order, without #, each once', () => {
    expect(sanitizeSelection(['fyp', '#Dance', 'FYP', 'café', '日本'])).toEqual([
      'fyp',
      'Dance',
      'café',
      '日本',
    ]);
  });

  it('drops what is not a name, and anything that is not an array becomes empty', () => {
    expect(
      sanitizeSelection(['ok', 3, null, '', 'two words', '#', 'a#b', {}, 'x'.repeat(201)]),
    ).toEqual(['ok']);
    for (const raw of [undefined, null, 'fyp', { 0: 'fyp' }, 42]) {
      expect(sanitizeSelection(raw)).toEqual([]);
    }
  });

  it('keeps at most MAX_SELECTION names', () => {
    const many = Array.from({ length: MAX_SELECTION + 5 }, (_, i) => `n${i}`);
    expect(sanitizeSelection(many)).toHaveLength(MAX_SELECTION);
  });
});
