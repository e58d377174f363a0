/**
 * The side panel in Firefox (issue 18), on the Firefox production build: the sidebar's page lists
 * what the tiktok.com tab beside it shows; the options name it "Sidebar" and show Firefox's
 * shortcuts and where to change them; choosing it takes the popup off the toolbar button (which
 * then toggles the sidebar); and where Firefox refuses to open the sidebar (a click in a web page
 * is no user action for it), "Open in Hashtag Radar" opens the list in a tab.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startMockServer, type MockServer } from '../server';
import { FIXTURE_TREND, itemsNamed } from '../fixture-trend';
import { findPageAt, launchFirefoxExtension, type FirefoxExtension } from './firefox';
import { button, labelled, saveInOptions, waitForText } from './person';

let server: MockServer;
let ext: FirefoxExtension;
let options: Page;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Runs `script` with `browser` in the options page (an extension page) and returns its result. */
function inExtension<T>(script: () => Promise<T>): Promise<T> {
  return options.evaluate(script);
}

beforeAll(async () => {
  server = await startMockServer();
  server.api.respondWith({ kind: 'items', items: itemsNamed(FIXTURE_TREND) });
  ext = await launchFirefoxExtension(server);
  options = await saveInOptions(ext, { key: 'sk_live_e2eFirefoxPanel00000' });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('Firefox: the sidebar', () => {
  test("the sidebar's page lists the trending tags of the TikTok tab beside it", async () => {
    const feed = await ext.page('https://www.tiktok.com/feed');
    // The panel's page in a window of its own describes the browser window's active tab.
    await options.evaluate(
      (url) =>
        (
          globalThis as unknown as { browser: { windows: { create(o: object): Promise<unknown> } } }
        ).browser.windows.create({ url, type: 'popup', width: 360, height: 800 }),
      `${ext.baseUrl}sidepanel.html`,
    );
    let panel: Page | null = null;
    for (let i = 0; !panel && i < 100; i++) {
      panel = await findPageAt(ext.browser, `${ext.baseUrl}sidepanel.html`);
      if (!panel) await sleep(100);
    }
    expect(panel).not.toBeNull();
    await feed.bringToFront();
    await expect
      .poll(
        () =>
          panel!
            .$$eval('#view-page ol > li .tag-name', (names) => names.map((n) => n.textContent))
            .catch(() => []),
        { timeout: 20_000 },
      )
      .toEqual(['#fyp', '#dance', '#cat']);
    await ext.screenshot(panel!, 'firefox-panel');
    await panel!.close();
    await feed.close();
  });

  test('the options call it the sidebar, and show the shortcuts and where Firefox changes them', async () => {
    const text = await waitForText(options, /Manage Extension Shortcuts/);
    expect(text).toContain('Sidebar');
    expect(text).toContain('Alt+Shift+H');
    expect(text).toContain('Alt+Shift+J');
    expect(text).toContain('Add-ons and themes (about:addons)');
  });

  test('choosing the sidebar takes the popup off the toolbar button; the hover card then opens a tab', async () => {
    await (await labelled(options, 'Sidebar')).click();
    await (await button(options, 'Save', 'form')).click();
    await waitForText(options, /toolbar button opens the side panel/);
    await expect
      .poll(() =>
        inExtension(() =>
          (
            globalThis as unknown as {
              browser: { action: { getPopup(d: object): Promise<string> } };
            }
          ).browser.action.getPopup({}),
        ),
      )
      .toBe('');

    const feed = await ext.page('https://www.tiktok.com/feed');
    const link = await feed.waitForSelector('a[data-trending-rank]', { timeout: 20_000 });
    await link!.hover();
    // The card's button, in its closed shadow root, is reached from the keyboard: Tab from the tag.
    await link!.focus();
    await sleep(800);
    await feed.keyboard.press('Tab');
    const before = (await ext.browser.pages()).length;
    await feed.keyboard.press('Enter');
    let radar: Page | null = null;
    for (let i = 0; !radar && i < 100; i++) {
      radar = await findPageAt(ext.browser, `${ext.baseUrl}popup.html#tag=fyp`);
      if (!radar) await sleep(100);
    }
    expect(radar, 'the list opened in a tab at #fyp').not.toBeNull();
    expect((await ext.browser.pages()).length).toBe(before + 1);
    expect(await ext.extensionErrors()).toEqual([]);
  });
});
