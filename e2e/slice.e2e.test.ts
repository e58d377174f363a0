/**
 * The first slice through every context (issue 2), on the production build in Chromium: a person
 * saves a key and a region in the options page; the background calls the (mock) API with them; the
 * popup lists the hashtags in rank order; a tiktok.com page gets its trending tag links marked.
 * The steps run in order on one profile, like one person's first minutes with the extension.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { launchExtension, type Extension } from './browser';
import { expectKeyAndRegionAtApi } from './api-checks';
import { startMockServer, type MockServer } from './server';

const KEY = 'sk_live_e2eSliceKey7f3a9c2d51b8';
const REGION = 'JP';

/** A hashtag as it appears in text: `#` and letters, marks, digits or underscores. */
const HASHTAG = /#([\p{L}\p{M}\p{N}_]+)/gu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `#name` standing on its own in `text` (so `#fyp` is not found inside `#fypシ`). */
function showsTag(text: string, name: string): boolean {
  return new RegExp(
    `(^|[^\\p{L}\\p{M}\\p{N}_])#${escapeRegExp(name)}(?![\\p{L}\\p{M}\\p{N}_])`,
    'u',
  ).test(text);
}

let server: MockServer;
let ext: Extension;
let popup: Page | undefined;

beforeAll(async () => {
  server = await startMockServer();
  ext = await launchExtension(server);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('first slice: options → background → API → popup and tiktok.com', () => {
  test('the key and region saved in the options form reach the API as Bearer header and region', async () => {
    const options = await ext.openOptions();
    const keyInput = options.getByLabel('API key', { exact: true });
    expect(await keyInput.getAttribute('type')).toBe('password');
    await keyInput.fill(KEY);
    await options.getByLabel('Region', { exact: true }).selectOption(REGION);
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => options.getByText(/saved/i).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    // The options page hands the key to the background and keeps no copy in the document.
    expect(await options.content()).not.toContain(KEY);

    popup = await ext.openPopup();
    await expectKeyAndRegionAtApi(server, KEY, REGION);
  });

  test("the popup lists the mock's hashtags for the saved region in rank order", async () => {
    const expected = server.api.hashtags({ region: REGION });
    popup ??= await ext.openPopup();
    const rows = popup.locator('ol > li');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(20);
    const shown = await rows.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).innerText));
    expect(shown.length).toBeLessThanOrEqual(expected.length);
    shown.forEach((text, i) => {
      expect(showsTag(text, expected[i]!.hashtag_name), `row ${i + 1}: ${text}`).toBe(true);
    });
    // The saved region's list differs from the default one, so the rows above prove the region.
    const names = (items: { hashtag_name: string }[]) =>
      items.slice(0, 20).map((h) => h.hashtag_name);
    expect(names(expected)).not.toEqual(names(server.api.hashtags()));
    expect(ext.errors).toEqual([]);
    await ext.screenshot(popup, 'slice-popup');
  });

  test('a tiktok.com page gets its trending tag links marked with their rank', async () => {
    const page = await ext.page('https://www.tiktok.com/basic');
    // The content script highlights the top `depth` of the user's default filters (the saved region).
    const depth = DEFAULT_SETTINGS.highlight.depth;
    const rankOf = new Map(
      server.api
        .hashtags({ region: REGION })
        .slice(0, depth)
        .map((h) => [h.hashtag_name.toLowerCase(), h.rank]),
    );
    const linked = await page.$$eval('a[href^="/tag/"]', (links) =>
      links.map((a) => decodeURIComponent(a.getAttribute('href')!.slice('/tag/'.length))),
    );
    const trending = linked.filter((name) => rankOf.has(name.toLowerCase()));
    // The fixture has trending and non-trending links, or this test could not tell anything.
    expect(trending.length).toBeGreaterThanOrEqual(3);
    expect(trending.length).toBeLessThan(linked.length);

    const markedLinks = () =>
      page.$$eval('a[href^="/tag/"]', (links) =>
        links.map((a) => {
          const mark = a.closest('[data-trending-rank]') ?? a.querySelector('[data-trending-rank]');
          return {
            name: decodeURIComponent(a.getAttribute('href')!.slice('/tag/'.length)),
            rank: mark?.getAttribute('data-trending-rank') ?? null,
          };
        }),
      );
    await expect
      .poll(async () => (await markedLinks()).filter((l) => l.rank !== null).length, {
        timeout: 20_000,
      })
      .toBe(trending.length);
    for (const link of await markedLinks()) {
      const rank = rankOf.get(link.name.toLowerCase());
      expect(link.rank, `#${link.name}`).toBe(rank === undefined ? null : String(rank));
    }

    // Every mark, wherever it is, holds exactly one hashtag, and its rank is that hashtag's rank.
    const marks = await page.$$eval('[data-trending-rank]', (els) =>
      els.map((el) => ({
        text: el.textContent ?? '',
        rank: el.getAttribute('data-trending-rank'),
      })),
    );
    for (const mark of marks) {
      const tags = [...mark.text.matchAll(HASHTAG)].map((m) => m[1]!.toLowerCase());
      expect(tags, mark.text).toHaveLength(1);
      expect(mark.rank, mark.text).toBe(String(rankOf.get(tags[0]!)));
    }

    // What the person is typing is theirs: the search box and the comment box stay untouched.
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe(
      '#fyp #おすすめ',
    );
    const commentBox = page.locator('[data-e2e="comment-input"]');
    expect(await commentBox.locator('[data-trending-rank]').count()).toBe(0);
    expect((await commentBox.textContent())?.trim()).toBe('#fyp #おすすめ so cute');
    expect(ext.errors).toEqual([]);
    await ext.screenshot(page, 'slice-tiktok-basic');
  });
});
