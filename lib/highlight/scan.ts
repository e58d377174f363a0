/**
 * The read-only half of highlighting: walks a subtree and lists the marks it needs, without touching
 * the DOM, so it can run in idle slices and be thrown away if the page changes underneath.
 *
 * Two native walks keep the JavaScript per node small: tag links come from one `querySelectorAll`,
 * and plain text from a text-only TreeWalker (elements are stepped over in C++); only text nodes
 * holding a `#` cost any JavaScript beyond reading their data.
 */
import { TAG_LINK_SELECTOR } from '../tiktok/selectors';
import {
  EXCLUDED_ANCESTOR_SELECTOR,
  findTagTokens,
  mayContainTag,
  normalizeTagName,
} from './grammar';
import { isTagLinkCandidate, linkTagName } from './links';

/** The element we wrap plain-text tokens in; a custom name TikTok's CSS has no rules for. */
export const WRAPPER_TAG = 'hashtag-radar-tag';
/** The attribute every mark carries (the product's contract). */
export const RANK_ATTRIBUTE = 'data-trending-rank';
/** Our own injected UI (the hover card's shadow host), never scanned. */
export const OWN_UI_TAG = 'hashtag-radar-card';

/** Text under these is not scanned as prose: off-limits places, tag links (marked as links), our own nodes. */
const NOT_PROSE = `${EXCLUDED_ANCESTOR_SELECTOR},${TAG_LINK_SELECTOR},${WRAPPER_TAG},${OWN_UI_TAG}`;

/** Trending names, NFC + lower case, to their rank. */
export type RankLookup = ReadonlyMap<string, number>;

export interface LinkMark {
  kind: 'link';
  element: Element;
  name: string;
  rank: number;
}

export interface RunToken {
  start: number;
  end: number;
  name: string;
  rank: number;
}

/** Trending tokens in one run of adjacent text (and comment) nodes of one parent. */
export interface TextMark {
  kind: 'text';
  parent: Node;
  /** The run's nodes in order: text nodes and the comments React puts between them. */
  nodes: ChildNode[];
  /** The run's text when scanned; a write checks it is unchanged. */
  text: string;
  tokens: RunToken[];
}

/** A link we marked that names no trending tag any more (the page reused it for another one). */
export interface UnmarkLink {
  kind: 'unlink';
  element: Element;
}

export type PendingMark = LinkMark | TextMark | UnmarkLink;

const TEXT = 3;
const COMMENT = 8;
const ELEMENT = 1;
const SHOW_TEXT = 4;

function isRunNode(node: Node | null): node is ChildNode {
  return node !== null && (node.nodeType === TEXT || node.nodeType === COMMENT);
}

/** The first node of the run `node` is in. */
function runStart(node: ChildNode): ChildNode {
  let first = node;
  while (isRunNode(first.previousSibling)) first = first.previousSibling;
  return first;
}

/**
 * What both scans share: deciding what a tag link or a run of text needs, with the answers that
 * repeat (is this parent prose? was this link seen?) cached for the scan's lifetime.
 */
abstract class Finder {
  /** Per parent element: is its text prose we may mark? */
  private readonly prose = new Map<Node, boolean>();
  /** Tag links seen, to pass over their own text (`<a><strong>#x</strong></a>`) cheaply. */
  protected readonly seenLinks = new Set<Node>();
  /** Text nodes of every run matched (filled by the stream scan, for the check after it). */
  protected seenText: Set<Node> | null = null;

  constructor(
    protected readonly ranks: RankLookup,
    protected out: PendingMark[],
  ) {}

  protected visitLink(link: Element): void {
    this.seenLinks.add(link);
    const name = linkTagName(link);
    const key = name === null ? null : normalizeTagName(name);
    const rank = key === null ? undefined : this.ranks.get(key);
    if (key === null || rank === undefined) {
      // React reuses link elements (a virtualized list): one we marked may now name another tag.
      if (link.hasAttribute(RANK_ATTRIBUTE)) this.out.push({ kind: 'unlink', element: link });
      return;
    }
    if (link.getAttribute(RANK_ATTRIBUTE) === String(rank)) return;
    if (link.closest(EXCLUDED_ANCESTOR_SELECTOR) !== null || !inBody(link)) return;
    this.out.push({ kind: 'link', element: link, name: key, rank });
  }

  /**
   * Matches the run that `node` is part of; returns the run's last node, or null (nothing done)
   * when the run ends in `open`, the node the parser may still be writing.
   */
  protected visitRun(node: Text, open: Node | null = null): Node | null {
    const parent = node.parentNode!;
    // A tag link's own text (the link is marked, not its text): the common case, decided cheaply.
    if (this.seenLinks.has(parent) || this.seenLinks.has(parent.parentNode!)) return node;
    const first = runStart(node);
    // Most runs are one text node: no array and no string are made for them.
    let text = '';
    let last: ChildNode = first;
    for (let n: ChildNode | null = first; isRunNode(n); n = n.nextSibling) {
      last = n;
      if (n.nodeType === TEXT) text = text === '' ? (n as Text).data : text + (n as Text).data;
    }
    if (last === open) return null;
    if (this.seenText !== null) {
      for (let n: ChildNode = first; ; n = n.nextSibling!) {
        this.seenText.add(n);
        if (n === last) break;
      }
    }
    const tokens: RunToken[] = [];
    for (const token of findTagTokens(text)) {
      const name = normalizeTagName(token.name);
      const rank = this.ranks.get(name);
      if (rank !== undefined) tokens.push({ start: token.start, end: token.end, name, rank });
    }
    // Where it is allowed is asked only for text that would be marked: most `#` text is not.
    if (tokens.length > 0 && this.isProse(parent)) {
      const nodes: ChildNode[] = [];
      for (let n: ChildNode = first; ; n = n.nextSibling!) {
        nodes.push(n);
        if (n === last) break;
      }
      this.out.push({ kind: 'text', parent, nodes, text, tokens });
    }
    return last;
  }

  private isProse(parent: Node): boolean {
    let prose = this.prose.get(parent);
    if (prose === undefined) {
      const element = parent.nodeType === ELEMENT ? (parent as Element) : null;
      prose = element !== null && element.closest(NOT_PROSE) === null && inBody(element);
      this.prose.set(parent, prose);
    }
    return prose;
  }
}

/**
 * A resumable scan of one subtree: first its tag links, then its text. `run(shouldYield)` works
 * until `shouldYield()` (checked every few dozen items) says stop, and returns whether it is done;
 * marks found so far are appended to `out`.
 */
export class ScanJob extends Finder {
  private links: ArrayLike<Element> | null = null;
  private linkIndex = 0;
  private walker: TreeWalker | null = null;
  private finished = false;
  /** 0: links on screen, 1: text on screen, 2: the other links, 3: the other text. */
  private phase = 0;
  /** Everything in and near the viewport has been scanned (the first write may go). */
  nearComplete = false;
  /**
   * `isPastViewport(node)` says whether a node lies below the near-viewport zone: the walk scans
   * what is on screen first (links, then text, in document order, which on a feed is screen order),
   * then the rest. Without it, the job scans links, then text.
   */
  constructor(
    private readonly root: Node,
    ranks: RankLookup,
    out: PendingMark[],
    private readonly isPastViewport: (node: Node) => boolean = () => false,
    /** Links and text nodes known to be done already (the check after the stream scan). */
    private readonly skip: ((node: Node) => boolean) | null = null,
  ) {
    super(ranks, out);
    if (root.nodeType !== ELEMENT) this.finished = true;
  }

  get done(): boolean {
    return this.finished;
  }

  run(shouldYield: () => boolean = () => false): boolean {
    if (this.finished) return true;
    const root = this.root as Element;
    if (!root.isConnected) return (this.finished = true);
    if (this.links === null) {
      this.links = root.matches(TAG_LINK_SELECTOR)
        ? [root]
        : root.querySelectorAll(TAG_LINK_SELECTOR);
    }
    if (this.walker === null) {
      this.walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
    } else if (!this.walker.currentNode.isConnected) {
      // The page removed where we were between slices: walk the subtree's text again (marks dedupe).
      this.walker.currentNode = root;
    }
    while (this.phase < 4) {
      const more = this.phase % 2 === 0 ? this.scanLinks(shouldYield) : this.scanText(shouldYield);
      if (more === 'yield') return false;
      this.phase++;
      if (this.phase === 2) {
        this.nearComplete = true;
        // Let the caller write what is on screen before the rest is scanned.
        if (more === 'viewport') return false;
      }
    }
    return (this.finished = true);
  }

  /** Scans links; in phase 0 stops at the first one below the viewport. */
  private scanLinks(shouldYield: () => boolean): 'yield' | 'viewport' | 'end' {
    const links = this.links!;
    while (this.linkIndex < links.length) {
      const link = links[this.linkIndex];
      if (this.phase === 0 && this.linkIndex % 16 === 0 && this.isPastViewport(link)) {
        return 'viewport';
      }
      this.linkIndex++;
      if (this.skip?.(link)) this.seenLinks.add(link);
      else this.visitLink(link);
      if (this.linkIndex % 64 === 0 && shouldYield()) return 'yield';
    }
    return 'end';
  }

  /** Walks text; in phase 1 stops once below the viewport. */
  private scanText(shouldYield: () => boolean): 'yield' | 'viewport' | 'end' {
    const walker = this.walker!;
    let count = 0;
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      if (mayContainTag((node as Text).data) && !this.skip?.(node)) {
        const last = this.visitRun(node as Text)!;
        if (last !== node) walker.currentNode = last;
      }
      if (++count % 64 === 0) {
        if (this.phase === 1 && this.isPastViewport(node)) return 'viewport';
        if (shouldYield()) return 'yield';
      }
    }
    return 'end';
  }
}

/** Rule 1: only text in `<body>` (not the head's `<title>`, nor a detached tree). */
function inBody(element: Element): boolean {
  const body = element.ownerDocument.body;
  return body !== null && body.contains(element);
}

/**
 * The link a text node is in, looked for two levels up (`<a><strong>#x</strong></a>`, as TikTok
 * writes them): a deeper one is found by the link lookup after parsing, and its text is not
 * prose meanwhile (see `isProse`), so it is never wrapped.
 */
function enclosingLink(node: Node): Element | null {
  const parent = node.parentElement;
  if (parent === null) return null;
  if (parent.localName === 'a') return parent;
  const grandparent = parent.parentElement;
  return grandparent !== null && grandparent.localName === 'a' ? grandparent : null;
}

/** The last node in tree order under `root`: while a page loads, where the parser is writing. */
function lastDescendant(root: Node): Node {
  let node = root;
  while (node.lastChild !== null) node = node.lastChild;
  return node;
}

/**
 * A scan that follows the parser while the page loads: each `run()` goes on, in document order,
 * from where the last one stopped to the end of what is parsed so far, and leaves the node the
 * parser may still be writing (a link holding it, a run of text ending in it) for the next run, so
 * a `#danc|e` cut between two network chunks is never matched as `#danc`. Once parsing is over,
 * `run(false)` scans to the very end.
 *
 * One text-only walker: only text is handed to JavaScript (every node handed over costs a wrapper
 * in this world, and then garbage collection). A tag link is found through its `#name` text; the
 * few without one (a card naming its tag by href only) are looked up once parsing is over. (A live
 * list of the document's links costs more: each write invalidates it, and it is counted again over
 * the whole page.)
 */
export class StreamScan extends Finder {
  private readonly walker: TreeWalker;

  constructor(document: Document, ranks: RankLookup) {
    super(ranks, []);
    this.seenText = new Set();
    this.walker = document.createTreeWalker(document.documentElement, SHOW_TEXT);
  }

  /** What this scan has read: for the check after parsing, which only needs to read the rest. */
  seen(node: Node): boolean {
    return this.seenText!.has(node) || this.seenLinks.has(node);
  }

  /**
   * Appends what it finds to `out`. `loading`: the parser is still at work, so the document's last
   * node may still grow. `cards`: once parsing is over, look up the links without `#name` text
   * too (false when a whole-page scan follows anyway).
   */
  run(loading: boolean, out: PendingMark[], cards = true): void {
    this.out = out;
    const walker = this.walker;
    const open = loading ? lastDescendant(walker.root) : null;
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      if (!mayContainTag((node as Text).data)) continue;
      const link = enclosingLink(node);
      if (link !== null && isTagLinkCandidate(link)) {
        if (this.seenLinks.has(link)) continue;
        if (open !== null && link.contains(open)) return this.stepBack(node);
        this.visitLink(link);
        continue;
      }
      const last = this.visitRun(node as Text, open);
      if (last === null) {
        // The run is still being written: the next run starts at its first node again.
        return this.stepBack(runStart(node as Text));
      }
      if (last !== node) walker.currentNode = last;
    }
    if (loading || !cards) return;
    // Parsing is over: the tag links whose text spells no `#name` (cards naming their tag by href).
    const root = walker.root as Element;
    for (const link of root.querySelectorAll(TAG_LINK_SELECTOR)) {
      if (!this.seenLinks.has(link)) this.visitLink(link);
    }
  }

  /** Makes `node` the next one the walk visits. */
  private stepBack(node: Node): void {
    this.walker.currentNode = node;
    if (this.walker.previousNode() === null) this.walker.currentNode = this.walker.root;
  }
}
