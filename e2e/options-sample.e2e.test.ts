/**
 * "Try with sample data" on the production build: a new user without a key sees the popup list and
 * the tiktok.com highlighting work from the bundled snapshot, with zero requests to the API; saving
 * a key switches to live data; removing it stops live data.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { sampleHashtags } from '../lib/sample';
import { formatMessage, readMessages } from '../tests/i18n/messages';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { launchExtension, readStorage, type Extension } from './browser';
import { startMockServer, type MockServer } from './server';

/** The sample label in English, as the extension shows it (public/_locales/en/messages.json). */
const SAMPLE_LABEL = formatMessage(readMessages(), 'sampleLabel');

const KEY = 'sk_live_e2eSampleThenLive51c3';

let server: MockServer;
let ext: Extension;
let options: Page;

const label = (page: Page, name: string) => page.getByLabel(name, { exact: true });

beforeAll(async () => {
  server = await startMockServer();
  ext = await launchExtension(server);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('sample data', () => {
  const sample = sampleHashtags(DEFAULT_SETTINGS.defaults);

  test('the options page turns it on at once', async () => {
    options = await ext.openOptions();
    const toggle = label(options, 'Try with sample data');
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await expect
      .poll(() => readStorage(ext, ['local:sampleMode']))
      .toEqual({ 'local:sampleMode': true });
    expect(await options.getByRole('status').allInnerTexts()).toContainEqual(
      expect.stringContaining('Sample data on'),
    );
  });

  test('the popup lists the labelled snapshot in rank order without any request', async () => {
    const popup = await ext.openPopup();
    const rows = popup.locator('ol > li');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(10);
    const shown = await rows.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).innerText));
    shown.forEach((text, i) => expect(text, `row ${i + 1}`).toContain(`#${sample[i]!.name}`));
    expect(await popup.getByText(SAMPLE_LABEL).count()).toBeGreaterThan(0);
    await ext.screenshot(popup, 'options-sample-popup');
    await popup.close();
    expect(server.apiRequests()).toHaveLength(0);
  });

  test('tiktok.com gets its sample-trending hashtags marked, without any request', async () => {
    const rankOf = new Map(
      sample.slice(0, DEFAULT_SETTINGS.highlight.depth).map((h) => [h.name.toLowerCase(), h.rank]),
    );
    const page = await ext.page('https://www.tiktok.com/basic');
    const linked = await page.$$eval('a[href^="/tag/"]', (links) =>
      links.map((a) => decodeURIComponent(a.getAttribute('href')!.slice('/tag/'.length))),
    );
    const trending = linked.filter((n) => rankOf.has(n.toLowerCase()));
    // The fixture and the sample share some tags (fyp, foryou, viral …) or this proves nothing.
    expect(trending.length).toBeGreaterThanOrEqual(2);
    const marked = () =>
      page.$$eval('a[href^="/tag/"]', (links) =>
        links.map((a) => ({
          name: decodeURIComponent(a.getAttribute('href')!.slice('/tag/'.length)),
          rank:
            (
              a.closest('[data-trending-rank]') ?? a.querySelector('[data-trending-rank]')
            )?.getAttribute('data-trending-rank') ?? null,
        })),
      );
    await expect
      .poll(async () => (await marked()).filter((l) => l.rank !== null).length, {
        timeout: 15_000,
      })
      .toBe(trending.length);
    for (const link of await marked()) {
      const rank = rankOf.get(link.name.toLowerCase());
      expect(link.rank, `#${link.name}`).toBe(rank === undefined ? null : String(rank));
    }
    await ext.screenshot(page, 'options-sample-tiktok');
    await page.close();
    expect(server.apiRequests()).toHaveLength(0);
  });

  test('saving a key switches to live data', async () => {
    await label(options, 'API key').fill(KEY);
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => options.getByRole('status').filter({ hasText: 'Saved:' }).innerText(), {
        timeout: 10_000,
      })
      .toContain('live data instead of sample data');
    expect(await label(options, 'Try with sample data').isChecked()).toBe(false);
    expect(await readStorage(ext, ['local:sampleMode'])).toEqual({ 'local:sampleMode': false });

    const popup = await ext.openPopup();
    await expect.poll(() => server.apiRequests().length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(server.apiRequests()[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    const live = server.api.hashtags();
    await expect
      .poll(() => popup.locator('ol > li').first().innerText(), { timeout: 20_000 })
      .toContain(`#${live[0]!.hashtag_name}`);
    expect(await popup.getByText(SAMPLE_LABEL).count()).toBe(0);
    await popup.close();
  });

  test('"Remove key" deletes the saved key', async () => {
    await options.getByRole('button', { name: 'Remove key', exact: true }).click();
    await expect.poll(() => options.getByText('No key saved yet.').count()).toBe(1);
    expect(await readStorage(ext, ['vault:apiKey'])).not.toEqual({ 'vault:apiKey': KEY });
    expect(ext.errors).toEqual([]);
  });
});
