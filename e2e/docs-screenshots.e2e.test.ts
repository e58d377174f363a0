/**
 * The README's pictures of tiktok.com (issue 7), taken from the production build on the TikTok-like
 * fixtures: the For You feed highlighted in TikTok's light and dark themes, and the hover card open beside a
 * tag. Every run checks that what the picture is meant to show is on screen and saves it to
 * `.e2e-artifacts/`; `UPDATE_DOCS_SCREENSHOTS=1` also writes it to `docs/` (run by hand, then look
 * at the pictures before committing them):
 *
 *   UPDATE_DOCS_SCREENSHOTS=1 npx vitest run --config vitest.e2e.config.ts e2e/docs-screenshots
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, setApiKey, type Extension } from './browser';
import { keepPicture } from './doc-pictures';
import { hoverCard } from './shadow';
import { FIXTURE_TREND, itemsNamed } from './fixture-trend';
import { startMockServer, type MockServer } from './server';

const TIKTOK = 'https://www.tiktok.com';
/** The For You fixture (dark theme) served in TikTok's light theme too. */
const LIGHT_FEED = '/foryou-light';

let server: MockServer;
let ext: Extension;

/** Saves `page` (or a part of it) as .e2e-artifacts/NAME.png, and as docs/NAME.png when asked. */
async function keep(page: Page, name: string, clip?: Parameters<Page['screenshot']>[0]) {
  await keepPicture(name, await page.screenshot(clip));
}

async function markedPage(url: string, atLeast: number): Promise<Page> {
  const page = await ext.page(url);
  await expect
    .poll(() => page.locator('[data-trending-rank]').count(), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(atLeast);
  // Fonts and layout settle; no caret or hover state in the picture.
  await page.mouse.move(0, 0);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

beforeAll(async () => {
  server = await startMockServer();
  server.api.respondWith({ kind: 'items', items: itemsNamed(FIXTURE_TREND.slice(0, 20)) });
  const forYou = await readFile('e2e/fixtures/tiktok/index.html', 'utf8');
  server.tiktok.setPage(LIGHT_FEED, forYou.replace(' data-theme="dark"', ''));
  ext = await launchExtension(server, { viewport: { width: 840, height: 600 } });
  await ext.installPage?.close();
  await setApiKey(ext, 'sk_live_e2eDocsScreenshots0000');
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('docs screenshots of tiktok.com', () => {
  test("the For You feed highlighted, in TikTok's light theme", async () => {
    const page = await markedPage(`${TIKTOK}${LIGHT_FEED}`, 5);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    await keep(page, 'tiktok-highlight', { fullPage: true });
    await page.close();
  });

  test('the For You feed highlighted, in the dark theme', async () => {
    const page = await markedPage(`${TIKTOK}/foryou`, 5);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await keep(page, 'tiktok-highlight-dark', { fullPage: true });
    await page.close();
  });

  test('the hover card beside a tag', async () => {
    const page = await markedPage(`${TIKTOK}${LIGHT_FEED}`, 5);
    const link = page.locator('[data-e2e="video-desc"] a[href="/tag/food"]');
    await link.hover();
    const card = await hoverCard(page);
    await expect.poll(() => card.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await card.innerText()).toMatch(/#food[\s\S]*#12[\s\S]*Posts[\s\S]*Views/);
    // The tag and its card, with some of the page around them.
    const [tag, box] = [(await link.boundingBox())!, (await card.boundingBox())!];
    const x = Math.max(0, Math.min(tag.x, box.x) - 140);
    const y = Math.max(0, Math.min(tag.y, box.y) - 60);
    const right = Math.max(tag.x + tag.width, box.x + box.width) + 140;
    const bottom = Math.max(tag.y + tag.height, box.y + box.height) + 24;
    await keep(page, 'hover-card', { clip: { x, y, width: right - x, height: bottom - y } });
    expect(await card.isVisible()).toBe(true);
    await page.close();
    expect(ext.errors).toEqual([]);
  });
});
