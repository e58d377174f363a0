/**
 * Accessibility checked by a tool (issue 7): axe-core, injected into the production build's pages,
 * in the light and the dark scheme. This file covers what the other e2e files do not: the popup's
 * expanded row (details with charts), the loading skeleton and the empty list, and on tiktok.com
 * the marks in each highlight style and the hover card (in its shadow root). The list itself, the
 * welcome, the sample label and the error alerts are checked in popup*.e2e.test.ts; the options
 * page in options.e2e.test.ts. Serious and critical violations fail; lesser ones are not counted.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings';
import { axeViolations } from './axe';
import { launchExtension, seedStorage, setApiKey, type Extension } from './browser';
import { CARD_HOST, hoverCard } from './shadow';
import { startMockServer, type MockServer } from './server';

const KEY = 'sk_live_e2eA11yKey3b9d0c6e14f2';
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

describe('popup', () => {
  let popup: Page;
  const rows = () => popup.locator('ol > li');
  const period = () => popup.getByLabel('Period', { exact: true });

  beforeAll(async () => {
    popup = await ext.openPopup();
    await rows().nth(19).waitFor({ timeout: 20_000 });
  });

  afterAll(async () => {
    await popup?.close();
  });

  test('an expanded row with its trend chart, rank chart and facts', async () => {
    const row = rows().first();
    await row.locator('.row-toggle').click();
    await expect
      .poll(() => row.locator('.row-toggle').getAttribute('aria-expanded'), { timeout: 10_000 })
      .toBe('true');
    await expect
      .poll(() => row.locator('.details canvas').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await popup.mouse.move(0, 0);
    expect(await axeViolations(popup)).toEqual([]);
    // A chart's tooltip (date and value) is part of what a person sees: check it too.
    const chart = row.locator('.details .chart').first();
    const box = (await chart.boundingBox())!;
    await popup.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.mouse.move(0, 0);
    await row.locator('.row-toggle').click();
    expect(ext.errors).toEqual([]);
  });

  test('the loading skeleton', async () => {
    // A slow first answer for a new filter set keeps the skeleton up long enough to check it.
    server.api.nextResponses({ kind: 'delay', ms: 8_000 });
    await period().selectOption('30');
    const skeleton = popup.locator('.skeleton[aria-busy="true"]');
    await expect.poll(() => skeleton.count(), { timeout: 10_000 }).toBe(1);
    expect(await axeViolations(popup)).toEqual([]);
    // It was still the skeleton that was checked.
    expect(await skeleton.count()).toBe(1);
    await expect.poll(() => rows().count(), { timeout: 30_000 }).toBe(20);
  });

  test('the empty list with its wider filters', async () => {
    server.api.nextResponses({ kind: 'items', items: [], total: 0 });
    await period().selectOption('120');
    await expect
      .poll(() => popup.getByText(/^No trending hashtags for these filters/).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    expect(await popup.locator('.empty button').count()).toBeGreaterThan(0);
    expect(await axeViolations(popup)).toEqual([]);
    await period().selectOption('7');
    await expect.poll(() => rows().count(), { timeout: 20_000 }).toBe(20);
  });
});

describe('tiktok.com', () => {
  /** Where the extension's own UI and its marks are: the card's shadow host and every mark. */
  const OURS = [CARD_HOST, '[data-trending-rank]'];

  async function useStyle(style: Settings['highlight']['style']): Promise<void> {
    const settings = structuredClone(DEFAULT_SETTINGS);
    settings.highlight.style = style;
    await seedStorage(ext, { 'sync:settings': settings, 'sync:settings$': { v: 2 } });
  }

  async function markedPage(path: string, style: Settings['highlight']['style']): Promise<Page> {
    await useStyle(style);
    const page = await ext.page(`${TIKTOK}${path}`);
    await expect
      .poll(() => page.locator('[data-trending-rank]').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.hashtagRadarStyle), {
        timeout: 10_000,
      })
      .toBe(style);
    return page;
  }

  /**
   * The badge style draws the rank in an `::after` box, which axe does not read: the contrast of its
   * text on its own background, per WCAG's formula, for each distinct badge colour pair on the page.
   */
  function badgeContrasts(page: Page): Promise<number[]> {
    return page.$$eval('[data-trending-rank]', (els) => {
      const luminance = (css: string) => {
        const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
          const c = Number(v) / 255;
          return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const pairs = new Set(
        els.map((el) => {
          const after = getComputedStyle(el, '::after');
          return `${after.color}|${after.backgroundColor}`;
        }),
      );
      return [...pairs].map((pair) => {
        const [fg, bg] = pair.split('|').map(luminance) as [number, number];
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        return Math.round(ratio * 100) / 100;
      });
    });
  }

  /** Hovers the first marked tag link and waits for the hover card's dialog. */
  async function openCard(page: Page): Promise<void> {
    await page.locator('a[data-trending-rank]').first().hover();
    const card = await hoverCard(page);
    await expect.poll(() => card.isVisible(), { timeout: 10_000 }).toBe(true);
  }

  for (const style of ['underline', 'marker', 'badge'] as const) {
    test(`${style} marks and the hover card on a light page (video) and a dark one (feed)`, async () => {
      for (const path of ['/@kyoto.mornings/video/7301234567890123456', '/foryou']) {
        const page = await markedPage(path, style);
        expect(await axeViolations(page, OURS), `${path} before hover`).toEqual([]);
        if (style === 'badge') {
          const ratios = await badgeContrasts(page);
          expect(ratios.length).toBeGreaterThan(0);
          for (const ratio of ratios)
            expect(ratio, 'badge text contrast').toBeGreaterThanOrEqual(4.5);
        }
        await openCard(page);
        const found = await axeViolations(page, OURS);
        // The card stays open while axe reads it (it closes only on leave, Escape or Tab).
        expect(await (await hoverCard(page)).isVisible()).toBe(true);
        expect(found, `${path} with the card open`).toEqual([]);
        await page.close();
      }
    });
  }

  test('the hover card reached by keyboard, focus on its button', async () => {
    const page = await markedPage('/@kyoto.mornings/video/7301234567890123456', 'underline');
    await page.locator('a[data-trending-rank]').first().focus();
    const card = await hoverCard(page);
    await expect.poll(() => card.isVisible(), { timeout: 10_000 }).toBe(true);
    await page.keyboard.press('Tab');
    const open = card.getByRole('button', { name: 'Open in Hashtag Radar' });
    await expect.poll(() => open.evaluate((b) => b.matches(':focus'))).toBe(true);
    expect(await axeViolations(page, OURS)).toEqual([]);
    await page.close();
    expect(ext.errors).toEqual([]);
  });
});
