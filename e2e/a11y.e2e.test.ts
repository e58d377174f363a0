/**
 * Accessibility checked by a tool (issue 7): axe-core, injected into the production build's pages,
 * in the light and the dark scheme. This file covers what the other e2e files do not: the popup's
 * expanded row (details with charts), the loading skeleton and the empty list. The list itself, the
 * welcome, the sample label and the error alerts are checked in popup*.e2e.test.ts; the options
 * page in options.e2e.test.ts. Serious and critical violations fail; lesser ones are not counted.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, setApiKey, type Extension } from './browser';
import { startMockServer, type MockServer } from './server';

const KEY = 'sk_live_e2eA11yKey3b9d0c6e14f2';
const SCHEMES = ['light', 'dark'] as const;

let server: MockServer;
let ext: Extension;
let axeSource: string;

/** What axe-core's `run` answers, as far as these tests read it. */
interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
}

/**
 * Serious and critical axe violations on `page` in each colour scheme, as `scheme: rule → nodes`.
 * `include` narrows the check to these selectors (their shadow trees included); default the page.
 */
async function axeViolations(page: Page, include?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const found: string[] = [];
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    // Let scheme-dependent redraws (the uPlot charts) land before axe reads colours.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
    const violations = await page.evaluate(async (selectors) => {
      const { axe } = window as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<AxeResult> };
      };
      const context = selectors ? { include: selectors.map((s) => [s]) } : document;
      const result = await axe.run(context, { resultTypes: ['violations'] });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} → ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    }, include);
    found.push(...violations.map((v) => `${scheme}: ${v}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

beforeAll(async () => {
  const require = createRequire(import.meta.url);
  axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
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
