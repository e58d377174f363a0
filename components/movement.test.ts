import { describe, expect, it } from 'vitest';
import { movementText, sinceYesterday } from './movement';

describe('movementText', () => {
  it('speaks the places moved where the API says', () => {
    expect(movementText({ movement: 'up', rankDiff: 3 })).toMatchObject({
      symbol: '↑3',
      label: 'Up 3 places',
      csv: 'up 3',
      tone: 'up',
    });
    expect(movementText({ movement: 'down', rankDiff: -1 })).toMatchObject({
      symbol: '↓1',
      label: 'Down 1 place',
      csv: 'down 1',
    });
  });

  it('falls back to the direction alone without a number', () => {
    expect(movementText({ movement: 'up', rankDiff: null })).toMatchObject({
      symbol: '↑',
      csv: 'up',
    });
    expect(movementText({ movement: 'down', rankDiff: 0 })).toMatchObject({
      symbol: '↓',
      csv: 'down',
    });
  });

  it('names same, new and unknown movement', () => {
    expect(movementText({ movement: 'same', rankDiff: 0 }).symbol).toBe('=');
    expect(movementText({ movement: 'new', rankDiff: null })).toMatchObject({
      symbol: 'NEW',
      csv: 'new',
    });
    expect(movementText({ movement: 'none', rankDiff: null })).toMatchObject({
      symbol: '–',
      csv: '',
    });
  });
});

describe('sinceYesterday', () => {
  it('compares with yesterday’s rank from the local history', () => {
    expect(sinceYesterday(3, 5)).toBe('↑2 since yesterday');
    expect(sinceYesterday(8, 5)).toBe('↓3 since yesterday');
    expect(sinceYesterday(4, 4)).toBe('Same as yesterday');
  });

  it('says nothing without history', () => {
    expect(sinceYesterday(3, undefined)).toBeNull();
    expect(sinceYesterday(3, Number.NaN)).toBeNull();
  });
});
