/**
 * Popup bench (issues 4 and 15): how long from navigation start until the popup shows its 20th row
 * with that row's uPlot sparkline drawn, from the cache, in headless Chromium, against a static HTML
 * page with the same rows (same CSS, inline SVG sparklines) and no JS. Side by side in one run,
 * alternating, each case RUNS times (results and how to read them: docs/benchmarks.md):
 *
 * - static:  the static page (file://), the yardstick of every ratio;
 * - control: the same static page served by the extension (chrome-extension://, the popup's own
 *            stylesheet): what an extension page costs with no script at all (an ideal popup);
 *            controlCold: the same with the service worker stopped before each opening (with no
 *            page of the extension open either, Chromium then starts the extension's process anew);
 * - markup:  the popup's own rendered markup (header, filters, rows and their buttons) as static
 *            HTML in the extension, the sparklines as SVG, no script: what the popup's DOM costs;
 * - uplot:   the popup's own rendered markup (header, filters, rows and their buttons) as static
 *            HTML in the extension, its 20 sparklines drawn as the page loads by the popup's own
 *            chart code (drawSpark with uPlot, bundled by esbuild): an ideal popup, the same DOM and
 *            charts without Preact, storage, validation or messages; uplotCold: the same, worker
 *            stopped;
 * - warm:    the popup with the service worker running;
 * - cold:    the popup with the service worker stopped through CDP before each opening, as after
 *            30 s idle (Chromium then starts it for the popup's first message);
 * - static100 / rows100: the 100th row and its sparkline, the popup pressing Show more ×4 as soon as
 *            it can (every page cached: no request), against the static page with 100 rows.
 *
 *   npm run build    # or: WXT_OUT_DIR=/tmp/out-x npx wxt build; export EXT_DIR=/tmp/out-x/chrome-mv3
 *   npm run bench:popup              (RUNS=15 to change the number of alternating runs; RAW=1 prints
 *                                      every run's times)
 *   TRACE=warm,uplot npm run bench:popup   (+ one traced opening of each case named: the page's main
 *                                      thread as a timeline; PROFILE=1 adds the sampled hottest
 *                                      functions; TRACE_DIR=dir keeps the traces as JSON)
 *
 * "Drawn" means: the row is in the DOM and its sparkline has pixels (the canvas's alpha channel is
 * not all zero; for the static pages, the <svg> is there). Every page carries the same init script
 * that checks this on every animation frame and says `performance.now()` (which counts from
 * navigation start) on the console; the bench runs no script in the page. The cache is warmed
 * first (one live fetch of each of the five pages from the loopback mock), so every measured
 * opening answers from the cache, without a request. The extension is loaded from a copy of the
 * build with the control pages added (nothing else changes). Also takes the light and dark
 * screenshots for the README (docs/popup-light.png, docs/popup-dark.png).
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MARKETS } from '../lib/markets';
import { cacheKey } from '../lib/trending/entry';
import { DEFAULT_FILTERS, type Hashtag } from '../lib/trending/types';
import {
  extensionDir,
  launchExtension,
  POPUP_SIZE,
  readStorage,
  setApiKey,
  stopServiceWorker,
  type Extension,
} from '../e2e/browser';
import { startMockServer, type ApiItem, type MockServer } from '../e2e/server';
import { pageTimeline, startTrace } from './trace.mjs';

const RUNS = Number(process.env.RUNS ?? 11);
const VIEWPORT = POPUP_SIZE;
const CONTROL_PAGE = 'bench-static.html';

interface Watch {
  /** The row to wait for (1-based). */
  row: number;
  /** Press "Show more" whenever it is enabled and the row is not there yet. */
  more: boolean;
}

/**
 * Runs in every page before its own code: notes when row `n`'s sparkline has pixels. A row past the
 * first screens is scrolled into view once it is there, as a person would to see it.
 */
function watchRow({ row: n, more }: Watch) {
  let scrolled = false;
  const check = () => {
    const row = document.querySelector(`ol > li:nth-child(${n})`);
    if (!row && more) document.querySelector<HTMLButtonElement>('button.more:enabled')?.click();
    if (row && n > 20 && !scrolled) {
      row.scrollIntoView({ block: 'end' });
      scrolled = true;
    }
    const svg = row?.querySelector('svg.spark-static');
    const canvas = row?.querySelector('.spark canvas') as HTMLCanvasElement | null;
    let drawn = !!svg;
    if (canvas && canvas.width > 0) {
      const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < px.length && !drawn; i += 4) drawn = px[i]! > 0;
    }
    if (!drawn) {
      requestAnimationFrame(check);
      return;
    }
    performance.mark('row-drawn');
    // Said on the console: the bench waits for it without running script in the page, which would
    // compete with the page's own (Playwright's waitForFunction injects its helpers).
    console.info(`row-drawn ${performance.now()}`);
  };
  requestAnimationFrame(check);
}

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function compact(n: number): string {
  return new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

/** A trend as a 72 × 28 inline SVG polyline: the static pages' sparkline. */
function svgSparkline(trend: { value: number }[], className: string): string {
  const values = trend.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const points = values
    .map((v, i) => {
      const x = 2 + (i * 68) / Math.max(1, values.length - 1);
      const y = 25 - ((v - min) / (max - min || 1)) * 22;
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  return `<svg class="${className}" width="72" height="28" viewBox="0 0 72 28" aria-hidden="true"><polyline points="${points}" fill="none" stroke="#0b7285" stroke-width="1.5"/></svg>`;
}

/** The rows as the popup shows them, as plain HTML with SVG sparklines; `head` carries its CSS. */
function staticPage(items: ApiItem[], head: string): string {
  const rows = items.map((item) => {
    const move = { 1: '↑', 2: '=', 3: '↓', 4: 'NEW' }[item.rank_diff_type];
    return `<li class="row" value="${item.rank}"><div class="row-main"><span class="rank">${item.rank}</span>
<button type="button" class="row-toggle"><span class="tag-line"><span class="tag-name">#${esc(item.hashtag_name)}</span></span>
<span class="meta">${compact(item.publish_cnt)} posts · ${compact(item.video_views)} views</span>
<span class="meta meta-extra">${esc(item.industry_info.value)}</span></button>
${svgSparkline(item.trend, 'spark-static chart spark')}
<span class="move">${move}</span></div></li>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hashtag Radar (static)</title>
${head}</head><body><header class="top"><div class="bar"><h1 class="title">Hashtag Radar</h1></div></header>
<main><ol class="trend-list">${rows.join('\n')}</ol></main></body></html>`;
}

/**
 * The uPlot control's script: the popup's own sparkline code (components/charts.ts, with uPlot),
 * drawing into every box of the page as it loads; no Preact, storage or messages.
 */
async function buildSparksScript(outfile: string): Promise<void> {
  const entry = join(dirname(outfile), 'sparks-entry.ts');
  await writeFile(
    entry,
    `import { chartColors, drawSpark } from ${JSON.stringify(resolve('components/charts.ts'))};
chartColors();
for (const box of document.querySelectorAll('.chart.spark[data-trend]')) {
  drawSpark(box as HTMLElement, JSON.parse((box as HTMLElement).dataset.trend!));
}`,
  );
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'chrome120',
    outfile,
    // As in the built popup: the browser's own extension API (wxt.config.ts), no polyfill.
    alias: { 'wxt/browser': createRequire(import.meta.url).resolve('wxt/browser') },
    logLevel: 'warning',
  });
}

type Case =
  | 'static'
  | 'control'
  | 'markup'
  | 'controlCold'
  | 'uplot'
  | 'uplotCold'
  | 'warm'
  | 'cold'
  | 'static100'
  | 'rows100';

const CASES: { id: Case; label: string; yardstick: Case }[] = [
  { id: 'static', label: 'static HTML page, 20 rows (file://, no JS)', yardstick: 'static' },
  {
    id: 'control',
    label: 'the same static page inside the extension (no JS: an ideal popup)',
    yardstick: 'static',
  },
  {
    id: 'controlCold',
    label: 'the same, service worker stopped before each opening (a cold ideal popup)',
    yardstick: 'static',
  },
  {
    id: 'markup',
    label: 'the popup’s own markup as static HTML, its sparklines as SVG, no JS',
    yardstick: 'static',
  },
  {
    id: 'uplot',
    label:
      'the popup’s own markup as static HTML, its sparklines drawn by its uPlot code (an ideal popup)',
    yardstick: 'static',
  },
  {
    id: 'uplotCold',
    label: 'the same, service worker stopped before each opening',
    yardstick: 'static',
  },
  { id: 'warm', label: 'popup, service worker running (warm)', yardstick: 'static' },
  {
    id: 'cold',
    label: 'popup, service worker stopped before each opening (cold)',
    yardstick: 'static',
  },
  { id: 'static100', label: 'static HTML page, 100 rows (file://, no JS)', yardstick: 'static100' },
  { id: 'rows100', label: 'popup, 100 rows: Show more ×4 (cached), warm', yardstick: 'static100' },
];

/**
 * The order the cases run in, each run: a warm case follows one that woke the worker (the popup
 * messages it), and a cold one stops it itself.
 */
const RUN_ORDER: Case[] = [
  'static',
  'control',
  'markup',
  'uplot',
  'warm',
  'static100',
  'rows100',
  'controlCold',
  'uplotCold',
  'cold',
];
const UPLOT_PAGE = 'bench-uplot.html';
const MARKUP_PAGE = 'bench-markup.html';

/**
 * The popup's own markup, once it has drawn its 20 rows (one live fetch fills the cache), as a
 * static page: no script but the sparklines' (bench-sparks.js), each chart box emptied and given
 * its trend as the popup has it. Served by the extension, it is an ideal popup: the very DOM,
 * stylesheet and charts, without Preact, storage reads, validation or messages.
 */
async function renderedPopup(): Promise<{ uplot: string; markup: string }> {
  const page = await ext.context.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.goto(`${ext.baseUrl}popup.html`);
  await page.locator('ol > li').nth(19).locator('.spark canvas').waitFor({ timeout: 20_000 });
  const key = `local:${cacheKey(DEFAULT_FILTERS, 1)}`;
  const entry = (await readStorage(ext, [key]))[key] as { data: { items: Hashtag[] } };
  const trends = entry.data.items.map((item) => item.trend);
  const html = await page.evaluate((trends) => {
    const root = document.documentElement.cloneNode(true) as HTMLElement;
    root.querySelectorAll('script, link[rel="modulepreload"], .tip').forEach((el) => el.remove());
    root.querySelectorAll('ol > li .chart.spark').forEach((box, i) => {
      box.replaceChildren();
      box.setAttribute('data-trend', JSON.stringify(trends[i]));
    });
    return `<!doctype html>${root.outerHTML}`;
  }, trends);
  await page.close();
  // The boxes as SVG instead: the same markup with no script at all.
  let row = 0;
  const markup = html.replace(/<div class="chart spark"[^>]*><\/div>/g, () =>
    svgSparkline(trends[row++]!, 'spark-static chart spark'),
  );
  return {
    uplot: html.replace('</head>', '<script type="module" src="/bench-sparks.js"></script></head>'),
    markup,
  };
}

let server: MockServer;
let ext: Extension;
let tmp: string;
/** A blank tab kept open: its DevTools session stops the worker and records traces. */
let console_: Page;
const urls = {} as Record<Case, string>;

const watches: Record<Case, Watch> = {
  static: { row: 20, more: false },
  control: { row: 20, more: false },
  controlCold: { row: 20, more: false },
  markup: { row: 20, more: false },
  uplot: { row: 20, more: false },
  uplotCold: { row: 20, more: false },
  warm: { row: 20, more: false },
  cold: { row: 20, more: false },
  static100: { row: 100, more: false },
  rows100: { row: 100, more: true },
};

/** Opens one case's page and returns ms from navigation start until its row is drawn. */
async function timeCase(kind: Case, traced = false): Promise<{ at: number; events?: unknown[] }> {
  if (/cold/i.test(kind)) await stopServiceWorker(ext, console_);
  const cdp = traced ? await ext.context.newCDPSession(console_) : null;
  const tracing = cdp ? await startTrace(cdp, { samples: !!process.env.PROFILE }) : null;
  const page = await ext.context.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.addInitScript(watchRow, watches[kind]);
  const drawn = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind}: row not drawn in 20 s`)), 20_000);
    page.on('console', (message) => {
      const said = /^row-drawn ([\d.]+)$/.exec(message.text());
      if (!said) return;
      clearTimeout(timer);
      resolve(Number(said[1]));
    });
  });
  await page.goto(urls[kind], { waitUntil: 'commit' });
  const at = await drawn;
  const events = tracing ? await tracing() : undefined;
  await cdp?.detach();
  await page.close();
  return { at, events };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

beforeAll(async () => {
  server = await startMockServer();
  tmp = await mkdtemp(join(tmpdir(), 'hr-bench-popup-'));
  // A copy of the build with the control page added: the same extension, one more static file.
  const dir = join(tmp, 'ext');
  await cp(extensionDir(), dir, { recursive: true });
  // The popup's stylesheet, as popup.html links it (a chunk it may share with the side panel).
  const cssFile = /href="\/assets\/([^"]+\.css)"/.exec(
    await readFile(join(dir, 'popup.html'), 'utf8'),
  )![1]!;
  const css = await readFile(join(dir, 'assets', cssFile), 'utf8');
  const items = server.api.hashtags();
  const inline = `<style>${css}</style>`;
  await writeFile(join(tmp, 'static.html'), staticPage(items.slice(0, 20), inline));
  await writeFile(join(tmp, 'static100.html'), staticPage(items.slice(0, 100), inline));
  const linked = `<link rel="stylesheet" href="/assets/${cssFile}">`;
  await writeFile(join(dir, CONTROL_PAGE), staticPage(items.slice(0, 20), linked));
  await buildSparksScript(join(dir, 'bench-sparks.js'));

  ext = await launchExtension(server, { viewport: VIEWPORT, extDir: dir });
  await ext.installPage?.close();
  await setApiKey(ext, 'sk_live_benchPopupKey0000000000');
  console_ = await ext.context.newPage();
  // Served from disk as it is asked for: the unpacked extension takes pages written now.
  const rendered = await renderedPopup();
  await writeFile(join(dir, UPLOT_PAGE), rendered.uplot);
  await writeFile(join(dir, MARKUP_PAGE), rendered.markup);
  urls.static = `file://${join(tmp, 'static.html')}`;
  urls.static100 = `file://${join(tmp, 'static100.html')}`;
  urls.control = urls.controlCold = `${ext.baseUrl}${CONTROL_PAGE}`;
  urls.uplot = urls.uplotCold = `${ext.baseUrl}${UPLOT_PAGE}`;
  urls.markup = `${ext.baseUrl}${MARKUP_PAGE}`;
  urls.warm = urls.cold = urls.rows100 = `${ext.baseUrl}popup.html`;
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

it('popup: 20th row with its sparkline, warm and cold, and 100 rows, against static HTML', async () => {
  // Warm the cache (one request a page, five pages) and every page once; then every opening is
  // served from the cache.
  for (const kind of RUN_ORDER) await timeCase(kind);
  server.resetRequests();
  const times = Object.fromEntries(CASES.map((c) => [c.id, [] as number[]])) as Record<
    Case,
    number[]
  >;
  for (let i = 0; i < RUNS; i++) {
    for (const kind of RUN_ORDER) times[kind].push((await timeCase(kind)).at);
  }
  expect(server.apiRequests()).toHaveLength(0);

  const ms = (x: number) => x.toFixed(1);
  // Both ratios: of the medians, and the median of each run's own (the cases of one run share the
  // machine's load, which on a shared machine moves every case of a run together).
  const x = (r: number) => `${r.toFixed(2)}×`;
  const table = [
    `| popup from the cache, ${VIEWPORT.width}×${VIEWPORT.height}, headless Chromium | median, ms | min–max, ms | ratio to the static page: of the medians / median of each run’s (range) |`,
    '| --- | --- | --- | --- |',
    ...CASES.map((c) => {
      const xs = times[c.id];
      const own = xs.map((t, i) => t / times[c.yardstick][i]!);
      const ratio = median(xs) / median(times[c.yardstick]);
      const range = `${x(Math.min(...own))}–${x(Math.max(...own))}`;
      return `| ${c.label} | ${ms(median(xs))} | ${ms(Math.min(...xs))}–${ms(Math.max(...xs))} | ${x(ratio)} / ${x(median(own))} (${range}) |`;
    }),
  ];
  console.log(
    [
      '',
      `Popup bench: navigation start → the row (20th, or 100th) with its sparkline drawn, ${RUNS} alternating runs`,
      ...table,
      '',
    ].join('\n'),
  );
  if (process.env.RAW) console.log(JSON.stringify(times));

  const traced = (process.env.TRACE ?? '').split(',').filter(Boolean) as Case[];
  for (const kind of traced) {
    const { at, events } = await timeCase(kind, true);
    if (process.env.TRACE_DIR) {
      await mkdir(process.env.TRACE_DIR, { recursive: true });
      await writeFile(join(process.env.TRACE_DIR, `${kind}.json`), JSON.stringify(events));
    }
    console.log(pageTimeline(`${kind} (drawn at ${ms(at)} ms)`, events!, urls[kind], at));
  }
});

it('screenshots: light and dark', async () => {
  // A market whose top rows and second row's creators this machine's fonts can show (headless
  // Debian has no CJK, Arabic or Thai fonts; the mock lists use them on purpose).
  const latin = (s: string) => /^[\p{Script=Latin}\d_ .'-]+$/u.test(s);
  const region = MARKETS.map((m) => m.code).find((code) => {
    const items = server.api.hashtags({ region: code });
    return (
      items.slice(0, 10).every((h) => latin(h.hashtag_name)) &&
      items[1]!.creators.every((c) => latin(c.nick_name))
    );
  });
  expect(region).toBeDefined();
  await mkdir('docs', { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    const page: Page = await ext.context.newPage();
    await page.setViewportSize(VIEWPORT);
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto(`${ext.baseUrl}popup.html`);
    await page.getByLabel('Region', { exact: true }).selectOption(region!);
    const first = server.api.hashtags({ region })[0]!.hashtag_name;
    await page
      .locator('ol > li .tag-name', { hasText: `#${first}` })
      .first()
      .waitFor();
    await page.locator('ol > li').nth(19).locator('.spark canvas').waitFor();
    let hover;
    if (scheme === 'light') {
      // The list as it opens, with one sparkline's hover label.
      hover = page.locator('ol > li').nth(2).locator('.spark .u-over');
    } else {
      // One row open: the trend chart with dates, the numbers and the creators.
      await page.locator('ol > li .row-toggle').nth(1).click();
      hover = page.locator('ol > li').nth(1).locator('.detail .u-over');
    }
    await hover.waitFor();
    const box = (await hover.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/popup-${scheme}.png` });
    await page.close();
  }
});
