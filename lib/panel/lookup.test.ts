import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flush } from '../trending/testing';
import { freshLookup, LOOKUP_MAX_AGE_MS, requestLookup, watchLookups } from './lookup';

const NOW = 1_800_000_000_000;

describe('freshLookup', () => {
  it('takes a recent lookup, and nothing old, future, damaged or empty', () => {
    expect(freshLookup({ name: 'fyp', at: NOW - 1000 }, NOW)).toEqual({
      name: 'fyp',
      at: NOW - 1000,
    });
    expect(freshLookup({ name: 'fyp', at: NOW - LOOKUP_MAX_AGE_MS - 1 }, NOW)).toBeNull();
    expect(freshLookup({ name: 'fyp', at: NOW + 5 }, NOW)).toBeNull();
    for (const bad of [null, 'fyp', { name: '', at: NOW }, { name: 3, at: NOW }, { name: 'fyp' }]) {
      expect(freshLookup(bad, NOW), JSON.stringify(bad)).toBeNull();
    }
  });
});

describe('watchLookups', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('shows the lookup waiting for a page just opened, once, then forgets it', async () => {
    await requestLookup('BookTok');
    const shown: string[] = [];
    const stop = watchLookups((name) => shown.push(name));
    await flush();
    expect(shown).toEqual(['BookTok']);
    expect(await fakeBrowser.storage.session.get('radar:lookup')).toEqual({});
    stop();
  });

  it('shows each new lookup while the page is open, and none after it stops listening', async () => {
    const shown: string[] = [];
    const stop = watchLookups((name) => shown.push(name));
    await flush();
    await requestLookup('fyp');
    await flush();
    vi.setSystemTime(NOW + 10);
    await requestLookup('dance');
    await flush();
    expect(shown).toEqual(['fyp', 'dance']);
    stop();
    await requestLookup('late', NOW + 20);
    await flush();
    expect(shown).toEqual(['fyp', 'dance']);
  });

  it('does not show a lookup left from long ago', async () => {
    await requestLookup('old', NOW - LOOKUP_MAX_AGE_MS - 1);
    const shown: string[] = [];
    watchLookups((name) => shown.push(name))();
    await flush();
    expect(shown).toEqual([]);
  });
});
