/**
 * The first slice in Firefox (issue 14), on the Firefox production build in Debian's firefox-esr:
 * a person saves a key and a region in the options page; the event page calls the (mock) API with
 * them; the popup lists the hashtags in rank order; a tiktok.com page gets its trending tag links
 * marked. The steps run in order on one profile, like one person's first minutes with the add-on.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { expectKeyAndRegionAtApi } from '../api-checks';
import { startMockServer, type MockServer } from '../server';
import { launchFirefoxExtension, type FirefoxExtension } from './firefox';
import { button, labelled, rowTexts, saveInOptions } from './person';

const KEY = 'sk_live_e2eFirefoxSlice4b7e19ac03';
const REGION = 'JP';
const REGION_NAME = 'Japan';

let server: MockServer;
let ext: FirefoxExtension;
let popup: Page | undefined;

beforeAll(async () => {
  server = await startMockServer();
  ext = await launchFirefoxExtension(server);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('Firefox: options → event page → API → popup and tiktok.com', () => {
  test('a fresh install opens the options page, with no key saved', async () => {
    expect(ext.installPage).not.toBeNull();
    const text = await ext.installPage!.$eval('main', (m) => (m as HTMLElement).innerText);
    expect(text).toMatch(/No key saved/i);
  });

  test('the key and region saved in the options form reach the API as Bearer header and region', async () => {
    const options = await saveInOptions(ext, { key: KEY, region: REGION_NAME });
    const keyInput = await labelled(options, 'API key');
    expect(await keyInput.evaluate((i) => (i as HTMLInputElement).type)).toBe('password');
    // The options page hands the key to the background and keeps no copy in the document.
    expect(await options.content()).not.toContain(KEY);
    expect(
      await (await labelled(options, 'Region')).evaluate((s) => (s as HTMLSelectElement).value),
    ).toBe(REGION);

    popup = await ext.openPopup();
    await expectKeyAndRegionAtApi(server, KEY, REGION);
  });

  test("the popup lists the mock's hashtags for the saved region in rank order", async () => {
    const expected = server.api.hashtags({ region: REGION }).map((h) => `#${h.hashtag_name}`);
    popup ??= await ext.openPopup();
    await rowTexts(popup, 20);
    const shown = await popup.$$eval('ol > li .tag-name', (els) => els.map((e) => e.textContent));
    expect(shown.length).toBeGreaterThanOrEqual(20);
    expect(shown).toEqual(expected.slice(0, shown.length));
    // The saved region's list differs from the default one, so the rows above prove the region.
    const defaults = server.api.hashtags().map((h) => `#${h.hashtag_name}`);
    expect(shown).not.toEqual(defaults.slice(0, shown.length));
    expect(await ext.extensionErrors()).toEqual([]);
    await ext.screenshot(popup, 'firefox-popup');
  });

  test('a tiktok.com page gets its trending tag links marked with their rank', async () => {
    const page = await ext.page('https://www.tiktok.com/basic');
    // The content script marks the top `depth` of the user's default filters (the saved region).
    const top = server.api.hashtags({ region: REGION }).slice(0, DEFAULT_SETTINGS.highlight.depth);
    const rankOf = Object.fromEntries(
      top.map((h) => [h.hashtag_name.toLowerCase(), String(h.rank)]),
    );

    /** Each tag link's name (from its href) and the rank marked on or around it, if any. */
    const links = () =>
      page.$$eval('a[href^="/tag/"]', (as) =>
        as.map((a) => ({
          name: decodeURIComponent(a.getAttribute('href')!.slice(5)).toLowerCase(),
          rank:
            (
              a.closest('[data-trending-rank]') ?? a.querySelector('[data-trending-rank]')
            )?.getAttribute('data-trending-rank') ?? null,
        })),
      );
    const expected = (await links()).map(({ name }) => ({ name, rank: rankOf[name] ?? null }));
    // The fixture has trending and non-trending links, or this test could not tell anything.
    expect(expected.filter((l) => l.rank !== null).length).toBeGreaterThanOrEqual(3);
    expect(expected.filter((l) => l.rank === null).length).toBeGreaterThan(0);
    await expect.poll(links, { timeout: 20_000 }).toEqual(expected);

    // What the person is typing is theirs: the search box and the comment box stay untouched.
    const typed = await page.evaluate(() => ({
      search: (document.querySelector('input[type="search"]') as HTMLInputElement).value,
      comment: document.querySelector('[data-e2e="comment-input"]')!.textContent!.trim(),
      commentMarks: document.querySelectorAll('[data-e2e="comment-input"] [data-trending-rank]')
        .length,
    }));
    expect(typed).toEqual({
      search: '#fyp #おすすめ',
      comment: '#fyp #おすすめ so cute',
      commentMarks: 0,
    });
    expect(ext.errors).toEqual([]);
    expect(await ext.extensionErrors()).toEqual([]);
    await ext.screenshot(page, 'firefox-tiktok-basic');
  });

  test('the event page stopped by Firefox wakes for the popup, which lists from the cache', async () => {
    const before = await rowTexts(popup!, 20);
    await ext.closeTabs();
    await ext.stopBackground();
    const asked = server.apiRequests().length;

    popup = await ext.openPopup();
    expect(await rowTexts(popup, 20)).toEqual(before);
    expect(await ext.backgroundState()).toBe('running');
    // The list is fresh in storage: waking up costs no credits.
    expect(server.apiRequests()).toHaveLength(asked);

    await (await button(popup, 'Refresh')).click();
    await expect.poll(() => server.apiRequests().length, { timeout: 20_000 }).toBe(asked + 1);
    expect(server.apiRequests().at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(await ext.extensionErrors()).toEqual([]);
  });

  test('the event page stopped by Firefox wakes for a tiktok.com tab, which gets its marks', async () => {
    await ext.closeTabs();
    await ext.stopBackground();
    const page = await ext.page('https://www.tiktok.com/basic');
    await expect
      .poll(() => page.$$eval('[data-trending-rank]', (els) => els.length), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(3);
    expect(await ext.backgroundState()).toBe('running');
    expect(await ext.extensionErrors()).toEqual([]);
  });

  test('nothing was sent to any host but api.keyapi.ai and tiktok.com', () => {
    // Everything Firefox and the add-on sent went through the proxy, which refuses other hosts.
    expect(ext.refused).toEqual([]);
  });
});
