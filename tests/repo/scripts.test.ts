// The packaging scripts measure and judge what they claim to.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBudgets, loadedFiles } from '../../scripts/check-bundle-budget.mjs';
import { classify } from '../../scripts/check-firefox-lint.mjs';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function fakeBuild(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hr-build-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('bundle budget measurement', () => {
  const big = 'x'.repeat(5000) + Math.random().toString(36).repeat(3000);
  const build = fakeBuild({
    'manifest.json': JSON.stringify({
      action: { default_popup: 'popup.html' },
      content_scripts: [
        {
          matches: ['*://*.tiktok.com/*'],
          js: ['content-scripts/tiktok.js'],
          css: ['content-scripts/tiktok.css'],
        },
      ],
    }),
    'popup.html':
      '<script type="module" crossorigin src="/chunks/popup-1.js"></script>' +
      '<link rel="modulepreload" href="/chunks/shared-2.js"><link rel="stylesheet" href="/assets/popup-3.css">',
    'chunks/popup-1.js':
      'import{a}from"./shared-2.js";const l=()=>import("./chart-4.js");' +
      'const deps=["chunks/chart-4.js","assets/chart-5.css"];console.log("not/a/file.js")',
    'chunks/shared-2.js': 'export const a=1;',
    'chunks/chart-4.js': `import{a}from"./shared-2.js";export default "${big}"`,
    'assets/popup-3.css': 'body{}',
    'assets/chart-5.css': '.u{}',
    'chunks/options-6.js': 'unrelated',
    'content-scripts/tiktok.js': '(function(){})()',
    'content-scripts/tiktok.css': 'mark{}',
  });

  it('follows the popup through html tags, static and lazy imports and preload lists', () => {
    expect(loadedFiles(build, ['popup.html'])).toEqual([
      'assets/chart-5.css',
      'assets/popup-3.css',
      'chunks/chart-4.js',
      'chunks/popup-1.js',
      'chunks/shared-2.js',
      'popup.html',
    ]);
  });

  it('sums gzip sizes per file and compares them with the budgets', () => {
    const r = checkBudgets(build);
    expect(r.contentScript.files.map((f) => f.file)).toEqual([
      'content-scripts/tiktok.css',
      'content-scripts/tiktok.js',
    ]);
    const chart = r.popup.files.find((f) => f.file === 'chunks/chart-4.js')!;
    expect(chart.gzip).toBe(
      gzipSync(`import{a}from"./shared-2.js";export default "${big}"`, { level: 9 }).length,
    );
    expect(r.popup.gzip).toBe(r.popup.files.reduce((s, f) => s + f.gzip, 0));
    expect(r.popup.gzip).toBeGreaterThan(chart.gzip);
    expect(r.popup.budget).toBe(45 * 1024);
    expect(r.contentScript.budget).toBe(12 * 1024);
  });
});

describe('Firefox lint judgement', () => {
  const build = fakeBuild({
    'chunks/jsxRuntime-abc.js': 'x;m?(l||(_.innerHTML=m.__html)):0;el.innerHTML=userText;',
  });
  const innerHtmlAt = (column: number) => ({
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: 'chunks/jsxRuntime-abc.js',
    line: 1,
    column,
  });

  it("accepts only Preact's own dangerouslySetInnerHTML assignment", () => {
    const preact = 'x;m?(l||(_.innerHTML=m.__html)):0;'.indexOf('_.innerHTML') + 1;
    const ours = 'x;m?(l||(_.innerHTML=m.__html)):0;el.innerHTML'.indexOf('el.innerHTML') + 1;
    const { accepted, problems } = classify(build, {
      errors: [],
      warnings: [innerHtmlAt(preact), innerHtmlAt(ours)],
      notices: [],
    });
    expect(accepted.map((m) => m.column)).toEqual([preact]);
    expect(problems.map((m) => m.column)).toEqual([ours]);
  });

  it('fails on every error and on any other warning or notice', () => {
    const { accepted, problems } = classify(build, {
      errors: [{ code: 'MANIFEST_FIELD_INVALID', file: 'manifest.json' }],
      warnings: [{ code: 'MISSING_DATA_COLLECTION_PERMISSIONS', file: 'manifest.json' }],
      notices: [{ code: 'SOMETHING', file: 'chunks/jsxRuntime-abc.js', line: 1, column: 1 }],
    });
    expect(accepted).toEqual([]);
    expect(problems.map((m) => m.code)).toEqual([
      'MANIFEST_FIELD_INVALID',
      'MISSING_DATA_COLLECTION_PERMISSIONS',
      'SOMETHING',
    ]);
  });
});
