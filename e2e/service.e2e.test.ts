/**
 * The data service in the production build: one request for many askers, the cache across popup
 * openings, nothing a tiktok.com page does can make a request, and every error the API can give
 * becomes its own kind of error while the list fetched earlier stays.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { MessageType, Request, Response } from '../lib/messaging';
import {
  DEFAULT_FILTERS,
  type TrendErrorKind,
  type TrendFilters,
  type TrendView,
} from '../lib/trending/types';
import { launchExtension, setApiKey, type Extension } from './browser';
import { startMockServer, type ApiBehaviour, type MockServer } from './server';

const KEY = 'sk_live_e2eServiceKey4b7e19a0';
const US: TrendFilters = { ...DEFAULT_FILTERS, region: 'US' };

let server: MockServer;
let ext: Extension;
/** An extension page to talk to the background from, as the popup does. */
let messenger: Page;

beforeAll(async () => {
  server = await startMockServer();
  ext = await launchExtension(server);
  await setApiKey(ext, KEY);
  messenger = await ext.openOptions();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function send<K extends MessageType>(type: K, data?: Request<K>): Promise<Response<K>> {
  const reply = await messenger.evaluate(
    (envelope) => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      };
      return chrome.runtime.sendMessage(envelope);
    },
    { hashtagRadar: 1, type, data },
  );
  const r = reply as { ok: boolean; value?: Response<K>; error?: string };
  if (!r.ok) throw new Error(r.error);
  return r.value!;
}

/** Asks until no refresh is under way, as a page does after the storage announcement. */
async function settledView(filters = US): Promise<TrendView> {
  let view = await send('getTrending', { filters, pages: 1 });
  const deadline = Date.now() + 30_000;
  while (view.refreshing && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 100));
    view = await send('getTrending', { filters, pages: 1 });
  }
  return view;
}

const listRows = (popup: Page) => popup.locator('ol > li');

async function openPopupWithList(): Promise<Page> {
  const popup = await ext.openPopup();
  await expect.poll(() => listRows(popup).count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(20);
  return popup;
}

describe('one request for many askers', () => {
  test('the popup opened twice within the refresh time makes one request', async () => {
    server.resetRequests();
    const first = await openPopupWithList();
    const names = await listRows(first).allInnerTexts();
    await first.close();
    const second = await openPopupWithList();
    expect(await listRows(second).allInnerTexts()).toEqual(names);
    await second.close();
    const calls = server.apiRequests();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(calls[0]!.query).toMatchObject({ page: '1', limit: '20', region: 'all_regions' });
  });

  test('three popups opening at once make one request', async () => {
    await send('clearCache');
    server.resetRequests();
    server.api.nextResponses({ kind: 'delay', ms: 1500 });
    const popups = await Promise.all([ext.openPopup(), ext.openPopup(), ext.openPopup()]);
    for (const popup of popups) {
      await expect
        .poll(() => listRows(popup).count(), { timeout: 20_000 })
        .toBeGreaterThanOrEqual(20);
    }
    expect(server.apiRequests()).toHaveLength(1);
    await Promise.all(popups.map((p) => p.close()));
  });

  test('further pages are fetched only when asked', async () => {
    server.resetRequests();
    const view = await send('getTrending', { filters: DEFAULT_FILTERS, pages: 1 });
    expect(view.items).toHaveLength(20);
    expect(server.apiRequests()).toHaveLength(0);
    await send('getTrending', { filters: DEFAULT_FILTERS, pages: 2 });
    await expect.poll(() => server.apiRequests().map((r) => r.query.page)).toEqual(['2']);
    const two = await send('getTrending', { filters: DEFAULT_FILTERS, pages: 2 });
    expect(two.items.map((i) => i.rank)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });
});

describe('a tiktok.com page cannot make a request', () => {
  test('forged window.postMessage and DOM events from the page cause no request', async () => {
    const page = await ext.page('https://www.tiktok.com/basic');
    // Let the content script settle (it asks for the cached highlight set; the cache is fresh).
    await page.waitForTimeout(1000);
    server.resetRequests();
    const reach = await page.evaluate(() => {
      const envelope = {
        hashtagRadar: 1,
        type: 'getTrending',
        data: {
          filters: { region: 'FR', period: 7, industry: 'nothing', newToTop100: false },
          pages: 5,
          force: true,
        },
      };
      window.postMessage(envelope, '*');
      window.postMessage(JSON.stringify(envelope), '*');
      for (const name of ['hashtagRadar', 'message', 'getTrending']) {
        document.dispatchEvent(new CustomEvent(name, { detail: envelope }));
        window.dispatchEvent(new CustomEvent(name, { detail: envelope }));
      }
      const w = window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } };
      return typeof w.chrome?.runtime?.sendMessage;
    });
    // Web pages have no channel to the extension (no externally_connectable).
    expect(reach).toBe('undefined');
    await page.waitForTimeout(2000);
    expect(server.apiRequests()).toEqual([]);
    await page.close();
  });
});

describe('each error keeps the list fetched before', () => {
  const cases: [string, ApiBehaviour, TrendErrorKind, string | null][] = [
    ['400', { kind: 'status', status: 400 }, 'bad-request', 'Missing required parameter: handle'],
    ['401', { kind: 'status', status: 401 }, 'invalid-key', 'apiKey is null'],
    ['402', { kind: 'status', status: 402 }, 'out-of-credits', 'apiKey quota is not enough'],
    ['403', { kind: 'status', status: 403 }, 'forbidden', 'Forbidden'],
    ['429', { kind: 'status', status: 429 }, 'rate-limited', 'qps limit exceeded'],
    ['500', { kind: 'status', status: 500 }, 'server', 'Internal server error'],
    ['503', { kind: 'status', status: 503 }, 'server', 'Service unavailable'],
    [
      'code != 0',
      { kind: 'code', code: 10002, message: 'region closed' },
      'bad-response',
      'region closed',
    ],
    [
      'code 402 in an HTTP 200 body',
      { kind: 'code', code: 402, message: 'apiKey quota is not enough' },
      'out-of-credits',
      'apiKey quota is not enough',
    ],
    ['non-JSON', { kind: 'nonJson' }, 'bad-response', null],
    ['wrong shape', { kind: 'wrongShape' }, 'bad-response', null],
    ['huge', { kind: 'huge' }, 'bad-response', null],
  ];

  let good: string[];

  beforeAll(async () => {
    server.api.respondWith({ kind: 'ok' });
    good = (await settledView()).items.map((i) => i.name);
    expect(good).toHaveLength(20);
  });

  test.each(cases)('%s', async (_name, behaviour, kind, message) => {
    // A new key clears what the last error stopped (invalid key, credits, back-off).
    await send('saveApiKey', { key: KEY });
    server.resetRequests();
    server.api.respondWith(behaviour);
    await send('getTrending', { filters: US, pages: 1, force: true });
    const view = await settledView();
    expect(server.apiRequests()).toHaveLength(1);
    expect(view.error?.kind).toBe(kind);
    if (message) expect(view.error?.message).toBe(message);
    expect(view.items.map((i) => i.name)).toEqual(good);
    // No loop: asking again does not ask the API again.
    await settledView();
    await new Promise((done) => setTimeout(done, 300));
    expect(server.apiRequests()).toHaveLength(1);
    server.api.respondWith({ kind: 'ok' });
  });

  test('a malformed item is dropped and the rest kept', async () => {
    await send('saveApiKey', { key: KEY });
    server.api.respondWith({ kind: 'badItem' });
    await send('getTrending', { filters: US, pages: 1, force: true });
    const view = await settledView();
    expect(view.error).toBeNull();
    const expected = server.api
      .hashtags(US)
      .slice(0, 20)
      .filter((_, i) => i !== 2);
    expect(view.items.map((i) => i.name)).toEqual(expected.map((h) => h.hashtag_name));
    server.api.respondWith({ kind: 'ok' });
  });

  test('a stalled answer times out after 15 s', async () => {
    await send('saveApiKey', { key: KEY });
    server.resetRequests();
    server.api.respondWith({ kind: 'stall' });
    const started = Date.now();
    await send('getTrending', { filters: US, pages: 1, force: true });
    const view = await settledView();
    expect(view.error?.kind).toBe('timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(14_000);
    // The list from before: the page with the malformed item, less that item.
    expect(view.items).toHaveLength(19);
    server.api.respondWith({ kind: 'ok' });
  }, 45_000);

  test('the popup says what went wrong, in its own words for each error, over the list it had', async () => {
    const shown = new Map<TrendErrorKind, string>();
    const popupCases = cases.filter(([name]) =>
      ['400', '401', '402', '403', '429', '500', 'non-JSON'].includes(name),
    );
    for (const [name, behaviour, kind] of popupCases) {
      await send('saveApiKey', { key: KEY });
      server.api.respondWith(behaviour);
      await send('getTrending', { filters: DEFAULT_FILTERS, pages: 1, force: true });
      expect((await settledView(DEFAULT_FILTERS)).error?.kind).toBe(kind);
      const popup = await openPopupWithList();
      const alert = popup.getByRole('alert');
      await expect.poll(() => alert.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      shown.set(kind, (await alert.allInnerTexts()).join(' ').trim());
      expect(await listRows(popup).count(), name).toBeGreaterThanOrEqual(20);
      if (name === '429') await ext.screenshot(popup, 'service-popup-429');
      await popup.close();
    }
    server.api.respondWith({ kind: 'ok' });
    const texts = [...shown.values()];
    expect(texts.every((t) => t.length > 0)).toBe(true);
    expect(new Set(texts).size).toBe(texts.length);
  });

  test('credits are counted for every request sent', async () => {
    const status = await send('getStatus');
    // Every request the mock saw cost 2 credits today (the set-up fetched more than this file counted).
    expect(status.credits.creditsToday).toBe(status.credits.requestsToday * 2);
    expect(status.credits.requestsToday).toBeGreaterThanOrEqual(cases.length + 4);
    expect(JSON.stringify(status)).not.toContain(KEY);
  });
});
