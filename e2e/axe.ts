/**
 * axe-core in the production build's pages: serious and critical violations in the light and the
 * dark scheme (lesser ones are not counted). Shared by the e2e files that check accessibility.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const SCHEMES = ['light', 'dark'] as const;

/** What axe-core's `run` answers, as far as these tests read it. */
interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
}

let axeSource: Promise<string> | null = null;

/**
 * Serious and critical axe violations on `page` in each colour scheme, as `scheme: rule → nodes`.
 * `include` narrows the check to these selectors (their shadow trees included); default the page.
 */
export async function axeViolations(page: Page, include?: string[]): Promise<string[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource);
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
