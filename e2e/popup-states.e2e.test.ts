/**
 * The popup's states on the production build (issue 4): first run without a key (welcome, options,
 * sample data), loading, an empty list, and every error of the data service as one alert with its
 * fixing action while the cached rows stay on screen. One profile; steps in order.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { launchExtension, seedStorage, type Extension } from './browser';
import { startMockServer, type ApiBehaviour, type MockServer } from './server';

const KEY = 'sk_live_e2ePopupStates5e8c1f7a2d';

let server: MockServer;
let ext: Extension;
let popup: Page;

const rows = (page: Page) => page.locator('ol > li');
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** Sends one protocol message from the popup page, as the options page would. */
function ask(page: Page, type: string, data?: unknown) {
  return page.evaluate(
    ([type, data]) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } };
        }
      ).chrome.runtime.sendMessage({ hashtagRadar: 1, type, data }),
    [type, data] as const,
  );
}

/** The one alert's text, once it says `says` (an earlier alert may still be on screen). */
async function alertText(page: Page, says: RegExp): Promise<string> {
  await expect
    .poll(async () => (await page.getByRole('alert').allInnerTexts()).join('\n'), {
      timeout: 20_000,
    })
    .toMatch(says);
  expect(await page.getByRole('alert').count()).toBe(1);
  return page.getByRole('alert').innerText();
}

/** axe-core's violations on the page, in the light and the dark scheme. */
async function axeViolations(page: Page): Promise<string[]> {
  const axe = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axe);
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const ids = await page.evaluate(async () => {
      const { violations } = await (
        window as unknown as {
          axe: { run(ctx: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
        }
      ).axe.run(document);
      return violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    found.push(...ids.map((id) => `${scheme}: ${id}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

async function openPopup(): Promise<Page> {
  await popup?.close();
  popup = await ext.openPopup();
  return popup;
}

beforeAll(async () => {
  server = await startMockServer();
  ext = await launchExtension(server);
  await ext.installPage?.close();
});

afterAll(async () => {
  await ext?.close();
  await server?.close().catch(() => undefined);
});

describe('popup states', () => {
  test('first run without a key: a welcome that explains the key and opens the options', async () => {
    await openPopup();
    await expect
      .poll(() => popup.getByRole('heading', { name: 'See what is trending on TikTok' }).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    const text = await popup.locator('main').innerText();
    expect(text).toMatch(/own API key/);
    expect(text).toMatch(/2 credits/);
    expect(await popup.locator('ol').count()).toBe(0);
    expect(await popup.getByRole('alert').count()).toBe(0);
    await ext.screenshot(popup, 'popup-welcome');
    expect(await axeViolations(popup)).toEqual([]);

    const [options] = await Promise.all([
      ext.context.waitForEvent('page'),
      button(popup, 'Add your API key').click(),
    ]);
    await options.waitForLoadState('domcontentloaded');
    expect(options.url()).toBe(`${ext.baseUrl}options.html`);
    await options.close();
    expect(server.apiRequests()).toHaveLength(0);
  });

  test('"Try with sample data" shows the labelled snapshot with no request', async () => {
    await button(popup, 'Try with sample data').click();
    await expect.poll(() => rows(popup).count(), { timeout: 20_000 }).toBe(20);
    expect(await popup.getByText('Sample data — not live.').count()).toBe(1);
    const ranks = await rows(popup).evaluateAll((lis) =>
      lis.map((li) => (li as HTMLLIElement).value),
    );
    expect(ranks).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await popup.getByRole('button', { name: /^Show more/ }).innerText()).toMatch(/free/);
    await ext.screenshot(popup, 'popup-sample');
    expect(await axeViolations(popup)).toEqual([]);
    expect(server.apiRequests()).toHaveLength(0);
  });

  test('with a key: live rows, a skeleton while a new filter set loads, and an empty list said so', async () => {
    expect((await ask(popup, 'saveApiKey', { key: KEY })).ok).toBe(true);
    await openPopup();
    const expected = server.api.hashtags().slice(0, 20);
    await expect
      .poll(() => rows(popup).first().locator('.tag-name').textContent(), { timeout: 20_000 })
      .toBe(`#${expected[0]!.hashtag_name}`);
    expect(await popup.getByText('Sample data — not live.').count()).toBe(0);

    // A slow first answer for a filter set: skeleton rows, then the list.
    server.api.nextResponses({ kind: 'delay', ms: 1500 });
    await popup.getByLabel('Period', { exact: true }).selectOption('30');
    await expect
      .poll(() => popup.locator('.skeleton[aria-busy="true"]').count(), { timeout: 15_000 })
      .toBe(1);
    await ext.screenshot(popup, 'popup-skeleton');
    await expect.poll(() => rows(popup).count(), { timeout: 20_000 }).toBe(20);
    expect(await popup.locator('.skeleton').count()).toBe(0);

    // Nothing for these filters: said, with a wider choice offered.
    server.api.nextResponses({ kind: 'items', items: [], total: 0 });
    await popup.getByLabel('Period', { exact: true }).selectOption('120');
    await expect
      .poll(() => popup.getByText(/^No trending hashtags for these filters/).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    expect(await popup.locator('ol').count()).toBe(0);
    expect(await button(popup, 'Try 7 days').count()).toBe(1);
    await ext.screenshot(popup, 'popup-empty');
    await popup.getByLabel('Period', { exact: true }).selectOption('7');
    await expect.poll(() => rows(popup).count(), { timeout: 20_000 }).toBe(20);
  });

  const cases: {
    name: string;
    behaviour: ApiBehaviour;
    says: RegExp;
    action: string;
    detail?: RegExp;
  }[] = [
    {
      name: 'invalid key (401)',
      behaviour: { kind: 'status', status: 401 },
      says: /did not accept your API key/,
      action: 'Check your API key',
    },
    {
      name: 'out of credits (402)',
      behaviour: { kind: 'status', status: 402 },
      says: /out of credits/,
      action: 'Try again',
      detail: /resets at .*\(in \d+ (h|min)\)/,
    },
    {
      name: 'forbidden (403)',
      behaviour: { kind: 'status', status: 403 },
      says: /refused the request/,
      action: 'Check your API key',
    },
    {
      name: 'rate limited (429)',
      behaviour: { kind: 'status', status: 429 },
      says: /Try again in a minute/,
      action: 'Try again',
    },
    {
      name: 'server error (500)',
      behaviour: { kind: 'status', status: 500 },
      says: /having trouble/,
      action: 'Try again',
    },
    {
      name: 'bad request (400)',
      behaviour: { kind: 'status', status: 400 },
      says: /did not accept these filters/,
      action: 'Reset filters',
    },
    {
      name: 'an answer that is not JSON',
      behaviour: { kind: 'nonJson' },
      says: /could not read/,
      action: 'Try again',
    },
    {
      name: 'a wrong shape',
      behaviour: { kind: 'wrongShape' },
      says: /could not read/,
      action: 'Try again',
    },
  ];

  for (const c of cases) {
    test(`${c.name}: one alert in plain words with its action; the cached rows stay`, async () => {
      const before = await rows(popup).allInnerTexts();
      expect(before).toHaveLength(20);
      server.api.respondWith(c.behaviour);
      server.resetRequests();
      await button(popup, 'Refresh').click();
      // The earlier case's alert may still be up: wait for this request and its outcome.
      await expect.poll(() => server.apiRequests().length, { timeout: 20_000 }).toBe(1);
      await expect.poll(() => button(popup, 'Refresh').isEnabled(), { timeout: 20_000 }).toBe(true);
      const text = await alertText(popup, c.says);
      expect(text).toMatch(/Showing the saved list from/);
      if (c.detail) expect(text).toMatch(c.detail);
      expect(text).not.toContain(KEY);
      expect(await popup.getByRole('alert').getByRole('button').innerText()).toBe(c.action);
      expect(await rows(popup).allInnerTexts()).toEqual(before);
      server.api.respondWith({ kind: 'ok' });
      // A new key clears what the failure caused (gates, back-off) for the next case.
      expect((await ask(popup, 'saveApiKey', { key: KEY })).ok).toBe(true);
    });
  }

  test('"Check your API key" opens the options page', async () => {
    server.api.respondWith({ kind: 'status', status: 401 });
    await button(popup, 'Refresh').click();
    await alertText(popup, /did not accept your API key/);
    const [options] = await Promise.all([
      ext.context.waitForEvent('page'),
      popup.getByRole('alert').getByRole('button', { name: 'Check your API key' }).click(),
    ]);
    await options.waitForLoadState('domcontentloaded');
    expect(options.url()).toBe(`${ext.baseUrl}options.html`);
    await options.close();
    server.api.respondWith({ kind: 'ok' });
    await ask(popup, 'saveApiKey', { key: KEY });
  });

  test('"Try again" after a failure fetches again and clears the alert', async () => {
    server.api.nextResponses({ kind: 'status', status: 503 });
    await button(popup, 'Refresh').click();
    await alertText(popup, /having trouble/);
    await ask(popup, 'saveApiKey', { key: KEY });
    server.resetRequests();
    await popup.getByRole('alert').getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => popup.getByRole('alert').count(), { timeout: 20_000 }).toBe(0);
    // The alert goes with the background's first answer (the saved key cleared the error; the
    // cached list comes back at once, refreshing): the request it started may reach the server
    // after that. One request, once it has.
    await expect.poll(() => server.apiRequests().length, { timeout: 20_000 }).toBe(1);
    await expect.poll(() => button(popup, 'Refresh').isEnabled(), { timeout: 20_000 }).toBe(true);
    expect(server.apiRequests()).toHaveLength(1);
  });

  test("the day's budget reached: says so and when it resets", async () => {
    await seedStorage(ext, { 'sync:settings': { ...DEFAULT_SETTINGS, dailyBudget: 2 } });
    await openPopup();
    await expect.poll(() => rows(popup).count(), { timeout: 20_000 }).toBe(20);
    server.resetRequests();
    await button(popup, 'Refresh').click();
    const text = await alertText(popup, /credit budget of 2 is used up/);
    expect(text).toMatch(/resets at .*\(in \d+ (h|min)\)/);
    expect(await popup.getByRole('alert').getByRole('button').innerText()).toBe(
      'Change the budget',
    );
    expect(await rows(popup).count()).toBe(20);
    expect(server.apiRequests()).toHaveLength(0);
    await popup.emulateMedia({ colorScheme: 'dark' });
    await ext.screenshot(popup, 'popup-budget-dark');
    await seedStorage(ext, { 'sync:settings': DEFAULT_SETTINGS });
  });

  test('key removed while rows are cached: an alert asks for it, the rows stay', async () => {
    await ask(popup, 'saveApiKey', { key: '' });
    await openPopup();
    await alertText(popup, /Add your keyapi.ai API key/);
    expect(await popup.getByRole('alert').getByRole('button').innerText()).toBe('Add API key');
    expect(await rows(popup).count()).toBe(20);
    await ask(popup, 'saveApiKey', { key: KEY });
  });

  test('offline: the cached list with its age, and a way to try again', async () => {
    await openPopup();
    await expect.poll(() => rows(popup).count(), { timeout: 20_000 }).toBe(20);
    await server.close();
    await button(popup, 'Refresh').click();
    const text = await alertText(popup, /You are offline/);
    expect(text).toMatch(/Showing the saved list from (just now|\d+ minutes? ago)/);
    expect(await rows(popup).count()).toBe(20);
    expect(await popup.getByRole('alert').getByRole('button').innerText()).toBe('Try again');
    await ext.screenshot(popup, 'popup-offline');
    expect(await axeViolations(popup)).toEqual([]);
    expect(ext.errors).toEqual([]);
  });
});
