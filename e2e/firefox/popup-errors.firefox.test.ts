/**
 * API errors in Firefox's popup (issue 14): what keyapi.ai answered is said in plain words with its
 * fixing action, the cached rows stay, and the key never shows. The key is saved through the
 * options page, as a person does. One profile; steps in order.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startMockServer, type MockServer } from '../server';
import { launchFirefoxExtension, findPageAt, type FirefoxExtension } from './firefox';
import { button, rowTexts, saveInOptions, waitForText } from './person';

const KEY = 'sk_live_e2eFirefoxErrors9d2c5e81f6';

let server: MockServer;
let ext: FirefoxExtension;

beforeAll(async () => {
  server = await startMockServer();
  ext = await launchFirefoxExtension(server);
  await ext.installPage?.close();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** The one alert's text, once it matches `says`. */
async function alertText(popup: Page, says: RegExp): Promise<string> {
  const text = await waitForText(popup, says, '[role="alert"]');
  expect(await popup.$$eval('[role="alert"]', (els) => els.length)).toBe(1);
  return text;
}

describe('Firefox: API errors in the popup', () => {
  test('a key keyapi.ai refuses (401): the popup says so and offers the options page', async () => {
    server.api.respondWith({ kind: 'status', status: 401 });
    await (await saveInOptions(ext, { key: KEY })).close();
    const popup = await ext.openPopup();
    const text = await alertText(popup, /did not accept your API key/);
    expect(text).not.toContain(KEY);
    expect(server.apiRequests().length).toBeGreaterThan(0);
    expect(await popup.$$eval('ol > li', (lis) => lis.length)).toBe(0);
    await ext.screenshot(popup, 'firefox-popup-401');

    await (await button(popup, 'Check your API key', '[role="alert"]')).click();
    await expect
      .poll(async () => (await findPageAt(ext.browser, `${ext.baseUrl}options.html`)) !== null, {
        timeout: 20_000,
      })
      .toBe(true);
    await (await findPageAt(ext.browser, `${ext.baseUrl}options.html`))!.close();
    await popup.close();
  });

  test('rate limited (429) on refresh: the popup says when to try again; the rows stay', async () => {
    server.api.respondWith({ kind: 'ok' });
    // A new key saved in the options page clears what the 401 caused.
    await (await saveInOptions(ext, { key: KEY })).close();
    const popup = await ext.openPopup();
    const before = await rowTexts(popup, 20);

    server.api.respondWith({ kind: 'status', status: 429 });
    server.resetRequests();
    await (await button(popup, 'Refresh')).click();
    const text = await alertText(popup, /Try again in a minute/);
    expect(text).toMatch(/Showing the saved list from/);
    expect(text).not.toContain(KEY);
    expect(server.apiRequests()).toHaveLength(1);
    expect(await popup.$eval('[role="alert"] button', (b) => b.textContent?.trim())).toBe(
      'Try again',
    );
    expect(await rowTexts(popup, 20)).toEqual(before);
    await ext.screenshot(popup, 'firefox-popup-429');
    expect(await ext.extensionErrors()).toEqual([]);
  });

  test('the error watch sees an uncaught error and an unhandled rejection in an extension page', async () => {
    // Last, so its errors stay out of the checks above; without it, those checks could not fail.
    const popup = await ext.openPopup();
    await popup.evaluate(() => {
      setTimeout(() => {
        throw new Error('e2e error watch check');
      });
      void Promise.reject(new Error('e2e rejection watch check'));
    });
    await expect
      .poll(() => ext.extensionErrors(), { timeout: 10_000 })
      .toEqual([
        'popup.html: Error: e2e error watch check',
        'popup.html: Error: e2e rejection watch check',
      ]);
  });
});
