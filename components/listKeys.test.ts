// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isSearchShortcut, isTextEntry, nextRowIndex } from './listKeys';

describe('nextRowIndex', () => {
  it('moves one row with the arrows and stops at the ends', () => {
    expect(nextRowIndex('ArrowDown', 0, 3)).toBe(1);
    expect(nextRowIndex('ArrowDown', 2, 3)).toBe(2);
    expect(nextRowIndex('ArrowUp', 1, 3)).toBe(0);
    expect(nextRowIndex('ArrowUp', 0, 3)).toBe(0);
  });

  it('jumps with Home and End', () => {
    expect(nextRowIndex('Home', 5, 20)).toBe(0);
    expect(nextRowIndex('End', 5, 20)).toBe(19);
  });

  it('ignores other keys and empty lists', () => {
    expect(nextRowIndex('Enter', 1, 3)).toBeNull();
    expect(nextRowIndex('a', 1, 3)).toBeNull();
    expect(nextRowIndex('ArrowDown', 0, 0)).toBeNull();
  });
});

describe('the / shortcut', () => {
  const key = (target: EventTarget | null, extra: Partial<KeyboardEvent> = {}) => ({
    key: '/',
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target,
    ...extra,
  });

  it('fires on buttons and the page', () => {
    const button = document.createElement('button');
    expect(isSearchShortcut(key(button))).toBe(true);
    expect(isSearchShortcut(key(document.body))).toBe(true);
    const box = document.createElement('input');
    box.type = 'checkbox';
    expect(isSearchShortcut(key(box))).toBe(true);
  });

  it('types a slash into text fields instead', () => {
    const input = document.createElement('input');
    expect(isTextEntry(input)).toBe(true);
    expect(isSearchShortcut(key(input))).toBe(false);
    expect(isSearchShortcut(key(document.createElement('textarea')))).toBe(false);
    expect(isSearchShortcut(key(document.createElement('select')))).toBe(false);
  });

  it('leaves modified keys alone', () => {
    expect(isSearchShortcut(key(document.body, { ctrlKey: true }))).toBe(false);
    expect(isSearchShortcut({ ...key(document.body), key: '?' })).toBe(false);
  });
});
