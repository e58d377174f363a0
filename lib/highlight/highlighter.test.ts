// @vitest-environment happy-dom
/** The live part: mutations, React-style re-renders, set changes, switching off, teardown. */
import { setBody, fragment } from './test-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Highlighter } from './highlighter';

let controller: AbortController;
let counts: number[];

function start(names: string[]): Highlighter {
  const h = new Highlighter(document, {
    signal: controller.signal,
    onCount: (n) => counts.push(n),
  });
  h.setTags(names.map((name, i) => ({ name, rank: i + 1 })));
  return h;
}

/** Lets the observer deliver and the idle/frame callbacks run until the highlighter is idle. */
async function settle(h: Highlighter): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
  await h.settled();
}

const marks = () =>
  [...document.querySelectorAll('[data-trending-rank]')].map(
    (e) => `${e.getAttribute('data-trending-rank')}:${e.textContent}`,
  );

beforeEach(() => {
  setBody('');
  controller = new AbortController();
  counts = [];
});
afterEach(() => controller.abort());

describe('Highlighter', () => {
  it('marks the page, then added items, and reports distinct counts', async () => {
    setBody('<p>#fyp and #fyp</p>');
    const h = start(['fyp', 'foryou']);
    await settle(h);
    expect(marks()).toEqual(['1:#fyp', '1:#fyp']);
    const item = document.createElement('div');
    item.append(fragment('<a href="/tag/foryou"><strong>#ForYou</strong></a><span>#none</span>'));
    document.body.append(item);
    await settle(h);
    expect(marks()).toEqual(['1:#fyp', '1:#fyp', '2:#ForYou']);
    expect(counts).toEqual([1, 2]);
    item.remove();
    await settle(h);
    expect(counts).toEqual([1, 2, 1]);
  });

  it('names the distinct trending tags marked, and says after each batch of changes', async () => {
    setBody('<p>#fyp and #FYP #none</p>');
    const updates = vi.fn();
    const h = new Highlighter(document, { signal: controller.signal, onUpdate: updates });
    h.setTags([
      { name: 'fyp', rank: 1 },
      { name: 'Café', rank: 2 },
    ]);
    await settle(h);
    expect(h.names()).toEqual(['fyp']);
    const seen = updates.mock.calls.length;
    expect(seen).toBeGreaterThan(0);
    document.body.append(fragment('<p>#café</p>'));
    await settle(h);
    expect(h.names()).toEqual(['fyp', 'café']);
    expect(updates.mock.calls.length).toBeGreaterThan(seen);
    document.querySelector('p')!.remove();
    await settle(h);
    expect(h.names()).toEqual(['café']);
  });

  it('marks items React empties and refills, without duplicates', async () => {
    setBody('<ul><li>#fyp</li></ul>');
    const h = start(['fyp']);
    await settle(h);
    const li = document.querySelector('li')!;
    li.textContent = '';
    await settle(h);
    expect(marks()).toEqual([]);
    li.append('#', 'fyp again #fyp');
    await settle(h);
    expect(marks()).toEqual(['1:#fyp', '1:#fyp']);
    expect(li.textContent).toBe('#fyp again #fyp');
  });

  it('redoes a run whose text node the page rewrote (React updating text)', async () => {
    const p = document.createElement('p');
    const own = document.createTextNode('old #fyp');
    p.append(own);
    document.body.append(p);
    const h = start(['fyp', 'foryou']);
    await settle(h);
    expect(marks()).toEqual(['1:#fyp']);
    own.data = 'new #foryou';
    await settle(h);
    expect(p.textContent).toBe('new #foryou');
    expect(marks()).toEqual(['2:#foryou']);
  });

  it('a marked link the page reuses for another tag is re-ranked, or unmarked when that one is not trending', async () => {
    setBody('<a href="/tag/fyp"><strong>#fyp</strong></a>');
    const h = start(['fyp', 'foryou']);
    await settle(h);
    expect(marks()).toEqual(['1:#fyp']);
    const text = document.querySelector('strong')!.firstChild as Text;
    text.data = '#foryou';
    await settle(h);
    expect(marks()).toEqual(['2:#foryou']);
    text.data = '#nottrending';
    await settle(h);
    expect(marks()).toEqual([]);
    expect(counts.at(-1)).toBe(0);
    text.data = '#fyp';
    await settle(h);
    expect(marks()).toEqual(['1:#fyp']);
    // Reused as a card for another tag: without a `#` in its text, the link's href names it.
    document.querySelector('a')!.setAttribute('href', '/tag/nottrending');
    text.data = 'nottrending';
    await settle(h);
    expect(marks()).toEqual([]);
  });

  it('cleans up when the page removes the text node it owns next to our wrapper', async () => {
    const p = document.createElement('p');
    const own = document.createTextNode('#fyp');
    p.append(own);
    document.body.append(p);
    const h = start(['fyp']);
    await settle(h);
    own.remove();
    p.append('plain');
    await settle(h);
    expect(p.textContent).toBe('plain');
    expect(marks()).toEqual([]);
  });

  it('follows set changes: new ranks, removed names, added names', async () => {
    setBody('<p>#a #b</p><a href="/tag/c">#c</a><a href="/tag/a">#a</a>');
    const h = start(['a', 'b']);
    await settle(h);
    expect(marks()).toEqual(['1:#a', '2:#b', '1:#a']);
    h.setTags([
      { name: 'c', rank: 1 },
      { name: 'a', rank: 3 },
    ]);
    await settle(h);
    expect(marks().sort()).toEqual(['1:#c', '3:#a', '3:#a']);
    expect(document.querySelector('p')!.textContent).toBe('#a #b');
  });

  it('a list that replaces another mid-pass wins: no marks of the old list are written', async () => {
    setBody('<p>#a #b</p><a href="/tag/b">#b</a>');
    const h = start(['a', 'b']);
    // The first pass has scanned (idle) and waits for its write (next frame).
    await new Promise((r) => setTimeout(r, 1));
    h.setTags([{ name: 'b', rank: 7 }]);
    await settle(h);
    expect(marks()).toEqual(['7:#b', '7:#b']);
  });

  it('removes every mark at once when switched off, and restores the text', async () => {
    setBody('<p>x #a y</p><a href="/tag/a">#a</a>');
    const before = document.body.innerHTML;
    const h = start(['a']);
    await settle(h);
    expect(marks()).toHaveLength(2);
    h.setTags([{ name: 'a', rank: 1 }], false);
    expect(marks()).toEqual([]);
    expect(document.body.innerHTML).toBe(before);
    expect(counts.at(-1)).toBe(0);
  });

  it('wraps several tokens of one text node and one spanning nodes, keeps the page its node, undoes exactly', async () => {
    setBody('<p>#a x #b, #a#c end</p><p>see #<!-- -->b now</p>');
    const before = document.body.innerHTML;
    const own = document.querySelector('p')!.firstChild!;
    const h = start(['a', 'b', 'c']);
    await settle(h);
    expect(marks()).toEqual(['1:#a', '2:#b', '1:#a', '3:#c', '2:#b']);
    expect(document.querySelector('p')!.textContent).toBe('#a x #b, #a#c end');
    expect(document.querySelectorAll('p')[1].textContent).toBe('see #b now');
    // The page's text node stays first in its parent, holding the text before the first token.
    expect(document.querySelector('p')!.firstChild).toBe(own);
    h.setTags([{ name: 'a', rank: 1 }], false);
    expect(document.body.innerHTML).toBe(before);
  });

  it('does nothing while the tab is hidden, and catches up when visible', async () => {
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    setBody('<p>#a</p>');
    const h = start(['a']);
    await new Promise((r) => setTimeout(r, 20));
    expect(marks()).toEqual([]);
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await settle(h);
    expect(marks()).toEqual(['1:#a']);
  });

  it('tears everything down on abort', async () => {
    setBody('<p>#a</p>');
    const h = start(['a']);
    await settle(h);
    controller.abort();
    expect(marks()).toEqual([]);
    document.body.append(Object.assign(document.createElement('p'), { textContent: '#a' }));
    await new Promise((r) => setTimeout(r, 20));
    expect(marks()).toEqual([]);
  });

  it('while the page loads: marks what the parser added each frame, the rest when parsing ends, then observes', async () => {
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    // The parser is in the middle of the page: the last node is where it writes.
    setBody('<p>#fyp early</p><div></div>');
    const h = start(['fyp', 'foryou']);
    await frame();
    expect(marks()).toEqual(['1:#fyp']);
    // The parser goes on; the last text may still grow, so it waits.
    document.body.append(fragment('<p>#foryou then</p><p>and #for</p>'));
    await frame();
    expect(marks()).toEqual(['1:#fyp', '2:#foryou']);
    (document.querySelectorAll('p')[2].firstChild as Text).appendData('you');
    // Parsing ends: the last batch is marked at once, before the page lays it out.
    readyState.mockReturnValue('interactive');
    document.dispatchEvent(new Event('readystatechange'));
    expect(marks()).toEqual(['1:#fyp', '2:#foryou', '2:#foryou']);
    // From now on the page's scripts change it: the observer sees that.
    document.body.prepend(fragment('<p>#fyp by script</p>'));
    await settle(h);
    expect(marks()).toEqual(['1:#fyp', '1:#fyp', '2:#foryou', '2:#foryou']);
    expect(counts.at(-1)).toBe(2);
    readyState.mockRestore();
  });
});
