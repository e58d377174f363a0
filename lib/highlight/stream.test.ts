// @vitest-environment happy-dom
/**
 * The scan that follows the parser while a page loads: each run goes on from where the last one
 * stopped, and leaves the node the parser may still be writing (the document's last) for later.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { normalizeTagName } from './grammar';
import { MarkStore } from './marks';
import { StreamScan, type PendingMark } from './scan';
import { setBody } from './test-dom';

const ranks = new Map(['fyp', 'foryou', 'dance'].map((n, i) => [normalizeTagName(n), i + 1]));

/** What one run finds, as `rank:text` of the marked text or link. */
function found(scan: StreamScan, loading: boolean): string[] {
  const out: PendingMark[] = [];
  scan.run(loading, out);
  return out.map((m) =>
    m.kind === 'unlink'
      ? `unmark:${m.element.textContent}`
      : m.kind === 'link'
        ? `${m.rank}:${m.element.textContent}`
        : m.tokens.map((t) => `${t.rank}:${m.text.slice(t.start, t.end)}`).join(','),
  );
}

/** Appends markup at the end of the body, as the parser does. */
function parse(html: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.append(...parsed.body.childNodes);
}

beforeEach(() => setBody(''));

describe('StreamScan', () => {
  it('goes on from where it stopped: each node is looked at once', () => {
    const scan = new StreamScan(document, ranks);
    parse('<p>#fyp one</p><span></span>');
    expect(found(scan, true)).toEqual(['1:#fyp']);
    parse('<p>#foryou two</p><a href="/tag/dance"><strong>#dance</strong></a><span></span>');
    expect(found(scan, true)).toEqual(['2:#foryou', '3:#dance']);
    expect(found(scan, true)).toEqual([]);
  });

  it('leaves a text run the parser may still be writing, and reads it whole later', () => {
    const scan = new StreamScan(document, ranks);
    parse('<p>see #fy</p>');
    const text = document.querySelector('p')!.firstChild as Text;
    // `#fy` is not trending and `#fyp` is: a cut between two chunks must not decide it.
    expect(found(scan, true)).toEqual([]);
    text.appendData('p and #danc');
    expect(found(scan, true)).toEqual([]);
    text.appendData('e');
    parse('<div></div>');
    expect(found(scan, true)).toEqual(['1:#fyp,3:#dance']);
  });

  it('leaves a tag link the parser is still inside', () => {
    const scan = new StreamScan(document, ranks);
    parse('<a href="/tag/foryou"><strong>#for</strong></a>');
    const strong = document.querySelector('strong')!;
    expect(found(scan, true)).toEqual([]);
    (strong.firstChild as Text).appendData('you');
    parse('<p>after</p>');
    expect(found(scan, true)).toEqual(['2:#foryou']);
  });

  it('a tag link nested deeper than TikTok writes them is never wrapped as text, and marked when parsing ends', () => {
    const scan = new StreamScan(document, ranks);
    parse('<a href="/tag/fyp"><span><b><i>#fyp</i></b></span></a><p>then</p><div></div>');
    expect(found(scan, true)).toEqual([]);
    expect(found(scan, false)).toEqual(['1:#fyp']);
  });

  it('reads to the very end once parsing is over', () => {
    const scan = new StreamScan(document, ranks);
    parse('<p>last #fyp</p>');
    expect(found(scan, true)).toEqual([]);
    expect(found(scan, false)).toEqual(['1:#fyp']);
  });

  it('finds marks the store writes exactly like a finished page', () => {
    const scan = new StreamScan(document, ranks);
    parse('<p>#fyp and #FYP</p><p>');
    const out: PendingMark[] = [];
    scan.run(true, out);
    new MarkStore(document).apply(out);
    expect(
      [...document.querySelectorAll('[data-trending-rank]')].map((e) => e.textContent),
    ).toEqual(['#fyp', '#FYP']);
    expect(document.querySelector('p')!.textContent).toBe('#fyp and #FYP');
  });
});
