/**
 * What a tiktok.com page — or a content script a page managed to subvert — can reach, and what a
 * worker stopped in the middle of a request costs (issue 14). Code is run in the content script's
 * own isolated world through CDP, as an attacker holding that world could.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import {
  launchExtension,
  readStorage,
  setApiKey,
  stopServiceWorker,
  type Extension,
} from './browser';
import { startMockServer, type MockServer } from './server';

const KEY = 'sk_live_e2eSecurityKey7c1d0b95';
const NEW_KEY = 'sk_live_e2eSecurityNewKey42aa19';
const TIKTOK = 'https://www.tiktok.com';

let server: MockServer;
let ext: Extension;

beforeAll(async () => {
  server = await startMockServer();
  ext = await launchExtension(server);
  await ext.installPage?.close();
  await setApiKey(ext, KEY);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** A CDP handle on the extension's content-script world in `page`, to evaluate code there. */
async function contentScriptWorld(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const world = contexts.find(
    (c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${ext.extensionId}`,
  );
  if (!world) throw new Error('No content-script world in the page');
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression,
        contextId: world.id,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(JSON.stringify(exceptionDetails));
      return result.value as T;
    },
    detach: () => cdp.detach(),
  };
}

describe("the content script's world", () => {
  test('finds no key, no credit counts and no request gates in any storage it can read', async () => {
    // Spend a request first, so there are credit counts and a cache to look for.
    const popup = await ext.openPopup();
    await popup.locator('ol > li').nth(19).waitFor({ timeout: 20_000 });
    await popup.close();
    expect((await readStorage(ext, ['vault:radar:credits']))['vault:radar:credits']).toBeTruthy();

    const page = await ext.page(`${TIKTOK}/basic`);
    await expect
      .poll(() => page.locator('[data-trending-rank]').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    const world = await contentScriptWorld(page);
    try {
      const reach = await world.evaluate<{
        local: string;
        sync: string;
        idb: string[];
      }>(`(async () => {
        const local = await chrome.storage.local.get(null);
        const sync = await chrome.storage.sync.get(null);
        // The content script's IndexedDB is the page's, not the extension's.
        const idb = (await indexedDB.databases()).map((d) => d.name);
        return { local: JSON.stringify(local), sync: JSON.stringify(sync), idb };
      })()`);
      // The cache is there (so the reads worked), the secrets are not.
      expect(reach.local).toContain('trending:cache:');
      for (const area of [reach.local, reach.sync]) {
        expect(area).not.toContain(KEY);
        expect(area).not.toContain(KEY.slice(-8));
        for (const name of ['"apiKey"', '"radar:credits"', '"radar:gates"']) {
          expect(area).not.toContain(name);
        }
      }
      expect(reach.idb).not.toContain('hashtag-radar');

      // Listen as a subverted content script would, while the user saves a new key and a region.
      await world.evaluate(`(() => {
        globalThis.__heard = [];
        chrome.storage.onChanged.addListener((changes, area) =>
          globalThis.__heard.push(area + ' ' + JSON.stringify(changes)));
      })()`);
      const options = await ext.openOptions();
      await options.getByLabel('API key', { exact: true }).fill(NEW_KEY);
      await options.getByLabel('Region', { exact: true }).selectOption('JP');
      await options.getByRole('button', { name: 'Save', exact: true }).click();
      await expect
        .poll(async () => (await readStorage(ext, ['vault:apiKey']))['vault:apiKey'])
        .toBe(NEW_KEY);
      // The settings change reached the listener (it works); the key never did.
      await expect
        .poll(() => world.evaluate<string[]>('globalThis.__heard'), { timeout: 10_000 })
        .toEqual(expect.arrayContaining([expect.stringMatching(/^sync .*"JP"/)]));
      const heard = await world.evaluate<string[]>('globalThis.__heard');
      expect(heard.join('\n')).not.toContain(NEW_KEY);
      expect(heard.join('\n')).not.toContain(NEW_KEY.slice(-8));
      await options.close();
    } finally {
      await world.detach();
      await page.close();
    }
  });
});

describe('a worker stopped while its request is under way', () => {
  test('the popup shows the list after, and every request the API got is counted once', async () => {
    await setApiKey(ext, KEY);
    await clearCache();
    server.resetRequests();
    // The first request answers only after 4 s: the worker is stopped before that.
    server.api.nextResponses({ kind: 'delay', ms: 4_000 });
    const before = await creditsToday();
    const popup = await ext.openPopup();
    await expect.poll(() => server.apiRequests().length, { timeout: 10_000 }).toBe(1);
    await stopServiceWorker(ext, popup);
    await popup.close();

    // The popup's message wakes the worker anew, which finds the request never finished.
    const reopened = await ext.openPopup();
    await reopened.locator('ol > li').nth(19).waitFor({ timeout: 30_000 });
    await expect.poll(() => server.apiRequests().length).toBe(2);
    // Let anything the restarted worker still had to do land, then count.
    await new Promise((done) => setTimeout(done, 1_500));
    expect(server.apiRequests()).toHaveLength(2);
    const after = await creditsToday();
    expect(after.requests - before.requests).toBe(2);
    expect(after.credits - before.credits).toBe(4);
    // The popup says the same (its header reads the counts the background keeps).
    await expect
      .poll(() => reopened.locator('header').innerText())
      .toContain(`${after.credits} / 100`);
    await reopened.close();
  });
});

/** "Clear cached data", as the options page sends it. */
async function clearCache(): Promise<void> {
  const page = await ext.openOptions();
  await page.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      }
    ).chrome.runtime.sendMessage({ hashtagRadar: 1, type: 'clearCache' }),
  );
  await page.close();
}

async function creditsToday(): Promise<{ requests: number; credits: number }> {
  const log = (await readStorage(ext, ['vault:radar:credits']))['vault:radar:credits'] as {
    days: Record<string, { requests: number; credits: number }>;
  } | null;
  const day = await ext.worker.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  return log?.days[day] ?? { requests: 0, credits: 0 };
}
