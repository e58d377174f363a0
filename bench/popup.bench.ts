/**
 * Popup bench (issue 4): how long from navigation start until the popup shows its 20th row with
 * that row's uPlot sparkline drawn, from the cache, in headless Chromium; against a static HTML page
 * with the same 20 rows (same CSS, inline SVG sparklines) and no JS, in the same run. Also takes the
 * light and dark screenshots for the README (docs/popup-light.png, docs/popup-dark.png).
 *
 *   npm run build    # or: WXT_OUT_DIR=/tmp/out-x npx wxt build; export EXT_DIR=/tmp/out-x/chrome-mv3
 *   npm run bench:popup            (RUNS=15 to change the number of alternating runs)
 *
 * "Drawn" means: the row is in the DOM and its sparkline has pixels (the canvas's alpha channel is
 * not all zero; for the static page, the <svg> is there). Both pages carry the same init script that
 * checks this on every animation frame and notes `performance.now()`, which counts from navigation
 * start. The cache is warmed first (one live fetch of page 1 from the loopback mock), so every
 * measured popup opening answers from the cache, without a request.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MARKETS } from '../lib/markets';
import { launchExtension, setApiKey, extensionDir, type Extension } from '../e2e/browser';
import { startMockServer, type ApiItem, type MockServer } from '../e2e/server';

const RUNS = Number(process.env.RUNS ?? 11);
const VIEWPORT = { width: 400, height: 600 };

/** Runs in both pages before their own code: notes when the 20th row's sparkline has pixels. */
function watchTwentiethRow() {
  const w = window as unknown as { __drawnAt?: number };
  const check = () => {
    const row = document.querySelector('ol > li:nth-child(20)');
    const svg = row?.querySelector('svg.spark-static');
    const canvas = row?.querySelector('.spark canvas') as HTMLCanvasElement | null;
    let drawn = !!svg;
    if (canvas && canvas.width > 0) {
      const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < px.length && !drawn; i += 4) drawn = px[i]! > 0;
    }
    if (drawn) w.__drawnAt = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function compact(n: number): string {
  return new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

/** The same 20 rows as the popup shows them, as plain HTML with SVG sparklines and the popup's CSS. */
function staticPage(items: ApiItem[], css: string): string {
  const rows = items.map((item) => {
    const values = item.trend.map((p) => p.value);
    const min = Math.min(...values);
    const max = Math.max(...values);
    const points = values
      .map((v, i) => {
        const x = 2 + (i * 68) / Math.max(1, values.length - 1);
        const y = 25 - ((v - min) / (max - min || 1)) * 22;
        return `${x.toFixed(1)},${y.toFixed(1)}`;
      })
      .join(' ');
    const move = { 1: '↑', 2: '=', 3: '↓', 4: 'NEW' }[item.rank_diff_type];
    return `<li class="row" value="${item.rank}"><div class="row-main"><span class="rank">${item.rank}</span>
<button type="button" class="row-toggle"><span class="tag-line"><span class="tag-name">#${esc(item.hashtag_name)}</span></span>
<span class="meta">${compact(item.publish_cnt)} posts · ${compact(item.video_views)} views</span>
<span class="meta meta-extra">${esc(item.industry_info.value)}</span></button>
<svg class="spark-static chart spark" width="72" height="28" viewBox="0 0 72 28" aria-hidden="true"><polyline points="${points}" fill="none" stroke="#0b7285" stroke-width="1.5"/></svg>
<span class="move">${move}</span></div></li>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hashtag Radar (static)</title>
<style>${css}</style></head><body><header class="top"><div class="bar"><h1 class="title">Hashtag Radar</h1></div></header>
<main><ol class="trend-list">${rows.join('\n')}</ol></main></body></html>`;
}

let server: MockServer;
let ext: Extension;
let staticUrl: string;
let tmp: string;

async function timeTo20th(url: string): Promise<number> {
  const page = await ext.context.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.addInitScript(watchTwentiethRow);
  await page.goto(url);
  await page.waitForFunction(
    () => (window as { __drawnAt?: number }).__drawnAt !== undefined,
    null,
    {
      timeout: 20_000,
      polling: 50,
    },
  );
  const at = await page.evaluate(() => (window as unknown as { __drawnAt: number }).__drawnAt);
  await page.close();
  return at;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

beforeAll(async () => {
  server = await startMockServer();
  ext = await launchExtension(server, { viewport: VIEWPORT });
  await setApiKey(ext, 'sk_live_benchPopupKey0000000000');
  tmp = await mkdtemp(join(tmpdir(), 'hr-bench-popup-'));
  const assets = join(extensionDir(), 'assets');
  const cssFile = (await readdir(assets)).find((f) => f.startsWith('popup') && f.endsWith('.css'));
  const css = await readFile(join(assets, cssFile!), 'utf8');
  const file = join(tmp, 'static-popup.html');
  await writeFile(file, staticPage(server.api.hashtags().slice(0, 20), css));
  staticUrl = `file://${file}`;
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

it('popup: 20th row with its sparkline, from the cache, against static HTML', async () => {
  const popupUrl = `${ext.baseUrl}popup.html`;
  // Warm the cache (one request) and the worker; then every opening is served from the cache.
  await timeTo20th(popupUrl);
  await timeTo20th(staticUrl);
  server.resetRequests();
  const popup: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    popup.push(await timeTo20th(popupUrl));
    plain.push(await timeTo20th(staticUrl));
  }
  expect(server.apiRequests()).toHaveLength(0);
  const p = median(popup);
  const s = median(plain);
  const line = (name: string, xs: number[]) =>
    `${name.padEnd(12)} median ${median(xs).toFixed(1)} ms  (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, n=${xs.length})`;
  console.log(
    [
      '',
      'Popup bench: navigation start → 20th row with its sparkline drawn (cached), 400×600, headless Chromium',
      line('popup', popup),
      line('static HTML', plain),
      `ratio popup / static: ${(p / s).toFixed(2)}×`,
      '',
    ].join('\n'),
  );
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
