/**
 * Keeps a page's hashtag marks in line with the trending set while the page changes under it.
 *
 * A list that arrives while the page is still parsed (the usual case: the content script starts
 * with the document) is applied as the parser goes: each frame, a stream scan reads what the parser
 * added since the last one and marks it before that frame first lays it out, so marking costs no
 * render of its own. When parsing ends, the observer takes over, and one read-only scan of what the
 * stream did not read catches what the page's scripts inserted meanwhile.
 *
 * A list that arrives on a loaded page (a refresh, a changed setting) means a whole-page pass:
 * scanned in idle slices (reading only, what is on screen first), then written in as few frames as
 * possible: once for what is in or near the viewport, once for the rest — every frame after DOM
 * writes re-renders the page, so writes are never sliced.
 *
 * Then one MutationObserver whose callback only queues the added subtrees; they are scanned and
 * marked in the next frame, before the page's own style and layout. Nothing happens while the tab
 * is hidden. No `browser.*` here: the content script wires it up.
 */
import { normalizeTagName } from './grammar';
import { isTagLinkCandidate } from './links';
import { MarkStore } from './marks';
import {
  OWN_UI_TAG,
  RANK_ATTRIBUTE,
  ScanJob,
  StreamScan,
  WRAPPER_TAG,
  type PendingMark,
  type RankLookup,
} from './scan';

export interface RankedName {
  name: string;
  rank: number;
}

export interface HighlighterOptions {
  /** Called with the number of distinct trending hashtags on the page whenever it changes. */
  onCount?: (count: number) => void;
  /** Called after each batch of the page's changes is handled (marks written or not). */
  onUpdate?: () => void;
  /** Ends everything: observer, timers, listeners; marks are removed. */
  signal: AbortSignal;
  /** Time a scan slice may take when the browser gives no idle deadline (ms). */
  sliceMs?: number;
}

const TEXT = 3;
const ELEMENT = 1;
const MAX_SLICE_MS = 12;
/** Scan time a frame may spend on the page's own changes before the rest goes to idle time. */
const FRAME_BUDGET_MS = 6;
/** childList for added and emptied items; characterData for text React rewrites in place. */
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

function sameRanks(a: RankLookup, b: RankLookup): boolean {
  if (a.size !== b.size) return false;
  for (const [name, rank] of a) if (b.get(name) !== rank) return false;
  return true;
}

/** Where an element is: in or within one screen of the viewport, below that, or elsewhere. */
function viewportPlace(element: Element, height: number): 'near' | 'below' | 'hidden' {
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return 'hidden';
  if (rect.top >= 2 * height) return 'below';
  return rect.bottom > -height ? 'near' : 'hidden';
}

export class Highlighter {
  private readonly store: MarkStore;
  private readonly observer: MutationObserver;
  private ranks: RankLookup = new Map();
  private enabled = false;
  private readonly roots = new Set<Node>();
  private readonly undoQueue = new Set<Node>();
  private jobs: ScanJob[] = [];
  private found: PendingMark[] = [];
  private scheduled = false;
  private lastCount = -1;
  private readonly win: Window & typeof globalThis;
  /** Resolves listeners of `settled()`. */
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly document: Document,
    private readonly options: HighlighterOptions,
  ) {
    this.win = document.defaultView as Window & typeof globalThis;
    this.store = new MarkStore(document);
    this.observer = new MutationObserver((records) => this.queue(records));
    const onVisible = () => {
      if (this.document.visibilityState === 'visible') this.schedule();
    };
    // Parsing is over: the stream scan marks the parser's last batch now, before the page lays it
    // out (Blink does, right after this event), and before the page's deferred scripts run.
    const onReady = () => {
      if (this.stream === null || this.document.readyState === 'loading') return;
      if (this.document.visibilityState === 'hidden') return;
      this.followParser();
    };
    document.addEventListener('visibilitychange', onVisible);
    document.addEventListener('readystatechange', onReady);
    options.signal.addEventListener(
      'abort',
      () => {
        document.removeEventListener('visibilitychange', onVisible);
        document.removeEventListener('readystatechange', onReady);
        this.stop();
      },
      { once: true },
    );
  }

  /** Sets the trending names to mark; an empty list or `enabled: false` removes every mark at once. */
  setTags(tags: readonly RankedName[], enabled = true): void {
    if (this.options.signal.aborted) return;
    const ranks = new Map<string, number>();
    for (const tag of tags) {
      const key = normalizeTagName(tag.name);
      if (!ranks.has(key)) ranks.set(key, tag.rank);
    }
    const on = enabled && ranks.size > 0;
    // The same list again (another filter set's cache changed): nothing to redo.
    if (on && this.enabled && sameRanks(ranks, this.ranks)) return;
    this.ranks = ranks;
    this.enabled = on;
    this.generation++;
    this.afterStream = null;
    this.jobs = [];
    this.found = [];
    if (!this.enabled) {
      this.stop();
      this.report();
      return;
    }
    // While the page is still parsed, the stream scan follows the parser, marking what it added
    // each frame before that frame first lays it out, so no frame of ours re-renders the page; the
    // observer waits for the end of parsing (see `endStream`). A loaded page gets the whole-page pass.
    const loading = this.document.readyState === 'loading';
    this.stream = loading ? new StreamScan(this.document, ranks) : null;
    if (loading) this.unobserve();
    else this.observe();
    this.discardOwnRecords(() => {
      for (const parent of this.store.rerank(ranks)) this.undoQueue.add(parent);
    });
    this.roots.clear();
    if (!loading && this.document.body) this.roots.add(this.document.body);
    this.fullPass = !loading;
    this.schedule();
  }

  /** The normalized trending name of a mark we made, for the hover card. */
  nameOf(element: Element): string | undefined {
    return this.store.nameOf(element);
  }

  /** The distinct trending names marked on the page (normalized), as last counted. */
  names(): string[] {
    return this.store.names();
  }

  /** Says the page's distinct count again (after in-app navigation), even if unchanged. */
  recount(): void {
    this.lastCount = -1;
    this.removalsSeen = true;
    if (this.enabled) this.report();
  }

  /** Resolves when no work is queued (for tests). */
  settled(): Promise<void> {
    if (!this.busy()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private busy(): boolean {
    return (
      this.stream !== null ||
      this.scheduled ||
      this.roots.size > 0 ||
      this.jobs.length > 0 ||
      this.found.length > 0
    );
  }

  private observed = false;

  private observe(): void {
    if (this.observed) return;
    this.observer.observe(this.document.documentElement, OBSERVE);
    this.observed = true;
  }

  private unobserve(): void {
    this.observer.disconnect();
    this.observed = false;
  }

  private stop(): void {
    this.stream = null;
    this.afterStream = null;
    this.fullPass = false;
    this.unobserve();
    this.cancelTimers();
    this.roots.clear();
    this.undoQueue.clear();
    this.jobs = [];
    this.found = [];
    this.store.clear();
    this.lastCount = -1;
    this.wake();
  }

  /** The observer's callback: remembers what changed, nothing more. */
  private queue(records: MutationRecord[]): void {
    for (const record of records) {
      const target = record.target;
      if (record.type === 'characterData') {
        if (this.store.isCreated(target)) continue;
        if (this.store.isShortened(target)) {
          // The page rewrote a text node we split: its new text is the truth; redo the parent.
          this.store.adoptText(target);
          if (target.parentNode) this.undoQueue.add(target.parentNode);
        } else if (
          target.parentNode &&
          ((target as Text).data.includes('#') ||
            // Text of a link we marked lost its `#`: the mark may have to go.
            target.parentElement?.closest(`[${RANK_ATTRIBUTE}]`))
        ) {
          this.roots.add(target.parentNode);
        }
        continue;
      }
      if (record.removedNodes.length > 0) this.removalsSeen = true;
      if (record.removedNodes.length > 0 && this.store.isTouched(target)) {
        // The page removed nodes next to our wrappers: they may be orphans now.
        this.undoQueue.add(target);
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === ELEMENT) {
          const name = (node as Element).localName;
          if (name !== WRAPPER_TAG && name !== OWN_UI_TAG) this.roots.add(node);
        } else if (node.nodeType === TEXT && !this.store.isCreated(node)) {
          this.roots.add(target);
        }
      }
    }
    // Removals alone are scheduled too: the badge count may have dropped.
    if (this.roots.size > 0 || this.undoQueue.size > 0 || this.removalsSeen) this.schedule();
  }

  /**
   * Runs `write` with the observer disconnected: our own mutations are not news, and not observing
   * them saves creating thousands of records. The page's pending records are queued first.
   */
  private discardOwnRecords(write: () => void): void {
    const pending = this.observer.takeRecords();
    if (pending.length > 0) this.queue(pending);
    if (!this.observed) return write();
    this.observer.disconnect();
    try {
      write();
    } finally {
      this.observer.observe(this.document.documentElement, OBSERVE);
    }
  }

  /**
   * A whole-page pass (a new list) is scanned in idle time, on-screen part first; the page's own
   * changes (a few items appended, refilled) are handled in the next frame, before its style and
   * layout, so our writes ride on the render the page pays for anyway.
   */
  private schedule(): void {
    if (this.scheduled || !this.enabled || this.options.signal.aborted) return;
    if (this.document.visibilityState === 'hidden') return;
    if (this.fullPass) return this.processInIdle();
    this.scheduled = true;
    this.frame(() => {
      this.scheduled = false;
      this.processInFrame();
    });
  }

  /** Goes on (or starts) scanning in the next idle period. */
  private processInIdle(): void {
    this.scheduled = true;
    this.idle((deadline) => {
      this.scheduled = false;
      this.process(deadline);
    });
  }

  /** Writes the marks found so far for the current list. */
  private writeFound(): void {
    const found = this.found;
    this.found = [];
    if (found.length > 0) this.write(found, this.generation);
  }

  /** A whole-page pass is under way (setTags): scan what is on screen first, write it at once. */
  private fullPass = false;
  /** Set while the page is parsed (setTags during loading): the scan that follows the parser. */
  private stream: StreamScan | null = null;

  private undoQueued(): void {
    if (this.undoQueue.size === 0) return;
    const parents = [...this.undoQueue];
    this.undoQueue.clear();
    this.discardOwnRecords(() => {
      for (const parent of parents) this.store.undo(parent);
    });
    for (const parent of parents) if (parent.isConnected) this.roots.add(parent);
  }

  /** Small batches: scan and write within this frame; a batch too big for it goes on in idle time. */
  private processInFrame(): void {
    if (!this.enabled || this.options.signal.aborted) return this.wake();
    if (this.document.visibilityState === 'hidden') return;
    this.undoQueued();
    if (this.stream !== null) return this.followParser();
    this.startJobs();
    const end = performance.now() + FRAME_BUDGET_MS;
    const shouldYield = () => performance.now() > end;
    while (this.jobs.length > 0) {
      if (!this.jobs[0].run(shouldYield)) {
        return this.processInIdle();
      }
      this.jobs.shift();
    }
    this.writeFound();
    this.finish();
  }

  /**
   * The stream scan's turn (a frame while the page loads, or the end of parsing): marks all the
   * parser added since the last one, unbudgeted (deferring any of it would cost a render of its
   * own later, and this frame lays those nodes out anyway); once parsing is over, ends the stream.
   */
  private followParser(): void {
    if (this.document.readyState === 'loading') this.stream!.run(true, this.found);
    else this.endStream();
    this.writeFound();
    this.finish();
  }

  private idleId: number | null = null;
  private frameId: number | null = null;

  private idle(callback: (deadline: IdleDeadline | null) => void): void {
    const run = (deadline: IdleDeadline | null) => {
      this.idleId = null;
      callback(deadline);
    };
    this.idleId =
      typeof this.win.requestIdleCallback === 'function'
        ? this.win.requestIdleCallback(run, { timeout: 50 })
        : this.win.setTimeout(() => run(null), 0);
  }

  private frame(callback: () => void): void {
    this.frameId = this.win.requestAnimationFrame(() => {
      this.frameId = null;
      callback();
    });
  }

  private cancelTimers(): void {
    if (this.idleId !== null) {
      if (typeof this.win.cancelIdleCallback === 'function')
        this.win.cancelIdleCallback(this.idleId);
      else this.win.clearTimeout(this.idleId);
    }
    if (this.frameId !== null) this.win.cancelAnimationFrame(this.frameId);
    this.idleId = this.frameId = null;
    this.scheduled = false;
  }

  private process(deadline: IdleDeadline | null): void {
    if (!this.enabled || this.options.signal.aborted) return this.wake();
    if (this.document.visibilityState === 'hidden') return;
    this.undoQueued();
    if (this.jobs.length === 0) this.nearWritten = false;
    this.startJobs();
    const now = performance.now();
    // Idle periods last up to 50 ms; a slice stays well under a long task either way.
    const sliceEnd =
      now +
      (deadline !== null && !deadline.didTimeout ? MAX_SLICE_MS : (this.options.sliceMs ?? 8));
    const shouldYield = () =>
      performance.now() > sliceEnd ||
      (deadline !== null && !deadline.didTimeout && deadline.timeRemaining() < 1);
    while (this.jobs.length > 0) {
      const job = this.jobs[0];
      const done = job.run(shouldYield);
      // What is on screen is known: write it now, in one frame, and scan the rest meanwhile.
      if (job.nearComplete && !this.nearWritten) this.writeNearNow();
      if (!done) {
        // Out of time: carry on in the next idle period.
        return this.processInIdle();
      }
      this.jobs.shift();
    }
    const found = this.found;
    this.found = [];
    this.fullPass = false;
    if (found.length === 0) return this.finish();
    const [near, rest] = this.partition(found);
    const generation = this.generation;
    this.scheduled = true;
    this.frame(() => {
      this.write(near.length > 0 ? near : rest, generation);
      if (near.length === 0 || rest.length === 0) {
        this.scheduled = false;
        return this.finish();
      }
      this.idle(() => {
        this.write(rest, generation);
        this.scheduled = false;
        this.finish();
      });
    });
  }

  private nearWritten = false;

  /**
   * Parsing is over: the stream scan reads to the end, and the observer follows the page from now
   * on. What the page's scripts changed during parsing behind the stream's position is caught by
   * one more whole-page scan (a few ms in the next frame, the rest in idle time). Observing while
   * the page is parsed was measured to cost more: the parser reports every node it inserts.
   */
  private endStream(): void {
    const stream = this.stream;
    if (stream === null) return;
    // Cards (links without `#name` text) are left to the check below, which reads every link the
    // stream did not.
    stream.run(false, this.found, false);
    this.stream = null;
    this.observe();
    // Read-only unless it finds something: no on-screen-first order (that measures the page), and
    // what the stream read (or we wrote) is passed over: only nodes new to it are read.
    this.afterStream = (node) => stream.seen(node) || this.store.isCreated(node);
    if (this.document.body) this.roots.add(this.document.body);
    // Nodes the page removed meanwhile may have held marks.
    this.removalsSeen = true;
  }

  /** For the check after the stream scan: what needs no second reading. */
  private afterStream: ((node: Node) => boolean) | null = null;

  /**
   * Splits marks into those in or near the viewport and the rest. Marks come in document order,
   * which on a feed is screen order: after a run of marks below the near zone, the rest are not
   * measured (a wrong guess only delays a mark to the second write).
   */
  private partition(marks: PendingMark[]): [PendingMark[], PendingMark[]] {
    const height = this.win.innerHeight;
    const near: PendingMark[] = [];
    const rest: PendingMark[] = [];
    let below = 0;
    for (const mark of marks) {
      if (below >= 32) {
        rest.push(mark);
        continue;
      }
      const element =
        mark.kind !== 'text'
          ? mark.element
          : mark.parent.nodeType === ELEMENT
            ? (mark.parent as Element)
            : null;
      const place = element === null ? 'hidden' : viewportPlace(element, height);
      below = place === 'below' ? below + 1 : 0;
      (place === 'near' ? near : rest).push(mark);
    }
    return [near, rest];
  }

  /** A node lies below the near-viewport zone (hidden nodes do not count as below). */
  private readonly pastViewport = (node: Node): boolean => {
    const element = node.nodeType === ELEMENT ? (node as Element) : node.parentElement;
    return element !== null && viewportPlace(element, this.win.innerHeight) === 'below';
  };

  private writeNearNow(): void {
    this.nearWritten = true;
    const [near, rest] = this.partition(this.found);
    // In place: running scan jobs keep appending to this array.
    this.found.length = 0;
    for (const mark of rest) this.found.push(mark);
    const generation = this.generation;
    if (near.length > 0) this.frame(() => this.write(near, generation));
  }

  /** Marks found for an older list are dropped: `setTags` started a new pass since. */
  private generation = 0;

  private write(marks: PendingMark[], generation: number): void {
    if (!this.enabled || this.options.signal.aborted || generation !== this.generation) return;
    let stale: Node[] = [];
    this.discardOwnRecords(() => {
      stale = this.store.apply(marks);
    });
    for (const parent of stale) this.roots.add(parent);
  }

  /** Turns queued roots into scan jobs: connected ones only, each subtree once. */
  private startJobs(): void {
    if (this.roots.size === 0) return;
    const roots = [...this.roots];
    this.roots.clear();
    const queued = new Set(roots);
    const afterStream = this.afterStream;
    this.afterStream = null;
    for (const root of roots) {
      if (!root.isConnected || root.nodeType !== ELEMENT) continue;
      let covered = false;
      for (let p = root.parentNode; p !== null; p = p.parentNode) {
        if (queued.has(p)) {
          covered = true;
          break;
        }
      }
      if (covered) continue;
      const element = root as Element;
      // Inside a tag link: the link is what gets marked. Inside our wrapper: nothing to do.
      const link = element.closest('a');
      const scope = link !== null && isTagLinkCandidate(link) ? link : element;
      if (element.closest(WRAPPER_TAG) !== null) continue;
      const pastViewport = this.fullPass ? this.pastViewport : undefined;
      const skip = scope === this.document.body ? afterStream : null;
      this.jobs.push(new ScanJob(scope, this.ranks, this.found, pastViewport, skip));
    }
  }

  private finish(): void {
    // While the page loads, every frame: the parser adds nodes without telling us. (Looking on a
    // timer and asking for a frame only when the document grew was measured to cost more: the
    // page's own frame often comes first, and then the nodes are laid out twice.)
    if (this.roots.size > 0 || this.undoQueue.size > 0 || this.stream !== null) this.schedule();
    this.report();
    this.wake();
  }

  /** The page removed nodes since the last count: marks may have gone with them. */
  private removalsSeen = true;

  private report(): void {
    const count = this.store.distinctCount(this.removalsSeen);
    this.removalsSeen = false;
    if (count !== this.lastCount) {
      this.lastCount = count;
      this.options.onCount?.(count);
    }
    this.options.onUpdate?.();
  }

  private wake(): void {
    if (this.busy()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
