#!/usr/bin/env node
/* global chrome -- evaluated in the extension's service worker and pages */
/**
 * Highlight bench (issue 6): the built extension in headless Chromium on a large TikTok-like feed,
 * side by side in one run with the same page unhighlighted and the same page marked by mark.js 8.
 *
 *   npm run build            # or: WXT_OUT_DIR=/tmp/out-x npx wxt build; EXT_DIR=/tmp/out-x/chrome-mv3
 *   node bench/highlight.mjs [--n 2000] [--runs 3] [--append-sizes 200,10000] [--appends 10]
 *                            [--appends-only] [--positioned-items] [--ideal-control]
 *                            [--ideal-in-frame] [--list-after-load]
 *
 * Measures on each page, from navigation start until the page is settled (every expected mark in
 * place and the main thread idle): renderer main-thread time (CDP Performance.getMetrics
 * TaskDuration, minus the unhighlighted page's), time until the first and all marks are in place,
 * the longest task and animation frame after DOMContentLoaded, and — from one traced extra load —
 * the extension's own script calls; then the cost of 20 appended items at two feed sizes, split
 * by a control page that holds the marks' nodes without the extension, written by the page itself
 * while it is parsed, as the extension writes them (see `markWhileParsing`). Two
 * extension cases: the page load (the list arrives while the page is parsed, the normal case) and
 * the list arriving on the loaded page (highlighting switched on after DOMContentLoaded: the
 * whole-page pass a changed list or setting runs). The extension runs on www.tiktok.com; the
 * unhighlighted and mark.js pages are served from bench.example, where the content script does
 * not run. Trending names come from the extension's own sample data (sample mode), so no API key
 * is needed.
 *
 * Runs on a shared machine vary (how many frames Chromium renders while it parses is a matter of
 * timing): the ratio is given with its per-run range; use --runs 7 or more for docs/benchmarks.md.
 *
 * --positioned-items gives every feed item `position: relative` (see `feedHtml`): the same page
 * with each item a paint layer of its own, which changes what Chromium walks on every frame.
 * --ideal-control makes the append control an ideal highlighter: the page marks each appended
 * batch itself, in the append's own task (the same nodes as the extension's, no overhead), so
 * the last column is what the extension adds beyond the writes themselves. --ideal-in-frame: it
 * writes them in the next animation frame instead, the earliest the issue's rule allows the
 * extension (its observer callback only queues; the work happens in the next frame).
 * --list-after-load measures appends on pages whose marks were written after they loaded: the
 * extension's list arrives once the page is parsed (its whole-page pass), the control is marked
 * after load (`premark`).
 *
 * Digging: RAW=1 prints every run's numbers; PROFILE=<kind> the functions with the most self time;
 * TRACE=<kind>[,…] (kinds above, or append-plain|append-control|append-bench) a Chromium trace's
 * self time per event (TRACE_TOP=n rows; TRACE_DIR=dir keeps the append traces as JSON).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { extensionLaunchArgs, selfSignedCertificate, writeInPieces } from '../e2e/loopback.mjs';
import {
  expectedMarks,
  feedHtml,
  otherNames,
  rankEntries,
  usableNames,
} from './highlight-feed.mjs';
import { printTrace, startTrace } from './trace.mjs';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '3' },
    'append-sizes': { type: 'string', default: '200,10000' },
    chunks: { type: 'string', default: '20' },
    'chunk-gap': { type: 'string', default: '100' },
    appends: { type: 'string', default: '10' },
    'appends-only': { type: 'boolean', default: false },
    'positioned-items': { type: 'boolean', default: false },
    'ideal-control': { type: 'boolean', default: false },
    'list-after-load': { type: 'boolean', default: false },
    'ideal-in-frame': { type: 'boolean', default: false },
  },
});
const N = Number(args.n);
const RUNS = Number(args.runs);
const APPEND_SIZES = args['append-sizes'].split(',').map(Number).filter(Boolean);
/**
 * The page arrives in this many pieces, this many ms apart, as over a network: Chromium parses and
 * renders each piece as it comes, the same way on every run. (Sent at once, how many frames it
 * renders while parsing 5 MB is a matter of timing, and that varies the page's own cost by more
 * than the highlighting costs.) --chunks 1 sends it at once.
 */
const CHUNKS = Math.max(1, Number(args.chunks));
const CHUNK_GAP_MS = Number(args['chunk-gap']);
const EXT_DIR = resolve(process.env.EXT_DIR ?? '.output/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MARKJS = readFileSync(resolve('node_modules/mark.js/dist/mark.min.js'), 'utf8');
/** The extension's highlight stylesheet, for the append control (read once the build is found). */
let CONTENT_CSS = '';
const PLAIN_HOST = 'bench.example';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** mark.js 8 with the regex equivalent of the extension's grammar for these names. */
function markJsBody(trending) {
  const escaped = trending.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const source = `(^|[^\\p{L}\\p{M}\\p{N}_])(#(?:${escaped.join('|')}))(?![\\p{L}\\p{M}\\p{N}_])`;
  return `<script>${MARKJS}</script><script>
document.addEventListener('DOMContentLoaded', function () {
  setTimeout(function () {
    new Mark(document.body).markRegExp(new RegExp(${JSON.stringify(source)}, 'giu'), {
      ignoreGroups: 1,
      exclude: ['script', 'style', 'textarea', 'input', '[contenteditable]', 'svg'],
    });
  }, 0);
});
</script>`;
}

async function startServer(trending) {
  const others = otherNames(trending);
  const cache = new Map();
  const page = (kind, n) => {
    const key = `${kind}|${n}`;
    if (!cache.has(key)) {
      cache.set(
        key,
        feedHtml({
          n,
          // The same page with names that do not trend: the extension's cost when it marks nothing.
          trending: kind === 'untrending' ? trending.map((_, i) => `notrending${i}`) : trending,
          others,
          extraBody: kind === 'markjs' ? markJsBody(trending) : '',
          // The parse-time ideal control: the page marks itself while it is parsed.
          extraHead:
            kind === 'idealparse'
              ? `<style>${CONTENT_CSS}</style><script>__markWhileParsing(new Map(${JSON.stringify(rankEntries(trending))}))</script>`
              : '',
          positioned: args['positioned-items'],
        }),
      );
    }
    return cache.get(key);
  };
  const server = createServer(
    await selfSignedCertificate(['www.tiktok.com', PLAIN_HOST]),
    (req, res) => {
      const url = new URL(req.url, 'https://x');
      const n = Number(url.searchParams.get('n') ?? N);
      const kind = url.pathname.slice(1);
      if (kind === 'blank') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end('<!doctype html><title>blank</title><p>before the measured page</p>');
      }
      if (!['bench', 'late', 'plain', 'markjs', 'untrending', 'idealparse'].includes(kind))
        return res.writeHead(404).end();
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      // Cut as bytes, anywhere (in a tag, a hashtag or a UTF-8 sequence), as a network would.
      const body = Buffer.from(page(kind === 'late' ? 'bench' : kind, n));
      const size = Math.ceil(body.length / CHUNKS);
      const pieces = Array.from({ length: CHUNKS }, (_, i) =>
        body.subarray(i * size, (i + 1) * size),
      );
      void writeInPieces(res, pieces, CHUNK_GAP_MS);
    },
  );
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

async function launch(port) {
  const profile = await mkdtemp(join(tmpdir(), 'hr-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 800 },
    args: extensionLaunchArgs(EXT_DIR, port, ['www.tiktok.com', PLAIN_HOST, 'api.keyapi.ai']),
  });
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const id = new URL(worker.url()).host;
  return {
    context,
    worker,
    id,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The highlight set the content script will get: sample mode, default settings. */
async function highlightSet(ext) {
  await ext.worker.evaluate(() => chrome.storage.local.set({ sampleMode: true }));
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/popup.html`);
  const reply = await page.evaluate(() =>
    chrome.runtime.sendMessage({ hashtagRadar: 1, type: 'getHighlightSet' }),
  );
  await page.close();
  for (const p of ext.context.pages())
    if (p.url().startsWith('chrome-extension://')) await p.close();
  if (!reply?.ok) throw new Error(`getHighlightSet failed: ${JSON.stringify(reply)}`);
  return reply.value;
}

async function metrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return {
    task: get('TaskDuration'),
    script: get('ScriptDuration'),
    style: get('RecalcStyleDuration'),
    layout: get('LayoutDuration'),
    other: get('TaskOtherDuration'),
    // CPU time of the main thread: the steadiest of these when other processes share the cores.
    thread: get('ThreadTime'),
  };
}
const diff = (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, b[k] - a[k]]));

/**
 * Waits until the page holds `marks` marks (counted by the page's probe as they are written), and
 * then until its main thread is idle: TaskDuration grew by under 2 ms in 300 ms, so work the
 * extension does after its last mark (a read-only scan in idle time) is counted too. A page without
 * a highlighter waits at least `minMs`.
 */
async function settle(page, cdp, { marks, minMs = 2500, maxMs = 180_000 }) {
  const start = Date.now();
  await sleep(marks ? 200 : minMs);
  while (marks && Date.now() - start < maxMs) {
    const b = await page.evaluate(() => window.__bench);
    if (b.marks >= marks) break;
    await sleep(100);
  }
  let before = (await metrics(cdp)).task;
  while (Date.now() - start < maxMs) {
    await sleep(300);
    const now = (await metrics(cdp)).task;
    if (now - before < 2) return;
    before = now;
  }
  throw new Error(`did not settle: ${JSON.stringify(await page.evaluate(() => window.__bench))}`);
}

async function countMarks(page, selector, trending) {
  return page.evaluate(
    ({ selector, names }) => {
      const set = new Set(names.map((n) => n.normalize('NFC').toLowerCase()));
      let good = 0;
      let bad = 0;
      for (const el of document.querySelectorAll(selector)) {
        const text = el.textContent.trim().replace(/^#/, '').normalize('NFC').toLowerCase();
        if (set.has(text)) good++;
        else bad++;
      }
      return { good, bad };
    },
    { selector, names: trending },
  );
}

/** Highlighting on or off in the extension's settings (storage.sync, as the options page saves). */
async function setHighlighting(ext, enabled) {
  await ext.worker.evaluate(async (on) => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({
      settings: { ...settings, highlight: { ...settings?.highlight, enabled: on } },
    });
  }, enabled);
}

/** The kinds of page the extension runs on (www.tiktok.com); the others are its baselines. */
const EXTENSION_KINDS = ['bench', 'late', 'untrending'];

/**
 * One page load, measured. `late`: the same page as `bench`, with highlighting switched off until
 * the page is parsed and then on: the list arrives on a finished page (as when the trending list
 * or the settings change on an open tab), so the whole-page pass runs instead of the parse-time one.
 */
async function measureLoad(ext, port, kind, n, trending, { trace = false } = {}) {
  const host = EXTENSION_KINDS.includes(kind) ? 'www.tiktok.com' : PLAIN_HOST;
  const page = await ext.context.newPage();
  if (process.env.DEBUG) page.on('console', (m) => console.log(`[${kind} console] ${m.text()}`));
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const profiling = process.env.PROFILE === kind;
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  // Measured from navigation start: a small page of the same site first (same renderer process,
  // so the counters carry on), then the measured page. The extension starts with the document,
  // so whatever it does while the page is parsed is counted too.
  await page.goto(`https://${host}/blank`);
  await sleep(300);
  const m0 = await metrics(cdp);
  const tracing =
    trace || (process.env.TRACE ?? '').split(',').includes(kind) ? await startTrace(cdp) : null;
  if (kind === 'late') await setHighlighting(ext, false);
  await page.goto(`https://${host}/${kind}?n=${n}`, {
    waitUntil: 'domcontentloaded',
    timeout: 180_000,
  });
  if (kind === 'late') await setHighlighting(ext, true);
  const marksExpected = ['bench', 'late', 'markjs', 'idealparse'].includes(kind)
    ? expectedMarks(n, trending)
    : 0;
  await settle(page, cdp, { marks: marksExpected });
  const m1 = await metrics(cdp);
  if (profiling) printProfile((await cdp.send('Profiler.stop')).profile);
  const events = tracing ? await tracing() : null;
  if (events && process.env.TRACE) printTrace(kind, events);
  const probes = await page.evaluate(() => window.__bench);
  const selector = kind === 'markjs' ? 'mark' : '[data-trending-rank]';
  const marks = await countMarks(page, selector, trending);
  return { page, cdp, cost: diff(m0, m1), probes, marks, trace: events };
}

/**
 * The append control's marks, written after load (--list-after-load): the unhighlighted page given,
 * by the page's own reference highlighter (`markTrending` in highlight-feed.mjs), the nodes the
 * extension's marks consist of, and the extension's stylesheet. Without --list-after-load the
 * control marks itself while it is parsed instead (`markWhileParsing`), as the extension's page is
 * marked. Its node count is checked against the extension's page (`nodesInBody`). With `append`
 * (--ideal-control), it appends that many items and marks just those, in the same task (with
 * `inFrame`, in the next animation frame).
 */
function premark({ entries, css = '', append = 0, inFrame = false }) {
  const ranks = new Map(entries);
  if (append > 0) {
    // --ideal-control: the page appends and marks the new items itself, in the same task or frame.
    // Only the new items are visited (a query over the whole feed would cost this task O(n)).
    window.__append(append);
    let item = document.querySelector('[data-e2e="recommend-list"]').lastElementChild;
    const items = [];
    for (let i = 0; i < append && item !== null; i++, item = item.previousElementSibling)
      items.push(item);
    if (inFrame) requestAnimationFrame(() => items.forEach((x) => window.__markTrending(x, ranks)));
    else items.forEach((x) => window.__markTrending(x, ranks));
    return;
  }
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  document.documentElement.setAttribute('data-hashtag-radar-style', 'underline');
  window.__markTrending(document.body, ranks);
}

/** Nodes in <body> (the check that the control holds what the extension's page does). */
function nodesInBody() {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
  let count = 0;
  while (walker.nextNode()) count++;
  return count;
}

/**
 * 20 items appended to a feed of `n`, --appends times on each of three pages: the unhighlighted
 * page, the control (the same page holding the marks, written by the page itself the way the
 * extension's page got them: while parsed, or after load) and the extension's. The three are loaded
 * first and then take turns (a round appends once to each, in an order that rotates, each page
 * brought to the front for its turn), so that whatever drifts over a run (the machine, the
 * browser's memory) weighs on all three alike; a frame on the 10 000-item page varies by ±20 ms on
 * its own, hence the many appends. Per page: the median cost of one append (TaskDuration and
 * ThreadTime), the time until its marks are in place, the longest task and frame.
 */
async function measureAppend(ext, port, n, trending, appends = Number(args.appends)) {
  const KINDS = ['plain', 'control', 'bench'];
  const afterLoad = args['list-after-load'];
  // The control gets its marks when the extension's page does: while it is parsed, or (with
  // --list-after-load) once it has loaded. Appends were measured to cost more on a page whose marks
  // were written while it was parsed, whoever wrote them.
  const load = {
    plain: 'plain',
    control: afterLoad ? 'plain' : 'idealparse',
    bench: afterLoad ? 'late' : 'bench',
  };
  const pages = {};
  const nodes = {};
  for (const kind of KINDS) {
    const { page, cdp } = await measureLoad(ext, port, load[kind], n, trending);
    if (kind === 'control' && afterLoad) {
      await page.evaluate(premark, { entries: rankEntries(trending), css: CONTENT_CSS });
      await settle(page, cdp, { marks: 0 });
    }
    if (kind !== 'plain') nodes[kind] = await page.evaluate(nodesInBody);
    pages[kind] = {
      page,
      cdp,
      task: [],
      thread: [],
      style: [],
      layout: [],
      latency: [],
      longTask: 0,
      longFrame: 0,
    };
  }
  const profiled = KINDS.find((kind) => process.env.PROFILE === `append-${kind}`);
  if (profiled) {
    const { cdp } = pages[profiled];
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const traced = KINDS.filter((kind) =>
    (process.env.TRACE ?? '').split(',').includes(`append-${kind}`),
  );
  const traces = Object.fromEntries(traced.map((kind) => [kind, []]));
  for (let k = 0; k < appends; k++) {
    const size = n + 20 * k;
    for (let j = 0; j < KINDS.length; j++) {
      const kind = KINDS[(k + j) % KINDS.length];
      const at = pages[kind];
      const { page, cdp } = at;
      // In front, as the tab a user scrolls is: a page behind the others was seen to render an
      // append's frame up to a second late (a ~1 s animation frame with no work in it).
      await page.bringToFront();
      await settle(page, cdp, { marks: 0, minMs: 300 });
      // Traced only while its own append runs: the trace covers every renderer.
      const tracing = traced.includes(kind) ? await startTrace(cdp) : null;
      await page.evaluate(() => window.__resetProbes());
      const m0 = await metrics(cdp);
      const t0 =
        kind === 'control' && args['ideal-control']
          ? await page.evaluate(premark, {
              entries: rankEntries(trending),
              append: 20,
              inFrame: args['ideal-in-frame'],
            })
          : await page.evaluate(() => {
              const start = performance.now();
              window.__append(20);
              return start;
            });
      await settle(page, cdp, {
        marks:
          kind === 'bench' ? expectedMarks(size + 20, trending) - expectedMarks(size, trending) : 0,
        minMs: 1000,
      });
      const m1 = await metrics(cdp);
      if (tracing) for (const event of await tracing()) traces[kind].push(event);
      const probes = await page.evaluate(() => window.__bench);
      at.task.push(m1.task - m0.task);
      at.thread.push(m1.thread - m0.thread);
      at.style.push(m1.style - m0.style);
      at.layout.push(m1.layout - m0.layout);
      if (kind === 'bench') at.latency.push(probes.lastMark - t0);
      at.longTask = Math.max(at.longTask, probes.longestTask);
      at.longFrame = Math.max(at.longFrame, probes.longestFrame);
    }
  }
  if (profiled) printProfile((await pages[profiled].cdp.send('Profiler.stop')).profile);
  for (const kind of traced) {
    printTrace(`append-${kind} at ${n}`, traces[kind]);
    if (process.env.TRACE_DIR)
      writeFileSync(
        join(process.env.TRACE_DIR, `append-${kind}-${n}.json`),
        JSON.stringify(traces[kind]),
      );
  }
  const out = { nodes };
  for (const kind of KINDS) {
    const at = pages[kind];
    out[kind] = {
      task: median(at.task),
      thread: median(at.thread),
      style: median(at.style),
      layout: median(at.layout),
      latency: at.latency.length ? median(at.latency) : undefined,
      longTask: at.longTask,
      longFrame: at.longFrame,
      // Every append's own numbers, in rounds: the nth of each page ran side by side.
      each: { task: at.task, thread: at.thread, style: at.style, layout: at.layout },
      marks: kind === 'bench' ? await countMarks(at.page, '[data-trending-rank]', trending) : null,
      expected: expectedMarks(n + 20 * appends, trending),
    };
  }
  for (const kind of KINDS) await pages[kind].page.close();
  return out;
}

/**
 * The extension's own script in a trace: every top-level call into the content script (its
 * `FunctionCall` events name its chrome-extension:// URL), their total and the longest one.
 */
function extensionScript(events) {
  const calls = events
    .filter(
      (e) =>
        e.name === 'FunctionCall' &&
        e.ph === 'X' &&
        String(e.args?.data?.url ?? '').startsWith('chrome-extension://'),
    )
    .sort((a, b) => a.ts - b.ts);
  let total = 0;
  let longest = 0;
  let end = 0;
  for (const e of calls) {
    if (e.ts < end) continue; // nested in a call already counted
    end = e.ts + e.dur;
    total += e.dur / 1000;
    longest = Math.max(longest, e.dur / 1000);
  }
  return { total, longest, calls: calls.length };
}

/** PROFILE=bench|markjs: the functions with the most self time during that page's load. */
function printProfile(profile) {
  const self = new Map();
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0) / 1000);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 20));
  for (const [key, ms] of top) console.log(`${ms.toFixed(1).padStart(8)} ms  ${key}`);
}

const fmt = (x) => (x === undefined || Number.isNaN(x) ? '–' : `${Math.round(x)}`);

/** The page-load table: every kind of page, RUNS times, then one traced load of the extension's. */
async function loadTable(ext, port, trending, expected) {
  const KINDS = ['plain', 'bench', 'late', 'markjs', 'untrending'];
  const rows = Object.fromEntries(KINDS.map((k) => [k, []]));
  for (let r = 0; r < RUNS; r++) {
    for (const kind of KINDS) {
      const result = await measureLoad(ext, port, kind, N, trending);
      await result.page.close();
      rows[kind].push(result);
    }
  }
  // One more load of each of the extension's pages, traced (tracing slows the page, so it is not
  // in the costs above): the extension's own script calls, their total and the longest one.
  const traced = {};
  for (const kind of ['bench', 'late']) {
    const result = await measureLoad(ext, port, kind, N, trending, { trace: true });
    await result.page.close();
    traced[kind] = extensionScript(result.trace);
  }
  const metric = (kind, key) => median(rows[kind].map((r) => r.cost[key]));
  if (process.env.RAW) {
    for (const kind of KINDS) {
      const list = (key) => rows[kind].map((r) => Math.round(r.cost[key])).join(' ');
      console.log(`${kind}: TaskDuration ${list('task')} | ThreadTime ${list('thread')}`);
    }
  }
  /** The median cost over the unhighlighted page, and the per-run ratios to mark.js's. */
  const summary = (kind) => {
    const rs = rows[kind];
    const m = (f) => median(rs.map(f));
    const cost = (key) => metric(kind, key) - metric('plain', key);
    const ratios = rs.map(
      (r, i) =>
        (r.cost.task - rows.plain[i].cost.task) /
        (rows.markjs[i].cost.task - rows.plain[i].cost.task),
    );
    return {
      task: cost('task'),
      script: cost('script'),
      style: cost('style'),
      layout: cost('layout'),
      other: cost('other'),
      thread: cost('thread'),
      ratios,
      first: m((r) => r.probes.firstMark),
      afterList: m((r) => r.probes.firstMark - r.probes.listArrived),
      all: m((r) => r.probes.lastMark),
      longTask: m((r) => r.probes.longestTask),
      longFrame: m((r) => r.probes.longestFrame),
      marks: rs
        .map((r) => `${r.marks.good}${r.marks.bad ? `+${r.marks.bad} extra` : ''}`)
        .join('/'),
    };
  };
  const ours = summary('bench');
  const late = summary('late');
  const markjs = summary('markjs');
  const idle = summary('untrending');
  const page = {
    dcl: median(rows.plain.map((r) => r.probes.dcl)),
    longTask: median(rows.plain.map((r) => r.probes.longestTask)),
    longFrame: median(rows.plain.map((r) => r.probes.longestFrame)),
  };
  const cols = (f) => `| ${f(ours)} | ${f(late)} | ${f(markjs)} |`;
  const ratio = (x) => {
    const sorted = [...x.ratios].sort((a, b) => a - b);
    return `${(x.task / markjs.task).toFixed(2)} / ${median(sorted).toFixed(2)} (${sorted[0].toFixed(2)}–${sorted.at(-1).toFixed(2)})`;
  };
  console.log('');
  console.log(
    `| ${N} items, from navigation start until settled | Hashtag Radar, page load | Hashtag Radar, list arrives on the loaded page | mark.js 8 markRegExp |`,
  );
  console.log('|---|---|---|---|');
  console.log(
    `| main-thread cost (TaskDuration − unhighlighted page), ms ${cols((x) => fmt(x.task))}`,
  );
  console.log(
    `| … of which script / style / layout / other, ms ${cols((x) => `${fmt(x.script)} / ${fmt(x.style)} / ${fmt(x.layout)} / ${fmt(x.other)}`)}`,
  );
  console.log(
    `| main-thread CPU time (ThreadTime − unhighlighted page), ms ${cols((x) => fmt(x.thread))}`,
  );
  console.log(
    `| ratio to mark.js (TaskDuration): of the medians / median of each run's own (range) | ${ratio(ours)} | ${ratio(late)} | 1.00 |`,
  );
  console.log(`| marks found (expected ${expected}) ${cols((x) => x.marks)}`);
  console.log(
    `| first marks after navigation start (DOMContentLoaded at ${fmt(page.dcl)}), ms ${cols((x) => fmt(x.first))}`,
  );
  console.log(
    `| first marks after the list arrived, ms | ${fmt(ours.afterList)} | ${fmt(late.afterList)} | – |`,
  );
  console.log(`| all marks in place after navigation start, ms ${cols((x) => fmt(x.all))}`);
  console.log(
    `| the extension's script, traced: total / longest single call, ms | ${fmt(traced.bench.total)} / ${fmt(traced.bench.longest)} | ${fmt(traced.late.total)} / ${fmt(traced.late.longest)} | – |`,
  );
  console.log(
    `| longest task after DOMContentLoaded, ms (page alone: ${fmt(page.longTask)}) ${cols((x) => fmt(x.longTask))}`,
  );
  console.log(
    `| longest animation frame after DOMContentLoaded, ms (page alone: ${fmt(page.longFrame)}) ${cols((x) => fmt(x.longFrame))}`,
  );
  console.log(
    `| the extension on the same page without trending tags (scan only): TaskDuration / ThreadTime, ms | ${fmt(idle.task)} / ${fmt(idle.thread)} | – | – |`,
  );
}

async function main() {
  await stat(join(EXT_DIR, 'manifest.json')).catch(() => {
    throw new Error(`No build at ${EXT_DIR}: run npm run build (or set EXT_DIR).`);
  });
  const contentJs = readFileSync(join(EXT_DIR, 'content-scripts/tiktok.js'));
  CONTENT_CSS = readFileSync(join(EXT_DIR, 'content-scripts/tiktok.css'), 'utf8');
  // The server needs the names before the pages exist; the set needs a running browser: a first
  // browser reads the set, then the server and a fresh browser run the measurements.
  const probeServer = await startServer(['fyp']);
  const probe = await launch(probeServer.address().port);
  const set = await highlightSet(probe);
  await probe.close();
  probeServer.close();
  const trending = usableNames(set.tags.map((t) => t.name));
  const server = await startServer(trending);
  const port = server.address().port;
  const ext = await launch(port);
  await highlightSet(ext);

  const expected = expectedMarks(N, trending);
  console.log(
    `Highlight bench: ${N} items, ${trending.length} trending names (sample data, depth ${set.tags.length}), ${expected} expected marks, ${RUNS} runs (median); pages sent in ${CHUNKS} pieces ${CHUNK_GAP_MS} ms apart${args['positioned-items'] ? '; items positioned (a paint layer each)' : ''}`,
  );
  console.log(
    `Chromium: ${ext.context.browser()?.version() ?? (await ext.worker.evaluate(() => navigator.userAgent)).match(/Chrome\/[\d.]+/)?.[0]}; content script ${contentJs.length} B raw, ${gzipSync(contentJs, { level: 9 }).length} B gzip at first load`,
  );

  if (!args['appends-only']) await loadTable(ext, port, trending, expected);

  if (APPEND_SIZES.length > 0) {
    console.log('');
    console.log(
      `| 20 items appended to a feed of | highlight cost: TaskDuration / ThreadTime (− unhighlighted), ms | ${args['ideal-control'] ? "… the marks' nodes, held and written by the page itself: ideal control − unhighlighted, ms | … the extension's own work: extension − ideal control, ms" : '… holding the marks: control − unhighlighted, ms | … processing the new items: extension − control, ms'} | … of which style / layout, ms | the append itself without highlighter: TaskDuration, ms | marks in place after the append, ms | longest task / animation frame, ms | marks (expected) |`,
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    const costs = [];
    for (const n of APPEND_SIZES) {
      const runs = [];
      for (let r = 0; r < RUNS; r++) runs.push(await measureAppend(ext, port, n, trending));
      // Paired: each round's append on one page against the same round's on the other.
      const between = (a, b, key) =>
        median(runs.flatMap((x) => x[a].each[key].map((v, k) => v - x[b].each[key][k])));
      const cost = {
        task: between('bench', 'plain', 'task'),
        thread: between('bench', 'plain', 'thread'),
        holding: between('control', 'plain', 'task'),
        processing: between('bench', 'control', 'task'),
      };
      costs.push(cost);
      const last = runs.at(-1);
      const mismatch = runs.find((x) => x.nodes.bench !== x.nodes.control)?.nodes;
      if (mismatch)
        console.log(
          `(control differs from the extension's page: ${mismatch.control} nodes vs ${mismatch.bench})`,
        );
      console.log(
        `| ${n} | ${fmt(cost.task)} / ${fmt(cost.thread)} | ${fmt(cost.holding)} | ${fmt(cost.processing)} | ${fmt(between('bench', 'plain', 'style'))} / ${fmt(between('bench', 'plain', 'layout'))} | ${fmt(median(runs.map((x) => x.plain.task)))} | ${fmt(median(runs.map((x) => x.bench.latency)))} | ${fmt(Math.max(...runs.map((x) => x.bench.longTask)))} / ${fmt(Math.max(...runs.map((x) => x.bench.longFrame)))} (page alone: ${fmt(Math.max(...runs.map((x) => x.plain.longTask)))} / ${fmt(Math.max(...runs.map((x) => x.plain.longFrame)))}) | ${last.bench.marks.good}${last.bench.marks.bad ? `+${last.bench.marks.bad} extra` : ''} (${last.bench.expected}) |`,
      );
      if (process.env.RAW) {
        for (const kind of ['plain', 'control', 'bench'])
          console.log(
            `  ${kind}: ${runs.map((x) => x[kind].each.task.map(Math.round).join(' ')).join(' | ')}`,
          );
      }
    }
    if (costs.length >= 2) {
      // A ratio of costs within a millisecond of nothing says nothing: the two values instead.
      const ratio = (k) =>
        costs[0][k] >= 1
          ? (costs.at(-1)[k] / costs[0][k]).toFixed(2)
          : `– (${fmt(costs[0][k])} and ${fmt(costs.at(-1)[k])} ms)`;
      console.log(
        `\nappend cost ratio ${APPEND_SIZES.at(-1)} / ${APPEND_SIZES[0]}: TaskDuration ${ratio('task')}, ThreadTime ${ratio('thread')}; ${args['ideal-control'] ? "the extension's own work (− ideal control)" : 'processing the new items (− control)'} ${ratio('processing')}`,
      );
    }
  }
  await ext.close();
  server.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
