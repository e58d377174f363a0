// @vitest-environment happy-dom
/**
 * The hashtag grammar of issue 6, rule by rule. String rules test `findTagTokens` directly; the DOM
 * rules run the real scan + write on happy-dom and read back which elements carry a rank.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { setBody, setHead } from './test-dom';
import { SKIPPED_ELEMENTS, findTagTokens, normalizeTagName } from './grammar';
import { MarkStore } from './marks';
import { ScanJob, StreamScan, type PendingMark } from './scan';

const names = (text: string) => findTagTokens(text).map((t) => t.name);

const SCANNERS = ['ScanJob', 'StreamScan'] as const;
let scanner: (typeof SCANNERS)[number] = 'ScanJob';

/** Scans the body with these trending names (rank = position + 1) and writes the marks. */
function highlight(trending: string[]): MarkStore {
  const ranks = new Map(trending.map((n, i) => [normalizeTagName(n), i + 1]));
  const found: PendingMark[] = [];
  if (scanner === 'ScanJob') new ScanJob(document.body, ranks, found).run();
  else new StreamScan(document, ranks).run(false, found);
  const store = new MarkStore(document);
  store.apply(found);
  return store;
}

/** Every marked element as `rank:text`. */
function marks(): string[] {
  return [...document.querySelectorAll('[data-trending-rank]')].map(
    (e) => `${e.getAttribute('data-trending-rank')}:${e.textContent}`,
  );
}

beforeEach(() => {
  setHead('');
  setBody('');
});

// Both scans apply the grammar: the subtree scan (finished pages, added items) and the one that
// follows the parser while a page loads (run here on a finished document, so to its end).
for (const kind of SCANNERS) {
  describe(`${kind}`, () => {
    beforeEach(() => {
      scanner = kind;
    });

    describe('rule 1: only prose in <body>', () => {
      it.each(['script', 'style', 'noscript', 'template', 'textarea', 'select', 'svg'])(
        'skips text inside <%s>',
        (tag) => {
          setBody(`<p>#fyp</p><${tag}>#fyp</${tag}>`);
          highlight(['fyp']);
          expect(marks()).toEqual(['1:#fyp']);
          expect(document.body.querySelector(tag)!.innerHTML).toBe('#fyp');
        },
      );

      it('skips <iframe> fallback text and <input> (happy-dom cannot parse them into text nodes)', () => {
        expect(SKIPPED_ELEMENTS.has('iframe')).toBe(true);
        expect(SKIPPED_ELEMENTS.has('input')).toBe(true);
      });

      it('skips <option>, <math> and the head <title>', () => {
        setHead('<title>#fyp</title>');
        setBody(
          '<select><option>#fyp</option></select><math><mi>#fyp</mi></math><span>#fyp</span>',
        );
        highlight(['fyp']);
        expect(marks()).toEqual(['1:#fyp']);
        expect(document.title).toBe('#fyp');
      });

      it('skips editing hosts and everything inside them, but not contenteditable="false"', () => {
        setBody(`
      <div contenteditable="true"><p>#fyp</p><a href="/tag/fyp">#fyp</a></div>
      <div contenteditable="plaintext-only">#fyp</div>
      <div contenteditable="">#fyp</div>
      <div contenteditable="false"><span>#fyp</span></div>`);
        highlight(['fyp']);
        expect(marks()).toEqual(['1:#fyp']);
        expect(
          document.querySelector('[contenteditable="false"] [data-trending-rank]'),
        ).not.toBeNull();
        expect(
          document.querySelector('[contenteditable="true"] a')!.hasAttribute('data-trending-rank'),
        ).toBe(false);
      });

      it('decides each link by its own place, links sharing a parent included', () => {
        setBody(`
      <p id="a"><a href="/tag/fyp">#fyp</a> <a href="/tag/fyp" contenteditable="true">#fyp</a></p>
      <div contenteditable="true"><a href="/tag/fyp">#fyp</a><a href="/tag/fyp">#fyp</a></div>
      <p id="b"><a href="/tag/fyp">#fyp</a><a href="/tag/fyp">#fyp</a></p>`);
        highlight(['fyp']);
        const marked = [...document.querySelectorAll('a')].map((a) =>
          a.hasAttribute('data-trending-rank'),
        );
        expect(marked).toEqual([true, false, false, false, true, true]);
      });

      it('never changes attributes that contain tags, and leaves inputs alone', () => {
        setBody(`
      <img alt="#fyp" title="#fyp"><button aria-label="#fyp"></button>
      <input value="#fyp" placeholder="#fyp"><span title="#fyp">#fyp</span>`);
        const before = [...document.body.querySelectorAll('img, button, input')].map(
          (e) => e.outerHTML,
        );
        highlight(['fyp']);
        expect(marks()).toEqual(['1:#fyp']);
        expect(document.querySelector('span')!.getAttribute('title')).toBe('#fyp');
        expect(
          [...document.body.querySelectorAll('img, button, input')].map((e) => e.outerHTML),
        ).toEqual(before);
        expect((document.querySelector('input') as HTMLInputElement).value).toBe('#fyp');
      });
    });

    describe('rule 2: adjacent text nodes of one parent form a run', () => {
      it('joins React\'s "#<!-- -->Name" and "#" + "Name"', () => {
        const a = document.createElement('p');
        a.append('see #', document.createComment(' '), 'Fyp now');
        const b = document.createElement('p');
        b.append('#', 'foryou');
        document.body.append(a, b);
        highlight(['fyp', 'foryou']);
        expect(marks()).toEqual(['1:#Fyp', '2:#foryou']);
        expect(a.textContent).toBe('see #Fyp now');
        expect(b.textContent).toBe('#foryou');
      });

      it('ends a run at an element boundary', () => {
        setBody('<p>#<b>fyp</b></p><p><i>#fy</i>p</p>');
        highlight(['fyp', 'fy']);
        expect(marks()).toEqual(['2:#fy']);
      });
    });

    describe('rule 3: token shape', () => {
      it('starts with U+0023 only, never the full-width ＃', () => {
        expect(names('＃fyp #fyp')).toEqual(['fyp']);
      });

      it('takes letters, combining marks, digits and _ ; punctuation, emoji and spaces end it', () => {
        expect(
          names('#fyp! #for_you2024, #café. #日本 #e\u0301t\u00e9🔥 #a-b #c.d #x\u200dy'),
        ).toEqual(['fyp', 'for_you2024', 'café', '日本', 'e\u0301t\u00e9', 'a', 'c', 'x']);
      });

      it('needs a letter, digit or _ right after #', () => {
        expect(names('# fyp #!x #\u0301x #_x #1')).toEqual(['_x', '1']);
      });

      it('does not take the keycap #️⃣ for a tag', () => {
        expect(names('#️⃣ #\ufe0ffyp')).toEqual([]);
      });
    });

    describe('rule 4: a # glued to a word starts no tag', () => {
      it('skips page#fyp and C#, but splits #fyp#foryou', () => {
        expect(names('page#fyp C# 9#x é#y _#z')).toEqual([]);
        expect(names('#fyp#foryou')).toEqual(['fyp', 'foryou']);
        expect(names('(#fyp) "#foryou" ##x')).toEqual(['fyp', 'foryou', 'x']);
      });

      it('does not resume after a glued non-tag: page#fyp#foryou', () => {
        expect(names('page#fyp#foryou')).toEqual([]);
      });

      it('treats an astral letter before # as glued', () => {
        expect(names('𝒜#fyp')).toEqual([]);
      });

      it('a run starting after an element boundary is not glued', () => {
        setBody('<p><b>page</b>#fyp</p>');
        highlight(['fyp']);
        expect(marks()).toEqual(['1:#fyp']);
      });
    });

    describe('rule 5: exact match after NFC + lower case', () => {
      it('matches case-insensitively and across Unicode normal forms', () => {
        setBody('<p>#FYP #Cafe\u0301 #ÇA</p>');
        highlight(['fyp', 'café', 'ça']);
        expect(marks()).toEqual(['1:#FYP', '2:#Cafe\u0301', '3:#ÇA']);
      });

      it('no prefixes, no accent folding', () => {
        setBody('<p>#foryoupage #cafe #fy</p>');
        highlight(['foryou', 'café', 'fyp']);
        expect(marks()).toEqual([]);
      });
    });

    describe('rule 6: tag links', () => {
      it('marks TikTok description links on the link itself, adding no node', () => {
        setBody(
          '<div data-e2e="video-desc"><span>Look </span><a data-e2e="search-common-link" href="/tag/FYP"><strong>#FYP</strong></a></div>',
        );
        const link = document.querySelector('a')!;
        const before = link.innerHTML;
        highlight(['fyp']);
        expect(link.getAttribute('data-trending-rank')).toBe('1');
        expect(link.innerHTML).toBe(before);
        expect(marks()).toEqual(['1:#FYP']);
      });

      it.each([
        ['/tag/fyp', '#FYP'],
        ['/tag/caf%C3%A9?lang=en', '#café'],
        ['/tag/caf%c3%a9', '#Café'],
        ['/tag/café', '#café'],
        ['/tag/%E6%97%A5%E6%9C%AC?is_from_webapp=1&sender_device=pc', '#日本'],
        ['https://www.tiktok.com/tag/fyp?lang=en', '#fyp'],
      ])('counts %s with text %s by its text', (href, text) => {
        setBody(`<a href="${href}"><strong>${text}</strong></a>`);
        highlight(['fyp', 'café', '日本']);
        expect(marks()).toEqual([
          `${['fyp', 'café', '日本'].indexOf(normalizeTagName(text.slice(1))) + 1}:${text}`,
        ]);
      });

      it('falls back to the href for a card whose text is the bare name', () => {
        setBody(
          '<a href="/tag/caf%C3%A9" data-e2e="challenge-item"><h3>café</h3></a><a href="/tag/fyp"><p>Trending videos</p></a>',
        );
        highlight(['café']);
        expect(marks()).toEqual(['1:café']);
      });

      it.each([
        ['/tag/usa%F0%9F%87%BA%F0%9F%87%B8', '#usa🇺🇸 ', 'usa🇺🇸'],
        ['/tag/usa🇺🇸', '#USA🇺🇸', 'usa🇺🇸'],
        ['/tag/fyp%E3%82%B7', '#fypシ', 'fypシ'],
        ['/tag/fypシ', 'fypシ', 'fypシ'],
      ])('marks %s (%s) when exactly that name trends, decided by the href', (href, text, name) => {
        setBody(`<a data-e2e="search-common-link" href="${href}"><strong>${text}</strong></a>`);
        highlight(['usa', 'fyp']);
        expect(marks()).toEqual([]);
        setBody(`<a data-e2e="search-common-link" href="${href}"><strong>${text}</strong></a>`);
        highlight(['usa', name]);
        expect(marks()).toEqual([`2:${text}`]);
      });

      it('does not take a symbol name from an href the text does not spell', () => {
        setBody('<a href="/tag/usa%F0%9F%87%BA%F0%9F%87%B8"><strong>#usa</strong></a>');
        highlight(['usa🇺🇸']);
        expect(marks()).toEqual([]);
      });

      it('does not mark a link holding two tags, nor @mentions', () => {
        setBody(`
      <a href="/tag/fyp">#fyp #foryou</a>
      <a data-e2e="search-common-link" href="/@fyp"><strong>@fyp</strong></a>
      <a href="/@fyp">#fyp</a>`);
        highlight(['fyp', 'foryou']);
        // The plain link to a profile is not a tag link: its text is prose, wrapped like any other.
        expect(marks()).toEqual(['1:#fyp']);
        expect(document.querySelector('a[href="/@fyp"] > hashtag-radar-tag')).not.toBeNull();
        expect(
          document.querySelector('a[href="/tag/fyp"]')!.hasAttribute('data-trending-rank'),
        ).toBe(false);
      });

      it("leaves the link's href and its click target alone", () => {
        setBody('<a href="/tag/fyp"><strong>#fyp</strong></a>');
        highlight(['fyp']);
        const link = document.querySelector('a')!;
        expect(link.getAttribute('href')).toBe('/tag/fyp');
        expect(link.firstElementChild!.outerHTML).toBe('<strong>#fyp</strong>');
      });
    });

    describe('rule 7: hidden and clamped text, every occurrence', () => {
      it('marks hidden, clamped and repeated tags', () => {
        setBody(`
      <p style="display:none">#fyp</p>
      <p style="-webkit-line-clamp:1;overflow:hidden">line one<br>#fyp #fyp #fyp</p>`);
        highlight(['fyp']);
        expect(marks()).toEqual(['1:#fyp', '1:#fyp', '1:#fyp', '1:#fyp']);
      });
    });
  });
}

describe('wrapping', () => {
  it("wraps just the token, keeping the text around it and the page's node in place", () => {
    const p = document.createElement('p');
    const own = document.createTextNode('Go #fyp, then #foryou!');
    p.append(own);
    document.body.append(p);
    highlight(['fyp', 'foryou']);
    expect(p.innerHTML).toBe(
      'Go <hashtag-radar-tag data-trending-rank="1">#fyp</hashtag-radar-tag>, then <hashtag-radar-tag data-trending-rank="2">#foryou</hashtag-radar-tag>!',
    );
    expect(p.firstChild).toBe(own);
  });

  it('undo restores the exact text nodes the page had', () => {
    const p = document.createElement('p');
    const hash = document.createTextNode('a #');
    const name = document.createTextNode('fyp b #x');
    p.append(hash, document.createComment(''), name);
    document.body.append(p);
    const store = highlight(['fyp', 'x']);
    expect(marks()).toEqual(['1:#fyp', '2:#x']);
    store.clear();
    expect(marks()).toEqual([]);
    expect([...p.childNodes].map((n) => n.nodeType)).toEqual([3, 8, 3]);
    expect(p.firstChild).toBe(hash);
    expect(hash.data).toBe('a #');
    expect(name.data).toBe('fyp b #x');
  });

  it('skips a write whose text changed after the scan, and asks for a new scan', () => {
    setBody('<p>#fyp</p>');
    const found: PendingMark[] = [];
    new ScanJob(document.body, new Map([['fyp', 1]]), found).run();
    document.querySelector('p')!.firstChild!.textContent = 'no tag';
    const stale = new MarkStore(document).apply(found);
    expect(stale).toEqual([document.querySelector('p')]);
    expect(marks()).toEqual([]);
  });
});
