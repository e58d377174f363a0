/**
 * Launches Debian's Chromium with the production build of the extension and a fresh profile, with
 * api.keyapi.ai and www.tiktok.com resolved to the mock server (server.ts). See
 * shared/docs/testing.md for why these flags.
 */
import { access, constants, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type ConsoleMessage,
  type Page,
  type Worker,
} from 'playwright-core';
import { API_HOST, TIKTOK_HOSTS, type MockServer } from './server';
import { extensionLaunchArgs } from './loopback.mjs';
import { VAULT_DB, VAULT_STORE } from '../lib/vault';

export const ARTIFACTS_DIR = resolve('.e2e-artifacts');

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export function extensionDir(): string {
  return resolve(process.env.EXT_DIR ?? '.output/chrome-mv3');
}

/** Throws `missing` (what to install or set) when `path` is not an executable: a browser to run. */
export async function assertExecutable(path: string, missing: string): Promise<void> {
  try {
    await access(path, constants.X_OK);
  } catch {
    throw new Error(missing);
  }
}

/** Throws a message a person can act on when there is no Chromium to run. */
export async function assertChromium(): Promise<void> {
  const path = chromiumPath();
  await assertExecutable(
    path,
    `No Chromium at ${path}. The real-browser tests need one: install Debian's chromium ` +
      '(apt-get install chromium; .ci/run does this) or set CHROMIUM_PATH to a Chromium/Chrome binary.',
  );
}

/** Throws a message a person can act on when the production build is missing. */
export async function assertBuild(dir = extensionDir()): Promise<void> {
  try {
    await stat(join(dir, 'manifest.json'));
  } catch {
    throw new Error(
      `No extension build at ${dir}: run \`npm run build\` first (or set EXT_DIR to a build's chrome-mv3 folder).`,
    );
  }
}

export interface LaunchOptions {
  /** The unpacked build to load; default `process.env.EXT_DIR ?? '.output/chrome-mv3'`. */
  extDir?: string;
  /** Extra Chromium switches, e.g. `--force-dark-mode` (not `--disable-features`). */
  args?: string[];
  /** Page viewport; default 1280×800. */
  viewport?: { width: number; height: number };
  /** Chromium's UI language, e.g. `de-DE`; default `en-US`. */
  locale?: string;
  colorScheme?: 'light' | 'dark';
}

/** The popup's size: its body's width (entrypoints/popup/style.css) and a usual height. */
export const POPUP_SIZE = { width: 448, height: 600 } as const;

/** What the Chromium and the Firefox harness (firefox/firefox.ts) both offer, over their own `P`age. */
export interface ExtensionPages<P> {
  /** `chrome-extension://ID/` or `moz-extension://UUID/` */
  baseUrl: string;
  /** The options tab the extension opened on install, if it did within 5 s of starting. */
  installPage: P | null;
  /** Opens popup.html as a tab, at a popup's size (default POPUP_SIZE). */
  openPopup(size?: { width: number; height: number }): Promise<P>;
  openOptions(): Promise<P>;
  /** Opens any URL (e.g. https://www.tiktok.com/basic) in a new tab and waits for `load`. */
  page(url: string): Promise<P>;
  /** Uncaught exceptions in the pages the browser reports them for, as `url: message`. */
  errors: string[];
  /** Saves a screenshot of `page` as .e2e-artifacts/NAME.png and returns its path. */
  screenshot(page: P, name: string): Promise<string>;
  close(): Promise<void>;
}

export interface Extension extends ExtensionPages<Page> {
  context: BrowserContext;
  extensionId: string;
  /** The extension's live service worker (re-found if Chromium restarted it). */
  readonly worker: Worker;
  /** console.error output and failed loads (e.g. the unreachable avatar CDN), as `url: text`. */
  consoleErrors: string[];
}

/** How long a launch waits for the tab a fresh install may open before handing over. */
const INSTALL_TAB_WAIT_MS = 5_000;

/** `page.goto` that survives the extension navigating the same tab meanwhile (and goes on to `url`). */
async function gotoSteadily(page: Page, url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(url, { waitUntil: 'load' });
      return;
    } catch (error) {
      if (attempt >= 3 || !/interrupted by another navigation/.test(String(error))) throw error;
      await page.waitForLoadState('load');
      if (page.url() === url) return;
    }
  }
}

function isExtensionWorker(w: Worker): boolean {
  return w.url().startsWith('chrome-extension://');
}

export async function launchExtension(
  server: Pick<MockServer, 'port'>,
  opts: LaunchOptions = {},
): Promise<Extension> {
  await assertChromium();
  const dir = resolve(opts.extDir ?? extensionDir());
  await assertBuild(dir);
  const profile = await mkdtemp(join(tmpdir(), 'hashtag-radar-profile-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      ignoreHTTPSErrors: true,
      viewport: opts.viewport ?? { width: 1280, height: 800 },
      locale: opts.locale ?? 'en-US',
      colorScheme: opts.colorScheme ?? 'light',
      args: [
        ...extensionLaunchArgs(dir, server.port, [API_HOST, ...TIKTOK_HOSTS]),
        ...(opts.args ?? []),
      ],
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }

  const errors: string[] = [];
  const consoleErrors: string[] = [];
  const watchPage = (page: Page) => {
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);

  let worker: Worker;
  try {
    worker =
      context.serviceWorkers().find(isExtensionWorker) ??
      (await context.waitForEvent('serviceworker', {
        predicate: isExtensionWorker,
        timeout: 30_000,
      }));
  } catch (error) {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    throw new Error(`The extension's service worker did not start from ${dir}: ${String(error)}`);
  }
  const extensionId = new URL(worker.url()).host;
  const baseUrl = `chrome-extension://${extensionId}/`;
  context.on('serviceworker', (w) => {
    if (w.url().startsWith(baseUrl)) worker = w;
  });

  // A fresh install may open the options page (onboarding). Chrome puts it in a blank tab, which
  // could be one a test just opened, so let it land first; it stays open as `installPage`.
  let installPage: Page | null = null;
  const installDeadline = Date.now() + INSTALL_TAB_WAIT_MS;
  while (!installPage && Date.now() < installDeadline) {
    installPage = context.pages().find((p) => p.url().startsWith(`${baseUrl}options.html`)) ?? null;
    if (!installPage) await new Promise((done) => setTimeout(done, 50));
  }
  await installPage?.waitForLoadState('load');

  const open = async (url: string, size?: { width: number; height: number }) => {
    const page = await context.newPage();
    if (size) await page.setViewportSize(size);
    await gotoSteadily(page, url);
    return page;
  };

  return {
    context,
    extensionId,
    baseUrl,
    installPage,
    get worker() {
      // A worker Chromium stopped for idling is replaced by a new one on the next event.
      return context.serviceWorkers().find((w) => w.url().startsWith(baseUrl)) ?? worker;
    },
    openPopup: (size = POPUP_SIZE) => open(`${baseUrl}popup.html`, size),
    openOptions: () => open(`${baseUrl}options.html`),
    page: open,
    errors,
    consoleErrors,
    screenshot: async (page, name) => {
      await mkdir(ARTIFACTS_DIR, { recursive: true });
      const path = join(ARTIFACTS_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

type StorageArea = 'local' | 'sync' | 'session';
type Area = StorageArea | 'vault';

/** The part of `chrome.storage` the helpers use, inside the worker (where `chrome` is global). */
type ChromeStorage = Record<
  StorageArea,
  {
    get(key: string): Promise<Record<string, unknown>>;
    set(values: Record<string, unknown>): Promise<void>;
  }
>;

function splitKey(key: string): [Area, string] {
  const m = /^(local|sync|session|vault):(.+)$/.exec(key);
  if (!m)
    throw new Error(
      `Storage keys are WXT-style, e.g. 'sync:settings' or 'vault:apiKey' (lib/vault.ts); got ${key}`,
    );
  return [m[1] as Area, m[2]!];
}

/**
 * Reads or writes the vault (lib/vault.ts: IndexedDB of the extension's origin) inside the worker,
 * with plain IndexedDB: the same database and store the extension's idb-keyval opens.
 */
function vault(ext: Extension, write: Record<string, unknown> | null, read: string[] = []) {
  return ext.worker.evaluate(
    async ({ db, store, write, read }) => {
      const done = <T>(request: IDBRequest<T> | IDBTransaction) =>
        new Promise<T>((resolve, reject) => {
          if (request instanceof IDBTransaction) {
            request.oncomplete = () => resolve(undefined as T);
            request.onerror = request.onabort = () => reject(request.error);
          } else {
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          }
        });
      const opening = indexedDB.open(db);
      opening.onupgradeneeded = () => opening.result.createObjectStore(store);
      const database = await done(opening);
      try {
        if (write) {
          const tx = database.transaction(store, 'readwrite');
          for (const [key, value] of Object.entries(write)) tx.objectStore(store).put(value, key);
          await done(tx);
        }
        const tx = database.transaction(store, 'readonly');
        return await Promise.all(read.map((key) => done(tx.objectStore(store).get(key))));
      } finally {
        database.close();
      }
    },
    { db: VAULT_DB, store: VAULT_STORE, write, read },
  );
}

/**
 * Writes storage through the service worker, as the extension itself would. Keys are WXT-style
 * (`sync:settings`, `local:sampleMode`), or `vault:…` for the vault; values are stored as given.
 * The background is not told of vault writes made this way (use `setApiKey` for the key).
 */
export async function seedStorage(ext: Extension, items: Record<string, unknown>): Promise<void> {
  const byArea: Partial<Record<Area, Record<string, unknown>>> = {};
  for (const [key, value] of Object.entries(items)) {
    const [area, name] = splitKey(key);
    (byArea[area] ??= {})[name] = value;
  }
  const { vault: inVault, ...areas } = byArea;
  if (inVault) await vault(ext, inVault);
  await ext.worker.evaluate(async (areas) => {
    for (const [area, values] of Object.entries(areas)) {
      const { storage } = (globalThis as unknown as { chrome: { storage: ChromeStorage } }).chrome;
      await storage[area as StorageArea].set(values!);
    }
  }, areas);
}

/** Reads WXT-style keys (and `vault:…`) through the service worker; missing ones are undefined. */
export async function readStorage(
  ext: Extension,
  keys: string[],
): Promise<Record<string, unknown>> {
  const split = keys.map(splitKey);
  const fromVault = split.filter(([area]) => area === 'vault').map(([, name]) => name);
  const vaultValues = fromVault.length ? await vault(ext, null, fromVault) : [];
  const values = await ext.worker.evaluate(async (pairs) => {
    const out: unknown[] = [];
    for (const [area, name] of pairs) {
      if (area === 'vault') {
        out.push(undefined);
        continue;
      }
      const { storage } = (globalThis as unknown as { chrome: { storage: ChromeStorage } }).chrome;
      const got = await storage[area as StorageArea].get(name);
      out.push(got[name]);
    }
    return out;
  }, split);
  return Object.fromEntries(
    keys.map((k, i) => [
      k,
      split[i]![0] === 'vault' ? vaultValues[fromVault.indexOf(split[i]![1])] : values[i],
    ]),
  );
}

/**
 * Saves the API key the way the options page does — the `saveApiKey` message from an extension
 * page — so the background stores it in the vault and reacts (schedule, badge) as it would.
 */
export async function setApiKey(ext: Extension, key: string): Promise<void> {
  const page = await ext.context.newPage();
  try {
    await page.goto(`${ext.baseUrl}privacy.html`);
    const reply = await page.evaluate(
      (key) =>
        (
          globalThis as unknown as {
            chrome: {
              runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> };
            };
          }
        ).chrome.runtime.sendMessage({ hashtagRadar: 1, type: 'saveApiKey', data: { key } }),
      key,
    );
    if (!reply?.ok) throw new Error(`saveApiKey failed: ${reply?.error}`);
  } finally {
    await page.close();
  }
}

/** Polls `check` every 50 ms until it is true; throws `what` after `timeoutMs`. */
async function waitUntil(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

type WorkerVersion = { versionId: string; scriptURL: string; runningStatus: string };

/**
 * Runs `work` with the extension's service worker versions as Chromium reports them (CDP
 * `ServiceWorker`, through `via`'s DevTools session, else a blank tab's, closed after), once none
 * is starting or stopping.
 */
async function withWorkerVersions<T>(
  ext: Extension,
  via: Page | undefined,
  work: (cdp: CDPSession, ours: () => WorkerVersion[]) => Promise<T>,
): Promise<T> {
  const page = via ?? (await ext.context.newPage());
  const cdp = await ext.context.newCDPSession(page);
  const versions = new Map<string, WorkerVersion>();
  cdp.on(
    'ServiceWorker.workerVersionUpdated',
    ({ versions: updated }: { versions: WorkerVersion[] }) => {
      for (const v of updated) versions.set(v.versionId, v);
    },
  );
  try {
    await cdp.send('ServiceWorker.enable');
    const ours = () => [...versions.values()].filter((v) => v.scriptURL.startsWith(ext.baseUrl));
    // Chromium reports every version on `enable`; one that is starting or stopping is waited for.
    await waitUntil(
      () =>
        ours().length > 0 && ours().every((v) => ['running', 'stopped'].includes(v.runningStatus)),
      "the extension's service worker reported running or stopped",
    );
    return await work(cdp, ours);
  } finally {
    await cdp.detach();
    if (!via) await page.close();
  }
}

/**
 * Stops the extension's service worker the way Chromium does when it idles (CDP
 * `ServiceWorker.stopWorker`), and waits until Chromium reports it stopped (one already stopped
 * stays so). `via`: the page whose DevTools session is used (default: a blank tab).
 */
export function stopServiceWorker(ext: Extension, via?: Page): Promise<void> {
  return withWorkerVersions(ext, via, async (cdp, ours) => {
    for (const v of ours().filter((v) => v.runningStatus === 'running')) {
      await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
    }
    await waitUntil(
      () => ours().every((v) => v.runningStatus === 'stopped'),
      "the extension's service worker reported stopped",
    );
  });
}

/** Whether Chromium reports the extension's service worker running (not stopped). */
export function serviceWorkerRunning(ext: Extension, via?: Page): Promise<boolean> {
  return withWorkerVersions(ext, via, async (_cdp, ours) =>
    ours().some((v) => v.runningStatus === 'running'),
  );
}
