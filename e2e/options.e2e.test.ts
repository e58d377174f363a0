/**
 * The options page on the production build (issue 5): first run, saving, bad input, Test key, the
 * credit budget, repairs of old settings, keyboard use, zoom, accessibility and dark mode. One
 * profile, steps in order, like one person setting the extension up.
 */
import { readFile, copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, readStorage, seedStorage, type Extension } from './browser';
import { startMockServer, type MockServer } from './server';

const KEY = 'sk_live_e2eOptionsKey4b7a1d9f2c';
const OTHER_KEY = 'sk_live_e2eWrongKey00000000000';

let server: MockServer;
let ext: Extension;
let options: Page;

const label = (page: Page, name: string) => page.getByLabel(name, { exact: true });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** The error text tied to a control through aria-describedby. */
async function describedError(page: Page, name: string): Promise<string> {
  const control = label(page, name);
  expect(await control.getAttribute('aria-invalid')).toBe('true');
  const ids = (await control.getAttribute('aria-describedby'))!.split(' ');
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join(' | ');
}

/** Sends one protocol message from an extension page, as the popup would. */
function ask(page: Page, type: string, data?: unknown) {
  return page.evaluate(
    ([type, data]) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage({ hashtagRadar: 1, type, data }),
    [type, data] as const,
  ) as Promise<{ ok: boolean; value?: Record<string, unknown>; error?: string }>;
}

beforeAll(async () => {
  server = await startMockServer();
  ext = await launchExtension(server);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('options page', () => {
  test('installing opens the options page, which welcomes a new user', async () => {
    // The harness waits for the tab the extension opens on install and hands it over.
    expect(ext.installPage?.url()).toBe(`${ext.baseUrl}options.html`);
    options = ext.installPage!;
    await expect.poll(() => options.getByText('Welcome to Hashtag Radar').count()).toBe(1);
    expect(await label(options, 'API key').getAttribute('type')).toBe('password');
    expect(await options.getByText('No key saved yet.').count()).toBe(1);
    // Every option value of "Region" is an API region code.
    const regions = await label(options, 'Region')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(regions).toContain('all_regions');
    expect(regions).toContain('US');
    expect(regions.every((r) => r === 'all_regions' || /^[A-Z]{2}$/.test(r))).toBe(true);
    expect(server.apiRequests()).toHaveLength(0);
  });

  test('the key field shows and hides the key', async () => {
    const key = label(options, 'API key');
    await key.fill('sk_live_peek');
    await button(options, 'Show key').click();
    expect(await key.getAttribute('type')).toBe('text');
    await button(options, 'Hide key').click();
    expect(await key.getAttribute('type')).toBe('password');
    await key.fill('');
  });

  test('bad input gets a message at its field, and nothing is saved', async () => {
    const before = await readStorage(ext, ['sync:settings', 'vault:apiKey']);
    await label(options, 'API key').fill('   ');
    await label(options, 'Daily credit budget').fill('-5');
    await label(options, 'Refresh every').fill('lots');
    expect(await options.getByText('Unsaved changes').count()).toBe(1);
    await button(options, 'Save').click();

    await expect
      .poll(() => options.getByRole('alert').allInnerTexts())
      .toContainEqual(
        'Nothing was saved: 3 fields need attention (API key, Refresh every, Daily credit budget).',
      );
    expect(await describedError(options, 'API key')).toContain('The key is only spaces');
    expect(await describedError(options, 'Daily credit budget')).toContain("can't be negative");
    expect(await describedError(options, 'Refresh every')).toContain(
      '"lots" is not a whole number',
    );
    // Focus goes to the first field to fix.
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('api-key');

    await label(options, 'Daily credit budget').fill('a lot');
    await button(options, 'Save').click();
    await expect
      .poll(() => describedError(options, 'Daily credit budget'))
      .toContain('"a lot" is not a whole number');
    expect(await readStorage(ext, ['sync:settings', 'vault:apiKey'])).toEqual(before);
    expect(await options.getByText('Unsaved changes').count()).toBe(1);
  });

  test('a key pasted with "Bearer " is saved without it, with the region and defaults; the popup fetches with them', async () => {
    await label(options, 'API key').fill(`Bearer ${KEY}`);
    await label(options, 'Daily credit budget').fill('100');
    await label(options, 'Refresh every').fill('6');
    await label(options, 'Region').selectOption('DE');
    await label(options, 'Period').selectOption('30');
    await label(options, 'Industry').selectOption({ label: 'Games' });
    await button(options, 'Save').click();

    const status = options.getByRole('status').filter({ hasText: 'Saved:' });
    await expect.poll(() => status.count(), { timeout: 10_000 }).toBe(1);
    const saved = await status.innerText();
    expect(saved).toContain('region Germany');
    expect(saved).toContain('period 30 days');
    expect(saved).toContain('industry Games');
    expect(saved).toContain('refresh every 6 h');
    expect(saved).toContain('Removed "Bearer "');
    expect(saved).toContain('…9f2c');
    expect(await options.getByText('Unsaved changes').count()).toBe(0);
    // The page shows a masked hint only, and keeps no copy of the key.
    await expect.poll(() => options.getByText(/^Saved key: .*…9f2c$/).count()).toBe(1);
    expect(await label(options, 'API key').inputValue()).toBe('');
    expect(await options.content()).not.toContain(KEY);
    const stored = await readStorage(ext, ['vault:apiKey', 'sync:settings', 'sync:apiKey']);
    expect(stored['vault:apiKey']).toBe(KEY);
    expect(stored['sync:apiKey']).toBeUndefined();
    expect(stored['sync:settings']).toMatchObject({
      defaults: { region: 'DE', period: 30, industry: '25000000000' },
      refreshHours: 6,
      dailyBudget: 100,
    });

    const popup = await ext.openPopup();
    await expect.poll(() => server.apiRequests().length, { timeout: 20_000 }).toBeGreaterThan(0);
    const first = server.apiRequests()[0]!;
    expect(first.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(first.query).toMatchObject({ region: 'DE', period: '30', industry_id: '25000000000' });
    const expected = server.api.hashtags({ region: 'DE', period: 30, industry: '25000000000' });
    await expect
      .poll(() => popup.locator('ol > li').first().innerText(), { timeout: 20_000 })
      .toContain(`#${expected[0]!.hashtag_name}`);
    await popup.close();
  });

  test('the daily budget stops requests when it is reached', async () => {
    await label(options, 'Daily credit budget').fill('2');
    await button(options, 'Save').click();
    await expect
      .poll(() => options.getByRole('status').filter({ hasText: 'budget 2 credits a day' }).count())
      .toBe(1);
    // The popup's first page already cost 2 credits today: nothing more may reach the API.
    server.resetRequests();
    const filters = { region: 'FR', period: 7, industry: 'nothing', newToTop100: false };
    // Pages of the earlier list still in flight may land; nothing for the new filters may.
    const frRequests = () => server.apiRequests().filter((r) => r.query.region === 'FR');
    const reply = await ask(options, 'getTrending', { filters, pages: 5, force: true });
    expect(reply.ok).toBe(true);
    await expect
      .poll(
        async () => {
          const r = await ask(options, 'getTrending', { filters, pages: 5 });
          return (r.value?.error as { kind?: string } | null)?.kind;
        },
        { timeout: 10_000 },
      )
      .toBe('budget-reached');
    await new Promise((r) => setTimeout(r, 1000));
    expect(frRequests()).toHaveLength(0);

    // The popup says so where the user must act.
    await seedStorage(ext, { 'local:popupFilters': filters });
    const popup = await ext.openPopup();
    await expect
      .poll(() => popup.getByRole('alert').allInnerTexts(), { timeout: 15_000 })
      .toContainEqual(expect.stringMatching(/budget/i));
    expect(frRequests()).toHaveLength(0);
    await popup.close();
    await label(options, 'Daily credit budget').fill('100');
    await button(options, 'Save').click();
    await expect
      .poll(() => options.getByRole('status').filter({ hasText: 'budget 100 credits' }).count())
      .toBe(1);
  });

  test('Test key reports valid, invalid and out of credits in words, one request each', async () => {
    const result = () =>
      options.locator('.feedback').filter({ hasText: /^(Valid|Invalid|Out of|Not tested)/ });
    expect(await options.getByText('costs 2 credits', { exact: false }).count()).toBeGreaterThan(0);

    server.resetRequests();
    await button(options, 'Test key').click();
    await expect.poll(() => result().innerText(), { timeout: 15_000 }).toMatch(/^Valid/);
    expect(server.apiRequests()).toHaveLength(1);
    expect(server.apiRequests()[0]!.headers.authorization).toBe(`Bearer ${KEY}`);

    server.api.acceptKeys([KEY]);
    server.resetRequests();
    await label(options, 'API key').fill(OTHER_KEY);
    await button(options, 'Test key').click();
    await expect.poll(() => result().innerText(), { timeout: 15_000 }).toMatch(/^Invalid/);
    expect(server.apiRequests()).toHaveLength(1);
    expect(server.apiRequests()[0]!.headers.authorization).toBe(`Bearer ${OTHER_KEY}`);
    // Testing a typed key does not replace the saved one.
    expect((await readStorage(ext, ['vault:apiKey']))['vault:apiKey']).toBe(KEY);
    await label(options, 'API key').fill('');
    server.api.acceptKeys(null);

    server.resetRequests();
    server.api.nextResponses({ kind: 'status', status: 402 });
    await button(options, 'Test key').click();
    await expect.poll(() => result().innerText(), { timeout: 15_000 }).toMatch(/^Out of credits/);
    expect(server.apiRequests()).toHaveLength(1);
  });

  test('credits used today and over 7 days are shown, and the cache can be cleared', async () => {
    await options.reload();
    await expect
      .poll(() => options.locator('.credits-today').innerText(), { timeout: 10_000 })
      .toMatch(/^Today: \d+ of 100 credits \(\d+ requests?\)/);
    const today = Number(
      /Today: (\d+)/.exec(await options.locator('.credits-today').innerText())![1],
    );
    // At least the popup's first page and the valid test: 2 credits each.
    expect(today).toBeGreaterThanOrEqual(4);
    expect(await options.locator('.credits-table tbody tr').count()).toBe(7);

    await button(options, 'Clear cached data').click();
    await expect
      .poll(() => options.getByRole('status').filter({ hasText: 'Cached data cleared' }).count())
      .toBe(1);
    const cached = await ext.worker.evaluate(async () => {
      const all = await (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } };
        }
      ).chrome.storage.local.get(null);
      return Object.keys(all).filter((k) => k.startsWith('trending:'));
    });
    expect(cached).toEqual([]);
  });

  test('links the privacy policy, which opens as a page of the extension', async () => {
    const link = options.getByRole('link', { name: 'Read the privacy policy' });
    const [policy] = await Promise.all([ext.context.waitForEvent('page'), link.click()]);
    await policy.waitForLoadState();
    expect(policy.url()).toBe(`${ext.baseUrl}privacy.html`);
    expect(await policy.title()).toBe('Hashtag Radar — privacy');
    const text = await policy.locator('main').innerText();
    const source = await readFile(new URL('../PRIVACY.md', import.meta.url), 'utf8');
    expect(text.trim()).toBe(source.trim());
    await policy.close();
  });

  test('an unknown region saved by an older version is reset, with a notice at the field', async () => {
    await seedStorage(ext, {
      'sync:settings': { region: 'XX', period: 120, dailyBudget: 60, highlightStyle: 'marker' },
      'sync:settings$': { v: 1 },
    });
    const page = await ext.openOptions();
    await expect
      .poll(() => page.getByRole('alert').allInnerTexts(), { timeout: 10_000 })
      .toContainEqual(expect.stringContaining('The saved region "XX" is not a TikTok market'));
    expect(await label(page, 'Region').inputValue()).toBe('all_regions');
    const regionHelp = (await label(page, 'Region').getAttribute('aria-describedby'))!;
    expect(regionHelp).toContain('region-notice');
    expect(await page.locator('#region-notice').innerText()).toContain('"XX"');
    // What was valid survives the migration.
    expect(await label(page, 'Period').inputValue()).toBe('120');
    expect(await label(page, 'Daily credit budget').inputValue()).toBe('60');
    expect(await page.getByLabel('Marker').isChecked()).toBe(true);
    await button(page, 'Dismiss').click();
    await expect.poll(() => page.locator('#region-notice').count()).toBe(0);
    await page.close();
  });

  test('works with the keyboard alone', async () => {
    const page = await ext.openOptions();
    await label(page, 'API key').waitFor();
    await page.keyboard.press('Tab');
    let steps = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'region' && steps++ < 30) {
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('region');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    expect(await label(page, 'Region').inputValue()).not.toBe('all_regions');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // Industry → Refresh every
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('refresh-hours');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('8');
    await page.keyboard.press('Enter'); // submits the form
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'refresh every 8 h' }).count())
      .toBe(1);
    await page.close();
  });

  test('is readable at 200 % zoom, has no serious accessibility issues, light and dark', async () => {
    const axeSource = await readFile(
      createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
      'utf8',
    );
    for (const scheme of ['light', 'dark'] as const) {
      const page = await ext.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 900, height: 900 });
      await page.goto(`${ext.baseUrl}options.html`);
      await label(page, 'API key').waitFor();
      await page.locator('.credits-today').waitFor();
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (
          globalThis as unknown as {
            axe: {
              run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run();
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations, scheme).toEqual([]);
      const shot = await ext.screenshot(page, `options-${scheme}`);
      if (process.env.UPDATE_DOCS_SCREENSHOTS) {
        await mkdir('docs', { recursive: true });
        await copyFile(shot, `docs/options-${scheme}.png`);
      }

      // 200 % zoom of a 1280 px window: 640 CSS px. Nothing scrolls sideways; Save is reachable.
      await page.setViewportSize({ width: 640, height: 400 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, scheme).toBeLessThanOrEqual(0);
      await button(page, 'Save').scrollIntoViewIfNeeded();
      expect(await button(page, 'Save').isVisible()).toBe(true);
      await page.close();
    }
    expect(ext.errors).toEqual([]);
  });
});
