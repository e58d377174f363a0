/**
 * The writing half of highlighting: puts marks into the page and takes them out again. A link gets
 * `data-trending-rank` on itself (no new node); a plain-text token gets a wrapper around just the
 * token, made by splitting the page's text node. Every change is recorded so it can be undone
 * exactly: the text nodes we created, and the original text of the page's nodes we shortened.
 */
import { RANK_ATTRIBUTE, WRAPPER_TAG, type PendingMark, type TextMark } from './scan';

const TEXT = 3;

export class MarkStore {
  /** Every mark we made (links and wrappers) → its normalized name. */
  private readonly marks = new Map<Element, string>();
  /** Text nodes we created by splitting (the page holds no reference to them). */
  private readonly created = new WeakSet<Node>();
  /** The page's own text nodes we shortened → their text before we touched them. */
  private readonly original = new WeakMap<Node, string>();
  /** Parents whose children we split, for undoing. */
  private readonly touched = new Set<Node>();
  /** Marks per name, kept as marks come and go, so counting needs no walk over every mark. */
  private readonly perName = new Map<string, number>();

  constructor(private readonly document: Document) {}

  /** Writes pending marks; returns the parents of runs that changed since the scan (to scan again). */
  apply(pending: readonly PendingMark[]): Node[] {
    const stale: Node[] = [];
    for (const mark of pending) {
      if (mark.kind === 'unlink') {
        const name = this.marks.get(mark.element);
        if (name === undefined) continue; // not ours: never touched
        mark.element.removeAttribute(RANK_ATTRIBUTE);
        this.untrack(mark.element, name);
      } else if (mark.kind === 'link') {
        if (!mark.element.isConnected) continue;
        mark.element.setAttribute(RANK_ATTRIBUTE, String(mark.rank));
        this.track(mark.element, mark.name);
      } else if (!this.wrapRun(mark)) {
        if (mark.parent.isConnected) stale.push(mark.parent);
      }
    }
    return stale;
  }

  /** Was this text node made by us, or shortened by us? (The observer ignores the former.) */
  isCreated(node: Node): boolean {
    return this.created.has(node);
  }

  isShortened(node: Node): boolean {
    return this.original.has(node);
  }

  /** A parent we split text in: a removal under it may leave our wrappers orphaned. */
  isTouched(node: Node): boolean {
    return this.touched.has(node);
  }

  /** The page's text node changed its text itself: that is the new truth to restore to. */
  adoptText(node: Node): void {
    if (this.original.has(node)) this.original.set(node, (node as Text).data);
  }

  nameOf(element: Element): string | undefined {
    return this.marks.get(element);
  }

  /**
   * Distinct trending names marked in the page. `prune` first forgets marks the page removed
   * (needed only after the page removed nodes; appends cannot disconnect a mark).
   */
  distinctCount(prune = true): number {
    if (prune) {
      for (const [element, name] of this.marks)
        if (!element.isConnected) this.untrack(element, name);
      // Items the page dropped (virtualized feeds) are forgotten too.
      for (const parent of this.touched) if (!parent.isConnected) this.touched.delete(parent);
    }
    return this.perName.size;
  }

  /** The distinct names marked, as of the last `distinctCount`. */
  names(): string[] {
    return [...this.perName.keys()];
  }

  private track(element: Element, name: string): void {
    const previous = this.marks.get(element);
    if (previous === name) return;
    if (previous !== undefined) this.untrack(element, previous);
    this.marks.set(element, name);
    this.perName.set(name, (this.perName.get(name) ?? 0) + 1);
  }

  private untrack(element: Element, name: string): void {
    if (!this.marks.delete(element)) return;
    const left = (this.perName.get(name) ?? 1) - 1;
    if (left > 0) this.perName.set(name, left);
    else this.perName.delete(name);
  }

  /**
   * Brings existing marks in line with new ranks: updates rank attributes, unmarks links that are no
   * longer trending, and returns the parents whose wrappers must go (undo, then scan again).
   */
  rerank(ranks: ReadonlyMap<string, number>): Node[] {
    const undo = new Set<Node>();
    for (const [element, name] of this.marks) {
      const rank = ranks.get(name);
      if (!element.isConnected) {
        this.untrack(element, name);
      } else if (rank === undefined) {
        if (element.localName === WRAPPER_TAG) undo.add(element.parentNode!);
        else {
          element.removeAttribute(RANK_ATTRIBUTE);
          this.untrack(element, name);
        }
      } else if (element.getAttribute(RANK_ATTRIBUTE) !== String(rank)) {
        element.setAttribute(RANK_ATTRIBUTE, String(rank));
      }
    }
    return [...undo];
  }

  /** Takes every mark out of the page at once. */
  clear(): void {
    for (const parent of [...this.touched]) this.undo(parent);
    for (const [element] of this.marks) element.removeAttribute(RANK_ATTRIBUTE);
    this.marks.clear();
    this.perName.clear();
  }

  /** Removes our wrappers and split-off nodes under `parent` and restores the page's own text. */
  undo(parent: Node): void {
    this.touched.delete(parent);
    for (let child = parent.firstChild; child !== null;) {
      const next = child.nextSibling;
      if (child.nodeType === TEXT) {
        if (this.created.has(child)) child.remove();
        else {
          const text = this.original.get(child);
          if (text !== undefined) {
            (child as Text).data = text;
            this.original.delete(child);
          }
        }
      } else if ((child as Element).localName === WRAPPER_TAG) {
        const name = this.marks.get(child as Element);
        if (name !== undefined) this.untrack(child as Element, name);
        child.remove();
      }
      child = next;
    }
  }

  private wrapRun(mark: TextMark): boolean {
    let text = '';
    for (const n of mark.nodes) {
      if (n.parentNode !== mark.parent) return false;
      if (n.nodeType === TEXT) text += (n as Text).data;
    }
    if (text !== mark.text) return false;
    // Offsets of each node in the run's text, taken before any split.
    const starts: number[] = [];
    let offset = 0;
    for (const n of mark.nodes) {
      starts.push(offset);
      if (n.nodeType === TEXT) offset += (n as Text).length;
    }
    // Last token first, so the offsets of earlier ones stay valid.
    for (let i = mark.tokens.length - 1; i >= 0;) {
      const token = mark.tokens[i];
      const first = locate(mark.nodes, starts, token.start, false);
      const last = locate(mark.nodes, starts, token.end, true);
      if (first === last) {
        // Every token of this run within this one node is written at once: the page's node keeps the
        // text before the first, and one fragment (wrappers and the text between and after them)
        // goes in after it — two DOM changes per node, however many tokens it holds.
        let j = i;
        while (j > 0 && this.inNode(mark, starts, j - 1, first)) j--;
        this.wrapInNode(mark, mark.nodes[first] as Text, starts[first], j, i);
        i = j - 1;
        continue;
      }
      // The token spans nodes (`#` + `<!-- -->` + `Name`): shorten them, put the token in a new node.
      const wrapper = this.wrapper(token.rank);
      const inner = this.document.createTextNode(mark.text.slice(token.start, token.end));
      this.created.add(inner);
      wrapper.appendChild(inner);
      for (let k = first; k <= last; k++) {
        const node = mark.nodes[k];
        if (node.nodeType !== TEXT) continue;
        const t = node as Text;
        this.remember(t);
        const from = Math.max(token.start - starts[k], 0);
        const to = Math.min(token.end - starts[k], t.length);
        t.data = t.data.slice(0, from) + t.data.slice(to);
      }
      mark.parent.insertBefore(wrapper, mark.nodes[last]);
      this.track(wrapper, token.name);
      i--;
    }
    this.touched.add(mark.parent);
    return true;
  }

  /** Token `t` of the run lies within node `k` alone. */
  private inNode(mark: TextMark, starts: number[], t: number, k: number): boolean {
    const token = mark.tokens[t];
    return (
      locate(mark.nodes, starts, token.start, false) === k &&
      locate(mark.nodes, starts, token.end, true) === k
    );
  }

  /** Wraps tokens `from`..`to` of the run, all inside `node` (whose run offset is `base`). */
  private wrapInNode(mark: TextMark, node: Text, base: number, from: number, to: number): void {
    this.remember(node);
    // The node's text now: tokens after these (written already) have taken its tail.
    const data = node.data;
    const fragment = this.document.createDocumentFragment();
    for (let t = from; t <= to; t++) {
      const token = mark.tokens[t];
      const wrapper = this.wrapper(token.rank);
      wrapper.appendChild(this.createdText(data.slice(token.start - base, token.end - base)));
      fragment.appendChild(wrapper);
      const gapEnd = t < to ? mark.tokens[t + 1].start - base : data.length;
      if (gapEnd > token.end - base) {
        fragment.appendChild(this.createdText(data.slice(token.end - base, gapEnd)));
      }
      this.track(wrapper, token.name);
    }
    node.data = data.slice(0, mark.tokens[from].start - base);
    mark.parent.insertBefore(fragment, node.nextSibling);
  }

  private wrapper(rank: number): Element {
    const wrapper = this.document.createElement(WRAPPER_TAG);
    wrapper.setAttribute(RANK_ATTRIBUTE, String(rank));
    return wrapper;
  }

  private createdText(text: string): Text {
    const node = this.document.createTextNode(text);
    this.created.add(node);
    return node;
  }

  private remember(node: Text): void {
    if (!this.created.has(node) && !this.original.has(node)) this.original.set(node, node.data);
  }
}

/** The index of the text node holding `offset` (for an end offset, the node holding the char before). */
function locate(nodes: ChildNode[], starts: number[], offset: number, isEnd: boolean): number {
  for (let k = nodes.length - 1; k >= 0; k--) {
    if (nodes[k].nodeType !== TEXT) continue;
    if (isEnd ? starts[k] < offset : starts[k] <= offset) return k;
  }
  return 0;
}
