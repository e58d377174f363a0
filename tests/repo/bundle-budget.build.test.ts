// Runs after the build (see vitest.build.config.ts): a regression in what users download fails CI.
import { describe, expect, it } from 'vitest';
import { BUDGETS, checkBudgets } from '../../scripts/check-bundle-budget.mjs';
import { buildDir } from './support/build';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('bundle budgets (gzip, built files)', () => {
  const results = checkBudgets(buildDir('chrome-mv3'));
  const detail = (r: (typeof results)['popup']) =>
    r.files.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ') +
    (r.lazy.files.length ? `; later, on demand: ${kb(r.lazy.gzip)}` : '');

  it(`content script ≤ ${kb(BUDGETS.contentScript)} gz`, () => {
    const r = results.contentScript;
    expect(r.files.map((f) => f.file)).toContain('content-scripts/tiktok.js');
    expect(r.gzip, `content script is ${kb(r.gzip)} gz: ${detail(r)}`).toBeLessThanOrEqual(
      BUDGETS.contentScript,
    );
  });

  it(`caption assistant (upload pages only) ≤ ${kb(BUDGETS.captionAssistant)} gz`, () => {
    const r = results.captionAssistant;
    expect(r.files.map((f) => f.file)).toEqual(['content-scripts/tiktok-caption.js']);
    expect(results.contentScript.files.map((f) => f.file)).not.toContain(
      'content-scripts/tiktok-caption.js',
    );
    expect(r.gzip, `caption assistant is ${kb(r.gzip)} gz: ${detail(r)}`).toBeLessThanOrEqual(
      BUDGETS.captionAssistant,
    );
  });

  it(`popup (html + every JS/CSS it loads) ≤ ${kb(BUDGETS.popup)} gz`, () => {
    const r = results.popup;
    expect(r.files.map((f) => f.file)).toContain('popup.html');
    expect(r.files.some((f) => f.file.endsWith('.js'))).toBe(true);
    expect(r.gzip, `popup is ${kb(r.gzip)} gz: ${detail(r)}`).toBeLessThanOrEqual(BUDGETS.popup);
  });
});
