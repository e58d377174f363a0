/**
 * The side panel (issue 18) on the production build: sidepanel.html renders the list at 320 and
 * 600 px; "On this page" lists the trending tags of the TikTok fixtures and follows infinite
 * scroll, in-app navigation, tab switches and the page leaving; axe in light and dark. (Tabs open
 * before an install or update: panel-install.e2e.test.ts.) A panel opened as a page of its own window
 * describes the active tab of the browser window, as the real panel describes its window's.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import { keepPicture, sideBySide } from './doc-pictures';
import { launchExtension, setApiKey, type Extension } from './browser';
import { FIXTURE_TREND, itemsNamed } from './fixture-trend';
import { startMockServer, type MockServer } from './server';

const TIKTOK = 'https://www.tiktok.com';
const VIDEO = `${TIKTOK}/@kyoto.mornings/video/7301234567890123456`;

let server: MockServer;
let ext: Extension;

interface ChromeApi {
  windows: { create(o: object): Promise<unknown> };
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  storage: { session: { get(k: null): Promise<Record<string, unknown>> } };
}

/** sidepanel.html in a window of its own, `width` wide: it describes the browser window's tab. */
async function openPanel(width = 360): Promise<Page> {
  const opened = ext.context.waitForEvent('page', (p) => p.url().endsWith('/sidepanel.html'));
  await ext.worker.evaluate(
    ({ url, width }) =>
      (globalThis as unknown as { chrome: ChromeApi }).chrome.windows.create({
        url,
        type: 'popup',
        width,
        height: 800,
      }),
    { url: `${ext.baseUrl}sidepanel.html`, width },
  );
  const panel = await opened;
  await panel.setViewportSize({ width, height: 800 });
  await panel.waitForLoadState('load');
  return panel;
}

/** "On this page": its trending rows as `rank:#name`. */
function foundTags(panel: Page): Promise<string[]> {
  return panel.$$eval('#view-page ol > li', (rows) =>
    rows.map(
      (r) =>
        `${r.querySelector('.rank')?.textContent}:${r.querySelector('.tag-name')?.textContent}`,
    ),
  );
}

async function expectFound(panel: Page, expected: string[]): Promise<void> {
  await expect.poll(() => foundTags(panel), { timeout: 15_000 }).toEqual(expected);
}

function pageText(panel: Page): Promise<string> {
  return panel.locator('#view-page').innerText();
}

/** The tabs whose names the background keeps ("On this page"), by storage key. */
function storedTabs(): Promise<string[]> {
  return ext.worker.evaluate(async () => {
    const all = await (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.session.get(
      null,
    );
    return Object.keys(all).filter((k) => k.startsWith('radar:pageTags:'));
  });
}

/** No sideways scrolling at this width: the layout fits the panel. */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

beforeAll(async () => {
  server = await startMockServer();
  server.api.respondWith({ kind: 'items', items: itemsNamed(FIXTURE_TREND) });
  ext = await launchExtension(server);
  await ext.installPage?.close();
  await setApiKey(ext, 'sk_live_e2ePanelKey00000000');
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('the side panel page', () => {
  test('renders the list, as the popup does, at 320 and 600 px without sideways scrolling', async () => {
    const panel = await ext.page(`${ext.baseUrl}sidepanel.html`);
    for (const width of [320, 600]) {
      await panel.setViewportSize({ width, height: 800 });
      await panel.getByRole('tab', { name: 'Trending' }).click();
      const rows = panel.locator('#view-trending ol > li');
      await rows.nth(19).waitFor({ timeout: 20_000 });
      expect(await rows.count()).toBe(20);
      expect(await rows.first().locator('.tag-name').textContent()).toBe('#fyp');
      expect(await overflow(panel), `${width} px`).toBeLessThanOrEqual(0);
      // The list's own header (filters, search) works here as in the popup.
      await panel.getByRole('searchbox', { name: 'Search hashtags' }).fill('café');
      await expect.poll(() => rows.count()).toBe(1);
      await panel.getByRole('searchbox', { name: 'Search hashtags' }).fill('');
      await ext.screenshot(panel, `panel-list-${width}`);
    }
    // Opened as a tab of the only window, it has no other tab to describe.
    await panel.getByRole('tab', { name: 'On this page' }).click();
    await expect.poll(() => pageText(panel)).toContain('This tab is not on TikTok');
    await panel.close();
  });
});

describe('On this page', () => {
  let feed: Page;
  let video: Page;
  let panel: Page;

  beforeAll(async () => {
    feed = await ext.page(`${TIKTOK}/feed`);
    panel = await openPanel();
  });

  afterAll(async () => {
    await panel?.close();
  });

  test('lists the trending tags the feed shows, by rank, and opens on them', async () => {
    // feed.html: 4 items tagged #fyp, with "#Dance" in the text and "#cat #nottrending" comments.
    await expectFound(panel, ['1:#fyp', '5:#dance', '11:#cat']);
    expect(
      await panel.getByRole('tab', { name: 'On this page' }).getAttribute('aria-selected'),
    ).toBe('true');
    expect(await pageText(panel)).toContain('Ranks in the top 20 for All regions · 7 days');
    expect(await pageText(panel)).toContain('Trending on this page: 3');
  });

  test('updates after an infinite-scroll append and after in-app navigation', async () => {
    await feed.evaluate(() =>
      (window as unknown as { __feed: { append(n: number, tag: string): void } }).__feed.append(
        4,
        'BookTok',
      ),
    );
    await expectFound(panel, ['1:#fyp', '5:#dance', '6:#booktok', '11:#cat']);
    // The feed's pushState navigation replaces the items with #travel ones.
    await feed.evaluate(() =>
      (
        window as unknown as { __feed: { navigate(path: string, tag: string): void } }
      ).__feed.navigate('/following', 'travel'),
    );
    await expectFound(panel, ['5:#dance', '11:#cat', '13:#travel']);
  });

  test("follows a tab switch: a video page, with its caption's hashtags", async () => {
    video = await ext.page(VIDEO);
    await expectFound(panel, [
      '1:#fyp',
      '2:#foryou',
      '3:#café',
      '4:#日本',
      '5:#dance',
      '6:#booktok',
      '7:#lifehack',
      '8:#straße',
      '9:#été',
      '10:#gym',
      '11:#cat',
    ]);
    const caption = await panel.$$eval('.caption-tags li', (items) =>
      items.map((li) => (li as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
    );
    expect(caption).toEqual([
      '#fyp Rank 1 NEW New in the top 100',
      '#café Rank 3 ↑ Up',
      '#日本 Rank 4 ↑ Up',
      '#booktok Rank 6 NEW New in the top 100',
      '#kyotolife Not trending (not in the top 20)',
      // Rank 21: beyond the depth the page is marked to.
      '#nightroutine Not trending (not in the top 20)',
    ]);
    await ext.screenshot(panel, 'panel-video');
    // Back to the feed tab.
    await feed.bringToFront();
    await expectFound(panel, ['5:#dance', '11:#cat', '13:#travel']);
    expect(await panel.locator('.caption-tags').count()).toBe(0);
  });

  test('says when the tab is not on TikTok, and forgets a tab when its page leaves or it closes', async () => {
    expect(await storedTabs()).toHaveLength(2);
    await video.bringToFront();
    await video.goto(`${ext.baseUrl}privacy.html`);
    await expect
      .poll(() => pageText(panel), { timeout: 10_000 })
      .toContain('This tab is not on TikTok');
    await expect.poll(() => storedTabs()).toHaveLength(1);
    await feed.close();
    await expect.poll(() => storedTabs()).toEqual([]);
    await video.close();
  });
});

describe('the README picture', () => {
  test('the side panel beside the For You feed (dark, as TikTok is by default)', async () => {
    const forYou = await ext.page(`${TIKTOK}/foryou`);
    await forYou.setViewportSize({ width: 900, height: 760 });
    const panel = await openPanel(360);
    await panel.setViewportSize({ width: 360, height: 760 });
    await panel.emulateMedia({ colorScheme: 'dark' });
    await forYou.bringToFront();
    await expectFound(panel, [
      '12:#food',
      '13:#travel',
      '14:#comedy',
      '17:#skincare',
      '18:#football',
    ]);
    await forYou.mouse.move(0, 0);
    await Promise.all([forYou, panel].map((p) => p.evaluate(() => document.fonts.ready)));
    const picture = await sideBySide(forYou, await forYou.screenshot(), await panel.screenshot());
    await keepPicture('side-panel', picture);
    await panel.close();
    await forYou.close();
  });
});

describe('accessibility', () => {
  test('no serious or critical axe issue in the panel views, light and dark, at 320 and 600 px', async () => {
    const video = await ext.page(VIDEO);
    for (const width of [320, 600]) {
      const panel = await openPanel(width);
      await video.bringToFront();
      await expect
        .poll(() => panel.locator('.caption-tags li').count(), { timeout: 15_000 })
        .toBe(6);
      // An expanded row (details, charts) in the page view.
      await panel.locator('#view-page .row-toggle').first().click();
      await panel.locator('#view-page .row.open').waitFor();
      expect(await overflow(panel), `${width} px`).toBeLessThanOrEqual(0);
      expect(await axeViolations(panel), `On this page, ${width} px`).toEqual([]);
      await panel.getByRole('tab', { name: 'Trending' }).click();
      await panel.locator('#view-trending ol > li').nth(19).waitFor();
      expect(await axeViolations(panel), `Trending, ${width} px`).toEqual([]);
      await panel.close();
    }
    // A state without a list: not on TikTok.
    const other = await ext.page(`${ext.baseUrl}privacy.html`);
    const panel = await openPanel(320);
    await other.bringToFront();
    await panel.getByRole('tab', { name: 'On this page' }).click();
    await expect.poll(() => pageText(panel)).toContain('This tab is not on TikTok');
    expect(await axeViolations(panel), 'not on TikTok').toEqual([]);
    await panel.close();
    await other.close();
    await video.close();
    expect(ext.errors).toEqual([]);
  });
});
