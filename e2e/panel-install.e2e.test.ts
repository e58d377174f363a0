/**
 * "On this page" for tabs whose page has no working content script of ours: Chrome puts content
 * scripts only into pages loaded after the extension was installed or updated, and a page loaded
 * before an update keeps the old, orphaned script. The panel must say so (and offer to reload the
 * tab), never wait forever. Playwright can only start Chromium with the extension already loaded,
 * so this file starts it with puppeteer-core and installs the production build while a TikTok tab
 * is open, then installs it again, as an update does (CDP Extensions.loadUnpacked).
 */
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { assertBuild, assertChromium, chromiumPath, extensionDir } from './browser';
import { FIXTURE_TREND, itemsNamed } from './fixture-trend';
import { extensionLaunchArgs } from './loopback.mjs';
import { API_HOST, startMockServer, TIKTOK_HOSTS, type MockServer } from './server';

const TIKTOK = 'https://www.tiktok.com';

let server: MockServer;
let browser: Browser;
let extensionId: string;

async function install(): Promise<void> {
  extensionId = await browser.installExtension(resolve(extensionDir()));
}

/** An extension page (privacy.html) that runs `script` with `chrome` and closes. */
async function inExtension<T>(script: (arg: string) => Promise<T>, arg = ''): Promise<T> {
  const page = await browser.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/privacy.html`);
    return await page.evaluate(script, arg);
  } finally {
    await page.close();
  }
}

/** sidepanel.html in a window of its own: it describes the browser window's active tab. */
async function openPanel(): Promise<Page> {
  const url = `chrome-extension://${extensionId}/sidepanel.html`;
  // A new one: a panel a failed test left open is of the extension as it was before an update.
  const before = new Set(browser.targets());
  const opened = browser.waitForTarget((t) => t.url() === url && !before.has(t), {
    timeout: 10_000,
  });
  await inExtension(
    (url) =>
      (
        globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }
      ).chrome.windows.create({ url, type: 'popup', width: 360, height: 800 }),
    url,
  );
  const panel = (await (await opened).page())!;
  await panel.setViewport({ width: 360, height: 800 });
  const log = logs.get(panel) ?? [];
  logs.set(panel, log);
  panel.on('console', (m) => log.push(`console.${m.type()}: ${m.text()}`));
  panel.on('pageerror', (e) => log.push(`pageerror: ${String(e)}`));
  return panel;
}

/** What each panel logged: said when an expectation on it fails. */
const logs = new WeakMap<Page, string[]>();

/**
 * Runs `check`; when it fails, the error also says what the panel showed and logged, which tabs
 * the browser has, what the background keeps of them, and how many marks `tab` has.
 */
async function explained(panel: Page, check: () => Promise<unknown>, tab?: Page): Promise<void> {
  try {
    await check();
  } catch (error) {
    const unreadable = (e: unknown) => `(unreadable: ${String(e)})`;
    const shown = await panel.evaluate(() => document.body.innerText).catch(unreadable);
    const log = (logs.get(panel) ?? []).join('\n') || '(nothing logged)';
    const kept = await inExtension(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          storage: { session: { get(k: null): Promise<object> } };
          tabs: { query(q: object): Promise<{ id?: number; url?: string; status?: string }[]> };
        };
      };
      const tabs = await chrome.tabs.query({});
      return JSON.stringify({ session: await chrome.storage.session.get(null), tabs });
    }).catch(unreadable);
    const marks = tab
      ? await tab.evaluate(() => document.querySelectorAll('[data-trending-rank]').length)
      : '-';
    throw new Error(
      `${String(error)}\nThe panel showed:\n${shown}\nIt logged:\n${log}\n` +
        `The background keeps: ${kept}\nMarks on the tab: ${marks}`,
      { cause: error },
    );
  }
}

const pageText = (panel: Page) =>
  panel.$eval('#view-page', (el) => (el as HTMLElement).innerText).catch(() => '');
const found = (panel: Page) =>
  panel.$$eval('#view-page ol > li .tag-name', (names) => names.map((n) => n.textContent));

beforeAll(async () => {
  await assertChromium();
  await assertBuild();
  server = await startMockServer();
  server.api.respondWith({ kind: 'items', items: itemsNamed(FIXTURE_TREND) });
  // The harness's switches, without loading the extension at start.
  const args = extensionLaunchArgs(extensionDir(), server.port, [API_HOST, ...TIKTOK_HOSTS]).filter(
    (a) => !a.startsWith('--load-extension') && !a.startsWith('--disable-extensions-except'),
  );
  browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    enableExtensions: true,
    acceptInsecureCerts: true,
    args,
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('a tab open before the install: says to reload it, and lists its tags once reloaded', async () => {
  const feed = await browser.newPage();
  await feed.goto(`${TIKTOK}/feed`);
  await install();
  await inExtension(async (key) => {
    const reply = await (
      globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } };
      }
    ).chrome.runtime.sendMessage({ hashtagRadar: 1, type: 'saveApiKey', data: { key } });
    if (!reply.ok) throw new Error('saveApiKey failed');
  }, 'sk_live_e2eInstallKey000000');
  const panel = await openPanel();
  try {
    await feed.bringToFront();
    await explained(panel, () =>
      expect
        .poll(() => pageText(panel), { timeout: 10_000 })
        .toContain(
          'it was open before Hashtag Radar was installed or updated. If it shows TikTok, reload it.',
        ),
    );
    const reload = await panel.waitForSelector('#view-page button');
    expect(await reload!.evaluate((b) => b.textContent)).toBe('Reload tab');
    // The panel's window is not the focused one: its button is pressed from the page itself.
    await reload!.evaluate((b) => (b as HTMLButtonElement).click());
    await explained(
      panel,
      () =>
        expect.poll(() => found(panel), { timeout: 15_000 }).toEqual(['#fyp', '#dance', '#cat']),
      feed,
    );
  } finally {
    await panel.close();
  }
});

test('a tab whose page kept the old script after an update: says so too', async () => {
  const video = await browser.newPage();
  await video.goto(`${TIKTOK}/@kyoto.mornings/video/7301234567890123456`);
  // Installing the build again is an update: the video page keeps a script that can no longer talk.
  await install();
  const panel = await openPanel();
  try {
    await video.bringToFront();
    await explained(panel, () =>
      expect
        .poll(() => pageText(panel), { timeout: 10_000 })
        .toContain('it was open before Hashtag Radar was installed or updated'),
    );
  } finally {
    await panel.close();
  }
});
