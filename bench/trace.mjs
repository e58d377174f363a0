/**
 * Chromium traces for the benches (CDP Tracing): start one, and read its renderer main threads —
 * self time per event (`printTrace`, bench/highlight.mjs) or one page's load as a timeline
 * (`pageTimeline`, bench/popup.bench.ts).
 */

/**
 * Starts a Chromium trace (timeline, script and GC categories) through a page's DevTools session;
 * it covers every renderer. Returns a function that stops it and yields the events.
 */
export async function startTrace(cdp, { samples = false } = {}) {
  const events = [];
  const collect = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8',
        'v8.gc',
        'blink',
        'blink.user_timing',
        'toplevel',
        // The JS sampling profiler's samples, as ProfileChunk events (`hotFunctions`).
        ...(samples ? ['disabled-by-default-v8.cpu_profiler'] : []),
      ],
    },
  });
  return async () => {
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

/** Self time per trace event name on the renderer main thread(s), and the longest tasks. */
export function printTrace(label, events) {
  const mains = events
    .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => [e.pid, e.tid]);
  const self = new Map();
  const total = new Map();
  for (const [pid, tid] of mains) {
    const spans = threadSpans(events, pid, tid);
    for (const s of spans) {
      self.set(s.name, (self.get(s.name) ?? 0) + Math.max(s.self, 0) / 1000);
      total.set(s.name, (total.get(s.name) ?? 0) + (s.end - s.ts) / 1000);
    }
    // The long top-level tasks, each with its biggest parts (self time).
    const t0 = spans[0]?.ts ?? 0;
    let task = null;
    const parts = new Map();
    const flush = () => {
      if (task && task.end - task.ts > 30_000) {
        const top = [...parts]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 6)
          .map(([n, us]) => `${n} ${(us / 1000).toFixed(0)}`)
          .join(', ');
        console.log(
          `  task at ${((task.ts - t0) / 1000).toFixed(0)} ms: ${((task.end - task.ts) / 1000).toFixed(0)} ms — ${top}`,
        );
      }
      parts.clear();
    };
    for (const s of spans) {
      if (!task || s.ts >= task.end) {
        flush();
        task = s;
      }
      parts.set(s.name, (parts.get(s.name) ?? 0) + Math.max(s.self, 0));
    }
    flush();
  }
  console.log(`trace ${label}: self / total ms per event on the renderer main thread`);
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TRACE_TOP ?? 25));
  for (const [name, ms] of top)
    console.log(`${ms.toFixed(1).padStart(8)} ${total.get(name).toFixed(1).padStart(8)}  ${name}`);
}

/** Complete spans (X events, and B/E pairs) of one thread, by start, each with its self time. */
function threadSpans(events, pid, tid) {
  const spans = [];
  const open = [];
  const list = events
    .filter((e) => e.pid === pid && e.tid === tid && ['X', 'B', 'E'].includes(e.ph))
    .sort((a, b) => a.ts - b.ts);
  for (const e of list) {
    if (e.ph === 'X') spans.push({ name: e.name, ts: e.ts, end: e.ts + (e.dur ?? 0) });
    else if (e.ph === 'B') open.push(e);
    else {
      const b = open.pop();
      if (b) spans.push({ name: b.name, ts: b.ts, end: e.ts });
    }
  }
  spans.sort((a, b) => a.ts - b.ts || b.end - a.end);
  const stack = [];
  for (const s of spans) {
    while (stack.length && stack.at(-1).end <= s.ts) stack.pop();
    s.self = s.end - s.ts;
    s.top = stack.length === 0;
    if (stack.length) stack.at(-1).self -= s.end - s.ts;
    stack.push(s);
  }
  return spans;
}

/** What a trace event's own time is spent on, for the timeline's columns. */
const KINDS = [
  [
    'script',
    /^(EvaluateScript|FunctionCall|v8\.|V8\.|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|BlinkScheduler_PerformMicrotaskCheckpoint)/,
  ],
  ['HTML', /^(ParseHTML|HTMLDocumentParser)/],
  [
    'style',
    /^(UpdateLayoutTree|Document::(recalcStyle|rebuildLayoutTree|updateStyle|updateActiveStyle)|ParseAuthorStyleSheet|CSSParserImpl|RuleSet|StyleEngine|Blink\.Style)/,
  ],
  ['layout', /^(Layout|LocalFrameView::performLayout|InlineNode|LayoutBlock|Blink\.Layout)/],
  [
    'paint',
    /^(Paint|PrePaint|Commit|Layerize|PaintArtifactCompositor|Canvas|CanvasResource|Canvas2D|PaintImage|Blink\.(Paint|PrePaint|CompositingCommit|CompositingInputs)|LocalFrameView::RunCompositingInputsLifecyclePhase|CullRectUpdate|UpdateLayer)/,
  ],
  [
    'loading',
    /^(ResourceFetcher|ResponseBodyLoader|Resource::|ResourceReceive|Receive mojo|SimpleWatcher)/,
  ],
];
const kindOf = (name) => KINDS.find(([, re]) => re.test(name))?.[0] ?? 'other';

/**
 * One page load as a timeline of the main thread of its renderer, from navigation start until
 * `until` ms (when the page's probe noted the row drawn; the probe marks it as the user timing
 * `row-drawn`, which also tells the page's thread and navigation start apart from the others'): its
 * busy time by kind (script, HTML, style, layout, paint, loading, other) and idle time, the
 * moments that mark its progress, every task of 2 ms or more with what took its time, and the
 * busy time of the same renderer's other threads (the service worker, for an extension page).
 */
export function pageTimeline(label, events, url, until) {
  const mark = events.filter((e) => e.name === 'row-drawn').at(-1);
  if (!mark) return `${label}: no row-drawn mark in the trace`;
  const t0 = mark.ts - until * 1000;
  const end = mark.ts;
  const ms = (us) => (us / 1000).toFixed(1);
  const at = (ts) => ms(ts - t0).padStart(6);
  const spans = threadSpans(events, mark.pid, mark.tid).filter((s) => s.ts >= t0 && s.ts < end);
  const byKind = new Map();
  for (const s of spans)
    byKind.set(kindOf(s.name), (byKind.get(kindOf(s.name)) ?? 0) + Math.max(0, s.self));
  const busy = spans
    .filter((s) => s.top)
    .reduce((sum, s) => sum + (Math.min(s.end, end) - s.ts), 0);
  const lines = [
    `${label}: ${url}`,
    `  main thread, navigation start → row drawn (${ms(end - t0)} ms): busy ${ms(busy)} ms (` +
      [...byKind]
        .sort((a, b) => b[1] - a[1])
        .map(([k, us]) => `${k} ${ms(us)}`)
        .join(', ') +
      `), idle ${ms(end - t0 - busy)} ms`,
  ];
  const first = (re) => spans.find((s) => re.test(s.name));
  const moments = [
    ['HTML parsed', first(/^ParseHTML$/)],
    ['first script run', first(/^(EvaluateScript|v8\.evaluateModule)$/)],
  ];
  const paints = events.filter(
    (e) => e.pid === mark.pid && e.ts >= t0 && e.ts <= end && e.name === 'firstContentfulPaint',
  );
  lines.push(
    '  ' +
      [
        ...moments.filter(([, s]) => s).map(([name, s]) => `${name} at ${at(s.ts).trim()}`),
        ...paints.slice(-1).map((e) => `first contentful paint at ${at(e.ts).trim()}`),
        `row drawn at ${at(end).trim()} ms`,
      ].join(' · '),
  );
  for (const task of spans.filter((s) => s.top && s.end - s.ts >= 2000)) {
    const parts = new Map();
    for (const s of spans) {
      if (s.ts >= task.ts && s.end <= task.end && s.self > 0)
        parts.set(s.name, (parts.get(s.name) ?? 0) + s.self);
    }
    const top = [...parts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([n, us]) => `${n} ${ms(us)}`);
    lines.push(`  ${at(task.ts)} ms  +${ms(task.end - task.ts).padStart(5)}  ${top.join(', ')}`);
  }
  const names = new Map(
    events
      .filter((e) => e.name === 'thread_name' && e.pid === mark.pid)
      .map((e) => [e.tid, e.args?.name]),
  );
  for (const [tid, name] of names) {
    if (tid === mark.tid) continue;
    const others = threadSpans(events, mark.pid, tid).filter(
      (s) => s.top && s.ts >= t0 && s.ts < end,
    );
    const total = others.reduce((sum, s) => sum + (Math.min(s.end, end) - s.ts), 0);
    if (total >= 1000) lines.push(`  same renderer, ${name}: busy ${ms(total)} ms`);
  }
  const hot = hotFunctions(events, mark.pid, mark.tid, t0, end);
  if (hot.length)
    lines.push('  hottest functions (sampled self time):', ...hot.map((h) => `  ${h}`));
  return lines.join('\n');
}

/**
 * The functions with the most self time on one thread between two trace times, from the sampling
 * profiler's events (a trace started with `samples`): a `Profile` event gives each profile's start,
 * its `ProfileChunk`s the call-frame nodes and the samples with their time deltas.
 */
export function hotFunctions(events, pid, tid, from, to, top = 20) {
  const clock = new Map();
  for (const e of events) {
    if (e.name === 'Profile' && e.pid === pid && e.tid === tid)
      clock.set(e.id, e.args.data.startTime);
  }
  const frames = new Map();
  const self = new Map();
  const chunks = events
    .filter((e) => e.name === 'ProfileChunk' && e.pid === pid && clock.has(e.id))
    .sort((a, b) => a.ts - b.ts);
  for (const e of chunks) {
    const { cpuProfile = {}, timeDeltas = [] } = e.args.data;
    for (const node of cpuProfile.nodes ?? []) frames.set(`${e.id}:${node.id}`, node.callFrame);
    const samples = cpuProfile.samples ?? [];
    let ts = clock.get(e.id);
    for (let i = 0; i < samples.length; i++) {
      ts += timeDeltas[i] ?? 0;
      const frame = frames.get(`${e.id}:${samples[i]}`);
      const spent = timeDeltas[i + 1] ?? 0;
      if (!frame || ts < from || ts > to) continue;
      const name = frame.functionName || '(anonymous)';
      const key = `${name} ${String(frame.url).split('/').pop()}:${frame.lineNumber}:${frame.columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + spent);
    }
    clock.set(e.id, ts);
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => `${(us / 1000).toFixed(1).padStart(7)} ms  ${key}`);
}
