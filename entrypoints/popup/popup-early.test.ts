// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_FILTERS } from '../../lib/trending/types';
import { readFirst, rememberFirstRead } from './first-read';
import { cachedPage, storeCache } from './testing';

/** public/popup-early.js, run as popup.html runs it (a classic script, before the bundle). */
const runEarlyScript = () => new Function(readFileSync(resolve('public/popup-early.js'), 'utf8'))();

const scope = globalThis as { hashtagRadarEarlyRead?: unknown; chrome?: unknown };

describe('public/popup-early.js', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    localStorage.clear();
    delete scope.hashtagRadarEarlyRead;
    scope.chrome = fakeBrowser;
  });

  it('starts the read of the keys the last opening remembered, and first-read.ts takes it', async () => {
    await storeCache(DEFAULT_FILTERS, { 1: cachedPage(1, Date.now()) });
    rememberFirstRead(DEFAULT_FILTERS);
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    runEarlyScript();
    expect(local).toHaveBeenCalledTimes(1);
    expect(scope.hashtagRadarEarlyRead).toMatchObject({
      local: expect.arrayContaining([
        'trending:cache:all_regions|7|nothing|all:1',
        'radar:keyState',
      ]),
      sync: ['settings'],
    });
    expect((await readFirst()).view!.items).toHaveLength(20);
    expect(local).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['nothing remembered', null],
    ['not JSON', '{'],
    ['keys that are not strings', JSON.stringify({ local: [1], sync: [] })],
  ])('does nothing with %s, and throws nothing', (_name, mirror) => {
    if (mirror !== null) localStorage.setItem('popupFirstRead', mirror);
    expect(runEarlyScript).not.toThrow();
    expect(scope.hashtagRadarEarlyRead).toBeUndefined();
  });

  it('a read that fails leaves first-read.ts to read by itself', async () => {
    rememberFirstRead(DEFAULT_FILTERS);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('gone'));
    runEarlyScript();
    await expect(
      (scope.hashtagRadarEarlyRead as { values: Promise<unknown> }).values,
    ).resolves.toBeNull();
    expect((await readFirst()).view).toBeNull();
  });
});
