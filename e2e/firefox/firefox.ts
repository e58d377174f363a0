/**
 * Launches Debian's firefox-esr with the Firefox production build installed as a temporary add-on,
 * over WebDriver BiDi (puppeteer-core, which downloads nothing), with a fresh profile. Firefox has no
 * host-resolver rules: its proxy prefs point at a loopback CONNECT proxy (../connect-proxy.ts) that
 * tunnels api.keyapi.ai and tiktok.com to the HTTPS mock (../server.ts) and refuses the rest.
 * See shared/docs/testing.md, "Real-browser tests in Firefox".
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ARTIFACTS_DIR, assertExecutable, POPUP_SIZE, type ExtensionPages } from '../browser';
import { startConnectProxy, type ConnectProxy } from '../connect-proxy';
import { API_HOST, TIKTOK_HOSTS, type MockServer } from '../server';
import { QUIET_PREFS, proxyPrefs } from './prefs';
import {
  backgroundState,
  consoleServiceErrors,
  inBrowserChrome,
  terminateBackground,
} from './privileged';

export function firefoxPath(): string {
  return process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
}

export function firefoxExtensionDir(): string {
  return resolve(process.env.FIREFOX_EXT_DIR ?? '.output/firefox-mv3');
}

/** Throws a message a person can act on when there is no Firefox to run. */
export async function assertFirefox(): Promise<void> {
  const path = firefoxPath();
  await assertExecutable(
    path,
    `No Firefox at ${path}. The Firefox real-browser tests need one: install Debian's firefox-esr ` +
      '(apt-get install firefox-esr; .ci/run does this) or set FIREFOX_PATH to a Firefox binary (140 or later).',
  );
}

/** The gecko id of the Firefox build; throws a message a person can act on when it is missing. */
export async function assertFirefoxBuild(dir = firefoxExtensionDir()): Promise<string> {
  let manifest: { browser_specific_settings?: { gecko?: { id?: string } } };
  try {
    manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as typeof manifest;
  } catch {
    throw new Error(
      `No Firefox build at ${dir}: run \`npm run build:firefox\` first (or set FIREFOX_EXT_DIR to a build's firefox-mv3 folder).`,
    );
  }
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/**
 * The Firefox build in a running Firefox: pages open as in the Chromium harness; `errors` has the
 * tabs' web pages only (Firefox reports nothing for moz-extension:// pages), `extensionErrors()`
 * the extension's own contexts.
 */
export interface FirefoxExtension extends ExtensionPages<Page> {
  browser: Browser;
  /** The fixed `moz-extension://` UUID of this run. */
  uuid: string;
  /**
   * Uncaught exceptions and unhandled rejections so far in every context of the extension (event
   * page, popup, options, content scripts), as `file: message`, from Firefox's console service.
   */
  extensionErrors(): Promise<string[]>;
  /** The event page's state: 'running', 'starting', 'suspending' or 'stopped'. */
  backgroundState(): Promise<string>;
  /**
   * Stops the event page as Firefox does after it idled; the next extension event starts it again.
   * Close the tabs first (`closeTabs`): an open popup, options page or tiktok.com tab may be talking
   * to it, which idling never interrupts but this would.
   */
  stopBackground(): Promise<void>;
  /** Closes every tab, leaving one blank tab so the window stays open. */
  closeTabs(): Promise<void>;
  /** Requests Firefox made through the proxy to hosts other than the mocked ones. */
  refused: string[];
}

const INSTALL_TAB_WAIT_MS = 5_000;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Navigates `page` to an extension page and waits until `ready` (a selector) is in it. Firefox's
 * remote agent commits moz-extension:// navigations but never reports their DOMContentLoaded or
 * load, so `page.goto` there would time out (and `page.url()` keeps the old URL): the navigation
 * runs on its own, its timeout ignored, and the page itself says when it is there. The check is a
 * loop of its own: while the document is swapped, an evaluation may fail with a protocol error
 * that puppeteer's waitForFunction takes as final.
 */
async function gotoExtensionPage(page: Page, url: string, ready: string): Promise<void> {
  void page.goto(url, { timeout: 15_000 }).catch(() => undefined);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const there = await page
      .evaluate(
        (href, selector) => location.href === href && document.querySelector(selector) !== null,
        url,
        ready,
      )
      .catch(() => false);
    if (there) return;
    if (Date.now() > deadline) throw new Error(`${url} did not show ${ready} within 20 s`);
    await sleep(100);
  }
}

/** The page whose document is at `url` (page.url() lags behind for moz-extension:// pages). */
export async function findPageAt(browser: Browser, url: string): Promise<Page | null> {
  for (const page of await browser.pages()) {
    const href = await page.evaluate(() => location.href).catch(() => '');
    if (href.startsWith(url)) return page;
  }
  return null;
}

export async function launchFirefoxExtension(
  server: Pick<MockServer, 'port'>,
  opts: { extDir?: string } = {},
): Promise<FirefoxExtension> {
  await assertFirefox();
  const dir = resolve(opts.extDir ?? firefoxExtensionDir());
  const geckoId = await assertFirefoxBuild(dir);
  const uuid = randomUUID();
  const baseUrl = `moz-extension://${uuid}/`;
  const proxy: ConnectProxy = await startConnectProxy(server.port, [API_HOST, ...TIKTOK_HOSTS]);

  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      acceptInsecureCerts: true,
      // Release builds ignore services.settings.server (remote settings) without this.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      // Firefox 153 refuses moz-extension:// and other privileged pages to remote clients without it.
      args: ['--remote-allow-system-access'],
      defaultViewport: { width: 1280, height: 800 },
      extraPrefsFirefox: {
        ...QUIET_PREFS,
        ...proxyPrefs(proxy.port),
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
        'intl.locale.requested': 'en-US',
        'intl.accept_languages': 'en-US, en',
        'ui.systemUsesDarkTheme': 0,
      },
    });
  } catch (error) {
    await proxy.close();
    throw error;
  }

  const errors: string[] = [];
  const watched = new WeakSet<Page>();
  const watchPage = (page: Page) => {
    if (watched.has(page)) return;
    watched.add(page);
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${String(e)}`));
  };
  for (const page of await browser.pages()) watchPage(page);
  browser.on('targetcreated', (target) => {
    void target.page().then((page) => page && watchPage(page));
  });

  try {
    const installed = await browser.installExtension(dir);
    if (installed !== geckoId) throw new Error(`installed ${installed}, expected ${geckoId}`);
  } catch (error) {
    await browser.close();
    await proxy.close();
    throw new Error(`Firefox did not install the add-on from ${dir}: ${String(error)}`);
  }

  // A fresh install opens the options page (onboarding), in the blank first tab; let it land and
  // keep it as `installPage`.
  let installPage: Page | null = null;
  const installDeadline = Date.now() + INSTALL_TAB_WAIT_MS;
  while (!installPage && Date.now() < installDeadline) {
    installPage = await findPageAt(browser, `${baseUrl}options.html`);
    if (!installPage) await sleep(100);
  }
  await installPage?.waitForSelector('form', { timeout: 20_000 });

  const newPage = async (size?: { width: number; height: number }) => {
    const page = await browser.newPage();
    watchPage(page);
    if (size) await page.setViewport(size);
    return page;
  };

  return {
    browser,
    uuid,
    baseUrl,
    installPage,
    openPopup: async (size: { width: number; height: number } = POPUP_SIZE) => {
      const page = await newPage(size);
      await gotoExtensionPage(page, `${baseUrl}popup.html`, 'main, [role="alert"], ol');
      return page;
    },
    openOptions: async () => {
      const page = await newPage();
      await gotoExtensionPage(page, `${baseUrl}options.html`, 'form');
      return page;
    },
    page: async (url) => {
      const page = await newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    errors,
    extensionErrors: () => inBrowserChrome(browser, consoleServiceErrors, baseUrl),
    backgroundState: () => inBrowserChrome(browser, backgroundState, geckoId),
    stopBackground: async () => {
      const state = await inBrowserChrome(browser, terminateBackground, geckoId);
      if (state !== 'stopped') throw new Error(`The event page is ${state} after terminating it`);
    },
    closeTabs: async () => {
      const open = await browser.pages();
      await browser.newPage();
      for (const page of open) await page.close();
    },
    refused: proxy.refused,
    screenshot: async (page, name) => {
      await mkdir(ARTIFACTS_DIR, { recursive: true });
      const path = join(ARTIFACTS_DIR, `${name}.png`) as `${string}.png`;
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: async () => {
      await browser.close();
      await proxy.close();
    },
  };
}
