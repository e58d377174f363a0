/**
 * The popup paints from storage without waiting for the background (issue 15), on the production
 * build: the cached list with the service worker stopped and no request; what storage that cannot
 * tell shows (nothing yet, an old-format entry, a damaged entry or key state); and a refresh that
 * lands while the popup is open updates the list in place. The popup's messages to the background
 * can be held back (an init script wraps runtime.sendMessage), to show what is painted before the
 * background has answered.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { cacheKey } from '../lib/trending/entry';
import { DEFAULT_FILTERS } from '../lib/trending/types';
import {
  launchExtension,
  POPUP_SIZE,
  readStorage,
  seedStorage,
  serviceWorkerRunning,
  setApiKey,
  stopServiceWorker,
  type Extension,
} from './browser';
import { startMockServer, type ApiItem, type MockServer } from './server';

const KEY = 'sk_live_e2eFirstPaintKey3f81c0d2';
const PAGE_1 = `local:${cacheKey(DEFAULT_FILTERS, 1)}`;

let server: MockServer;
let ext: Extension;

const rows = (page: Page) => page.locator('ol > li');
const names = (page: Page) =>
  rows(page).evaluateAll((lis) => lis.map((li) => li.querySelector('.tag-name')!.textContent));

/** Runs in the popup before its own scripts: its messages wait until `__releaseMessages()`. */
function holdMessages() {
  const w = window as unknown as { __releaseMessages: () => void; __heldMessages: number };
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  w.__releaseMessages = release;
  w.__heldMessages = 0;
  type Runtime = { sendMessage: (...args: unknown[]) => Promise<unknown> };
  const scope = globalThis as unknown as {
    chrome?: { runtime?: Runtime };
    browser?: { runtime?: Runtime };
  };
  for (const runtime of new Set([scope.chrome?.runtime, scope.browser?.runtime])) {
    if (!runtime) continue;
    const send = runtime.sendMessage.bind(runtime);
    runtime.sendMessage = (...args) => {
      w.__heldMessages++;
      return released.then(() => send(...args));
    };
  }
}

/** Opens the popup, its messages held back; resolves once it has tried to ask the background. */
async function openHeld(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize(POPUP_SIZE);
  await page.addInitScript(holdMessages);
  await page.goto(`${ext.baseUrl}popup.html`);
  return page;
}

const heldMessages = (page: Page) =>
  page.evaluate(() => (window as unknown as { __heldMessages: number }).__heldMessages);
const release = (page: Page) =>
  page.evaluate(() => (window as unknown as { __releaseMessages: () => void }).__releaseMessages());

/** Whether row `n` (1-based) has its sparkline drawn: a canvas with pixels on it. */
const sparklineDrawn = (page: Page, n: number) =>
  rows(page)
    .nth(n - 1)
    .locator('.spark canvas')
    .evaluate((canvas: HTMLCanvasElement) => {
      const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      return px.some((v, i) => i % 4 === 3 && v > 0);
    })
    .catch(() => false);

beforeAll(async () => {
  server = await startMockServer();
  ext = await launchExtension(server);
  await ext.installPage?.close();
  await setApiKey(ext, KEY);
  // Page 1 of the default filters, cached: one request.
  const popup = await ext.openPopup();
  await rows(popup).nth(19).waitFor({ timeout: 20_000 });
  await popup.close();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('the first paint', () => {
  test('with the service worker stopped: the cached list at once, before the background answers, and no request', async () => {
    const expected = server.api
      .hashtags()
      .slice(0, 20)
      .map((h) => `#${h.hashtag_name}`);
    server.resetRequests();
    await stopServiceWorker(ext);
    const popup = await openHeld();
    await expect.poll(() => names(popup), { timeout: 20_000 }).toEqual(expected);
    await expect.poll(() => sparklineDrawn(popup, 20), { timeout: 10_000 }).toBe(true);
    expect(await popup.locator('.status').innerText()).toMatch(
      /Updated (just now|\d+ minutes? ago)/,
    );
    // Painted, and only then it asked: the question is held, and the worker still sleeps.
    await expect.poll(() => heldMessages(popup), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await serviceWorkerRunning(ext)).toBe(false);
    expect(await popup.locator('.skeleton').count()).toBe(0);

    // Let it through: the woken background answers with the same list and the day's credits.
    await release(popup);
    await expect
      .poll(() => popup.locator('.status').innerText(), { timeout: 20_000 })
      .toMatch(/2 \/ 100 credits today/);
    expect(await names(popup)).toEqual(expected);
    expect(server.apiRequests()).toEqual([]);
    expect(ext.errors).toEqual([]);
    await popup.close();
  });

  test('an entry of an older format: the list at once, migrated as the background would', async () => {
    const stored = (await readStorage(ext, [PAGE_1]))[PAGE_1] as {
      data: { items: Record<string, unknown>[] };
      fetchedAt: number;
    };
    const v1 = {
      schemaVersion: 1,
      data: { ...stored.data, items: stored.data.items.map(({ rankDiff: _, ...item }) => item) },
      fetchedAt: stored.fetchedAt,
      error: null,
      errorAt: null,
    };
    await seedStorage(ext, { [PAGE_1]: v1 });
    server.resetRequests();
    const popup = await openHeld();
    await expect.poll(() => rows(popup).count(), { timeout: 20_000 }).toBe(20);
    await expect.poll(() => heldMessages(popup), { timeout: 10_000 }).toBeGreaterThan(0);
    await release(popup);
    await expect
      .poll(() => popup.locator('.status').innerText(), { timeout: 20_000 })
      .toMatch(/credits today/);
    expect(await rows(popup).count()).toBe(20);
    expect(server.apiRequests()).toEqual([]);
    expect(ext.errors).toEqual([]);
    await popup.close();
  });

  test('a damaged cache entry: the skeleton (never a blank popup, never an exception) until the background answers', async () => {
    await seedStorage(ext, { [PAGE_1]: { schemaVersion: 2, data: 'garbage' } });
    const popup = await openHeld();
    await expect.poll(() => heldMessages(popup), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await popup.locator('.skeleton[aria-busy="true"]').count()).toBe(1);
    expect(await popup.locator('header').innerText()).toContain('Hashtag Radar');
    await release(popup);
    await expect.poll(() => rows(popup).count(), { timeout: 20_000 }).toBe(20);
    expect(ext.errors).toEqual([]);
    await popup.close();
  });

  test.each([
    ['a damaged key state', { version: 1, keySet: 'yes' }],
    ['a key state of a later version', { version: 9 }],
  ])(
    '%s: set right by the background; the popup shows rows or the skeleton, never nothing',
    async (_name, keyState) => {
      await seedStorage(ext, { 'local:radar:keyState': keyState });
      const popup = await openHeld();
      await expect.poll(() => heldMessages(popup), { timeout: 20_000 }).toBeGreaterThan(0);
      // The background may have set it right before the popup read it (then the list is painted),
      // or not yet (then the skeleton is, until it answers).
      const shown = (await rows(popup).count()) + (await popup.locator('.skeleton').count());
      expect(shown === 1 || shown === 20).toBe(true);
      await release(popup);
      await expect.poll(() => rows(popup).count(), { timeout: 20_000 }).toBe(20);
      expect((await readStorage(ext, ['local:radar:keyState']))['local:radar:keyState']).toEqual({
        version: 1,
        keySet: true,
        keyError: null,
      });
      expect(ext.errors).toEqual([]);
      await popup.close();
    },
  );

  test('nothing in storage yet (a cache cleared, no key state): the skeleton, then the fetched list', async () => {
    const options = await ext.openOptions();
    await options.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          runtime: { sendMessage(m: unknown): Promise<unknown> };
          storage: { local: { remove(keys: string[]): Promise<void> } };
        };
      };
      await chrome.runtime.sendMessage({ hashtagRadar: 1, type: 'clearCache' });
      await chrome.storage.local.remove(['radar:keyState', 'radar:history']);
    });
    await options.close();
    server.resetRequests();
    const popup = await openHeld();
    await expect.poll(() => heldMessages(popup), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await popup.locator('.skeleton[aria-busy="true"]').count()).toBe(1);
    await release(popup);
    await expect.poll(() => rows(popup).count(), { timeout: 20_000 }).toBe(20);
    expect(server.apiRequests()).toHaveLength(1);
    expect(ext.errors).toEqual([]);
    await popup.close();
  });
});

describe('a refresh that lands while the popup is open', () => {
  test('updates the list in place: scroll position, focus and the expanded row stay', async () => {
    // The cached page is out of date (refresh every hour, fetched two hours ago): the background
    // refreshes it as the popup asks, and the API answers 4 s later with a changed ranking.
    const stored = (await readStorage(ext, [PAGE_1]))[PAGE_1] as Record<string, number>;
    const twoHoursAgo = Date.now() - 2 * 3_600_000;
    await seedStorage(ext, {
      'sync:settings': { ...DEFAULT_SETTINGS, refreshHours: 1 },
      [PAGE_1]: { ...stored, fetchedAt: twoHoursAgo, checkedAt: twoHoursAgo },
    });
    const before = server.api.hashtags().slice(0, 20);
    // Ranks 1 and 2 swap places, and 12 and 13; the fourth has new counts; the rest are as before.
    const swaps: Record<number, number> = { 0: 1, 1: 0, 11: 12, 12: 11 };
    const after: ApiItem[] = before.map((item, i) => {
      if (i in swaps) return { ...before[swaps[i]!]!, rank: i + 1 };
      if (i === 3) return { ...item, publish_cnt: item.publish_cnt + 12_345 };
      return item;
    });
    server.api.nextResponses({
      kind: 'delay',
      ms: 4_000,
      then: { kind: 'items', items: after, total: 100 },
    });
    server.resetRequests();

    const popup = await ext.openPopup();
    await expect.poll(() => rows(popup).count(), { timeout: 20_000 }).toBe(20);
    await expect.poll(() => popup.locator('.status').innerText()).toMatch(/refreshing/i);
    // A person looking: row 6 open, scrolled down a little, focus on row 13 (which moves up).
    await rows(popup).nth(5).locator('.row-toggle').click();
    await expect.poll(() => rows(popup).nth(5).locator('.details .detail canvas').count()).toBe(1);
    await popup.evaluate(() => window.scrollTo(0, 240));
    await rows(popup).nth(11).locator('.row-toggle').focus();
    const focusedName = await rows(popup).nth(11).locator('.tag-name').innerText();
    const openName = await rows(popup).nth(5).locator('.tag-name').innerText();
    // A sparkline whose row does not change, marked to tell whether it is redrawn.
    await rows(popup)
      .nth(14)
      .locator('.spark canvas')
      .evaluate((c) => ((c as { mark?: number }).mark = 1));
    // Where an unchanged row (15) is on screen: what a person keeps looking at.
    const rowTop = () =>
      rows(popup)
        .nth(14)
        .evaluate((li) => li.getBoundingClientRect().top);
    const top = await rowTop();
    expect(await popup.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    // All this while the old list was still shown.
    expect(await names(popup)).toEqual(before.map((h) => `#${h.hashtag_name}`));

    await expect
      .poll(() => names(popup), { timeout: 20_000 })
      .toEqual(after.map((h) => `#${h.hashtag_name}`));
    expect(server.apiRequests()).toHaveLength(1);
    // The header's status line got shorter ("refreshing…" is gone), so the page scrolled with it
    // (Chromium's scroll anchoring): the rows stay where they were on screen.
    expect(Math.abs((await rowTop()) - top)).toBeLessThan(1);
    expect(
      await popup.evaluate(
        () => document.activeElement?.closest('li')?.querySelector('.tag-name')?.textContent,
      ),
    ).toBe(focusedName);
    expect(await popup.evaluate(() => document.activeElement?.className)).toBe('row-toggle');
    const open = popup.locator('ol > li.open');
    expect(await open.count()).toBe(1);
    expect(await open.locator('.tag-name').innerText()).toBe(openName);
    expect(await open.locator('.row-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(await open.locator('.details .detail canvas').count()).toBe(1);
    expect(
      await rows(popup)
        .nth(14)
        .locator('.spark canvas')
        .evaluate((c) => (c as { mark?: number }).mark),
    ).toBe(1);
    await expect.poll(() => popup.locator('.status').innerText()).toMatch(/Updated just now/);
    expect(ext.errors).toEqual([]);
    await popup.close();
    await seedStorage(ext, { 'sync:settings': DEFAULT_SETTINGS });
  });
});
