/**
 * The read-only half of highlighting: walks a subtree and lists the marks it needs, without touching
 * the DOM, so it can run in idle slices and be thrown away if the page changes underneath.
 */
import {
  EXCLUDED_ANCESTOR_SELECTOR,
  SKIPPED_ELEMENTS,
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

export type PendingMark = LinkMark | TextMark;

const TEXT = 3;
const COMMENT = 8;
const ELEMENT = 1;

function isRunNode(node: Node): boolean {
  return node.nodeType === TEXT || node.nodeType === COMMENT;
}

/**
 * A resumable walk of one subtree. `run(deadline)` scans until the deadline says stop and returns
 * whether the walk is complete; marks found so far are appended to `out`.
 */
export class ScanJob {
  private node: Node | null;
  private readonly excluded = new Map<Node, boolean>();

  constructor(
    private readonly root: Node,
    private readonly ranks: RankLookup,
    private readonly out: PendingMark[],
  ) {
    this.node = root.nodeType === ELEMENT ? this.enter(root as Element, true) : null;
  }

  get done(): boolean {
    return this.node === null;
  }

  /** Scans until `shouldYield()` (checked every few hundred nodes) is true or the walk ends. */
  run(shouldYield: () => boolean = () => false): boolean {
    if (this.node !== null && !this.node.isConnected) {
      // The page removed where we were between slices: walk this subtree again (marks dedupe).
      this.node = this.root.isConnected ? this.enter(this.root as Element, true) : null;
    }
    let count = 0;
    while (this.node !== null) {
      if (++count % 256 === 0 && shouldYield()) return false;
      this.node = this.visit(this.node);
    }
    return true;
  }

  /** The first node to visit inside `element`, or what follows it when its subtree is skipped. */
  private enter(element: Element, isRoot: boolean): Node | null {
    const name = element.localName;
    if (SKIPPED_ELEMENTS.has(name) || name === WRAPPER_TAG || name === OWN_UI_TAG) {
      return isRoot ? null : this.after(element);
    }
    if (name === 'a' && isTagLinkCandidate(element)) {
      this.visitLink(element);
      return isRoot ? null : this.after(element);
    }
    return element.firstChild ?? (isRoot ? null : this.after(element));
  }

  /** The next node in document order after `node`'s subtree, staying inside the root. */
  private after(node: Node): Node | null {
    for (let n: Node | null = node; n !== null && n !== this.root; n = n.parentNode) {
      if (n.nextSibling !== null) return n.nextSibling;
    }
    return null;
  }

  private visit(node: Node): Node | null {
    if (node.nodeType === ELEMENT) {
      return this.enter(node as Element, false);
    }
    if (isRunNode(node)) return this.visitRun(node);
    return this.after(node);
  }

  private visitLink(link: Element): void {
    const name = linkTagName(link);
    if (name === null) return;
    const key = normalizeTagName(name);
    const rank = this.ranks.get(key);
    if (rank === undefined || link.getAttribute(RANK_ATTRIBUTE) === String(rank)) return;
    if (this.isExcluded(link)) return;
    this.out.push({ kind: 'link', element: link, name: key, rank });
  }

  /** Collects the run starting at `first`, matches it, and returns the node after the run. */
  private visitRun(first: Node): Node | null {
    const nodes: ChildNode[] = [];
    let hasHash = false;
    let last: Node = first;
    for (let n: Node | null = first; n !== null && isRunNode(n); n = n.nextSibling) {
      nodes.push(n as ChildNode);
      last = n;
      if (!hasHash && n.nodeType === TEXT && mayContainTag((n as Text).data)) hasHash = true;
    }
    if (hasHash) this.matchRun(first.parentNode!, nodes);
    return this.after(last);
  }

  private matchRun(parent: Node, nodes: ChildNode[]): void {
    let text = '';
    for (const n of nodes) if (n.nodeType === TEXT) text += (n as Text).data;
    const tokens: RunToken[] = [];
    for (const token of findTagTokens(text)) {
      const name = normalizeTagName(token.name);
      const rank = this.ranks.get(name);
      if (rank !== undefined) tokens.push({ start: token.start, end: token.end, name, rank });
    }
    if (tokens.length === 0 || this.isExcluded(parent)) return;
    this.out.push({ kind: 'text', parent, nodes, text, tokens });
  }

  /** Inside a skipped element or an editing host (checked only where a mark would go). */
  private isExcluded(node: Node): boolean {
    const element = node.nodeType === ELEMENT ? (node as Element) : node.parentElement;
    if (element === null) return true;
    let cached = this.excluded.get(element);
    if (cached === undefined) {
      cached = element.closest(EXCLUDED_ANCESTOR_SELECTOR) !== null || !inBody(element);
      this.excluded.set(element, cached);
    }
    return cached;
  }
}

/** Rule 1: only text in `<body>` (not the head's `<title>`, nor a detached tree). */
function inBody(element: Element): boolean {
  const body = element.ownerDocument.body;
  return body !== null && body.contains(element);
}
