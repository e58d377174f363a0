/**
 * Generates a large TikTok-like feed for the highlight bench: N video items, each with a
 * description of tag links (`<a data-e2e="search-common-link"><strong>#name</strong></a>`) and plain
 * text, and 5 comments with plain-text #tags. Deterministic: the same inputs give the same page, and
 * `expectedMarks` counts exactly the occurrences of trending names, so the bench can check that
 * every expected mark is present and none extra.
 *
 * The page can append items itself (`window.__append(k)`, same markup) for the append bench, and
 * records when marks appear (`window.__bench`) with one MutationObserver that every variant carries.
 */

/** Names the generator uses that must not trend (checked against the trending set). */
const OTHER_NAMES = [
  'cooking',
  'sunsetvibes',
  'roadtrip',
  'mathtok',
  'plantsoftiktok',
  'coffeetime',
  'gardening',
  'vintagefinds',
  'sneakerhead',
  'studywithme',
  'grwm',
  'ootd',
  'catsoftiktok',
  'rainyday',
  'minimalism',
  'homedecor',
];

const NAME = /^[\p{L}\p{N}_][\p{L}\p{M}\p{N}_]*$/u;

function escapeHtml(text) {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c],
  );
}

/**
 * The item's parts, as data: which names go where. Shared by the server-side page and the
 * in-page append function (serialised into the page), so both produce the same markup.
 */
function itemSpec(i, trending, others) {
  const t = (k) => trending[k % trending.length];
  const o = (k) => others[k % others.length];
  return {
    links: [t(i), t(i * 7 + 3), o(i)],
    plain: i % 2 === 0 ? t(i * 3 + 1) : o(i + 5),
    comments: [0, 1, 2, 3, 4].map((j) =>
      j === 0 || (j === 3 && i % 3 === 0) ? [t(i + j * 5), o(i + j)] : [o(i * 5 + j), o(i + j + 7)],
    ),
  };
}

function itemHtml(i, spec, esc) {
  const link = (name) =>
    `<a data-e2e="search-common-link" class="css-1p3n4x-StyledCommonLink" href="/tag/${encodeURIComponent(name.toLowerCase())}"><strong class="css-1p6dp51-StrongText">#${esc(name)}</strong></a>`;
  const comments = spec.comments
    .map(
      ([a, b], j) =>
        `<div class="css-13wx63w-DivCommentItem" data-e2e="comment-level-1"><div class="css-1mf23fd-DivContentContainer"><a class="css-22xkqc-StyledLink" href="/@user${(i + j) % 97}"><span class="css-1665s4c-SpanUserNameText">user${(i + j) % 97}</span></a><p class="css-1k8xzzl-PCommentText" data-e2e="comment-level-1-text"><span>so good #${esc(a)} lol, also #${esc(b)} and C# page#x</span></p></div></div>`,
    )
    .join('');
  return `<article class="css-14bp9b0-DivItemContainer" data-e2e="recommend-list-item-container" data-index="${i}"><div class="css-1jxhpnd-DivVideoWrapper"><div class="css-41hm0z-DivBasicPlayerWrapper" style="height:120px;background:#222"></div></div><div class="css-1ej1ij7-DivContainer" data-e2e="video-desc"><span class="css-j2a19r-SpanText">Clip ${i} of the day </span>${spec.links.map(link).join('<span class="css-j2a19r-SpanText"> </span>')}<span class="css-j2a19r-SpanText"> see #${esc(spec.plain)} too</span></div><div class="css-1i7ohvi-DivCommentListContainer">${comments}</div></article>`;
}

/** How many occurrences of trending names the first `n` items hold (links and plain text). */
export function expectedMarks(n, trending, others = otherNames(trending)) {
  const set = new Set(trending.map((t) => t.normalize('NFC').toLowerCase()));
  const hit = (name) => (set.has(name.normalize('NFC').toLowerCase()) ? 1 : 0);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const spec = itemSpec(i, trending, others);
    count += spec.links.reduce((s, name) => s + hit(name), 0) + hit(spec.plain);
    for (const pair of spec.comments) count += hit(pair[0]) + hit(pair[1]);
  }
  return count;
}

export function otherNames(trending) {
  const set = new Set(trending.map((t) => t.normalize('NFC').toLowerCase()));
  return OTHER_NAMES.filter((n) => !set.has(n));
}

/** Trending names usable in a feed: valid hashtag names only. */
export function usableNames(names) {
  return names.filter((n) => NAME.test(n));
}

/** Trending names as the reference highlighter looks them up: [normalized name, rank] pairs. */
export function rankEntries(trending) {
  return trending.map((name, i) => [name.normalize('NFC').toLowerCase(), i + 1]);
}

/**
 * The bench's own reference highlighter (runs in the page): marks the trending tokens in `scope` with
 * the nodes the extension's marks consist of. Links get the attribute; each plain-text token of a
 * trending name is split out of its text node into a wrapper, the text after it into a new node.
 */
function markTrending(scope, ranks) {
  for (const link of scope.querySelectorAll('a[href^="/tag/"]')) {
    const rank = ranks.get(link.textContent.slice(1).normalize('NFC').toLowerCase());
    if (rank) link.setAttribute('data-trending-rank', String(rank));
  }
  const token = /(^|[^\p{L}\p{M}\p{N}_])#([\p{L}\p{N}_][\p{L}\p{M}\p{N}_]*)/gu;
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  const texts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.closest('a, script, style, input, [contenteditable]')) texts.push(node);
  }
  for (const node of texts) {
    const data = node.data;
    const hits = [...data.matchAll(token)]
      .map((m) => ({
        start: m.index + m[1].length,
        end: m.index + m[0].length,
        rank: ranks.get(m[2].normalize('NFC').toLowerCase()),
      }))
      .filter((hit) => hit.rank);
    if (hits.length === 0) continue;
    const fragment = document.createDocumentFragment();
    hits.forEach((hit, i) => {
      const wrapper = document.createElement('hashtag-radar-tag');
      wrapper.setAttribute('data-trending-rank', String(hit.rank));
      wrapper.append(data.slice(hit.start, hit.end));
      fragment.append(wrapper);
      const gapEnd = i + 1 < hits.length ? hits[i + 1].start : data.length;
      if (gapEnd > hit.end) fragment.append(data.slice(hit.end, gapEnd));
    });
    node.data = data.slice(0, hits[0].start);
    node.after(fragment);
  }
}

/**
 * In-page: marks the feed's items with `markTrending` while the page is parsed, as a parse-time
 * highlighter does at best: each frame, the items the parser has finished (all but the last), and
 * at DOMContentLoaded the rest. The control for the extension's parse-time marking.
 */
function markWhileParsing(ranks) {
  document.documentElement.setAttribute('data-hashtag-radar-style', 'underline');
  let done = 0;
  const step = (final) => {
    const list = document.querySelector('[data-e2e="recommend-list"]');
    if (list === null) return;
    const end = final ? list.children.length : list.children.length - 1;
    for (; done < end; done++) window.__markTrending(list.children[done], ranks);
  };
  const frame = () => {
    if (document.readyState !== 'loading') return;
    step(false);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  document.addEventListener('DOMContentLoaded', () => step(true));
}

/** In-page script: the bench's probes (same in every variant) and the append function. */
function pageScript(trending, others, n) {
  return `
(function () {
  var bench = (window.__bench = { dcl: 0, listArrived: 0, marks: 0, firstMark: 0, lastMark: 0, longestTask: 0, longestFrame: 0 });
  // Watches from the start of parsing (performance.now() counts from navigation start): the list's
  // arrival (the style attribute the content script sets on <html>) and every mark written (an
  // attribute on a link, or a wrapper element inserted).
  var root = document.documentElement;
  if (root.hasAttribute('data-hashtag-radar-style')) bench.listArrived = performance.now();
  var observer = new MutationObserver(function (records) {
    var now = performance.now();
    var added = 0;
    for (var r of records) {
      if (r.type === 'attributes') {
        if (r.target === root) {
          if (!bench.listArrived) bench.listArrived = now;
        } else if (r.oldValue === null) added++;
        continue;
      }
      var nodes = r.addedNodes;
      for (var i = 0; i < nodes.length; i++) {
        var name = nodes[i].localName;
        if (name === 'hashtag-radar-tag' || name === 'mark') added++;
      }
    }
    if (added === 0) return;
    bench.marks += added;
    if (!bench.firstMark) bench.firstMark = now;
    bench.lastMark = now;
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-trending-rank', 'data-hashtag-radar-style'] });
  document.addEventListener('DOMContentLoaded', function () {
    bench.dcl = performance.now();
  });
  try {
    // Long tasks and frames after DOMContentLoaded (the parser's own are long on a page this big).
    new PerformanceObserver(function (list) {
      for (var e of list.getEntries()) if (bench.dcl && e.startTime >= bench.dcl) bench.longestTask = Math.max(bench.longestTask, e.duration);
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver(function (list) {
      for (var e of list.getEntries()) if (bench.dcl && e.startTime >= bench.dcl) bench.longestFrame = Math.max(bench.longestFrame, e.duration);
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch (e) {}
  var trending = ${JSON.stringify(trending)};
  var others = ${JSON.stringify(others)};
  var itemSpec = ${itemSpec.toString()};
  var itemHtml = ${itemHtml.toString()};
  var esc = ${escapeHtml.toString()};
  var count = ${n};
  window.__markTrending = ${markTrending.toString()};
  window.__markWhileParsing = ${markWhileParsing.toString()};
  window.__resetProbes = function () { bench.marks = bench.firstMark = bench.lastMark = bench.longestTask = bench.longestFrame = 0; bench.dcl = performance.now(); };
  window.__append = function (k) {
    var list = document.querySelector('[data-e2e="recommend-list"]');
    var template = document.createElement('template');
    var html = '';
    for (var j = 0; j < k; j++, count++) html += itemHtml(count, itemSpec(count, trending, others), esc);
    template.innerHTML = html;
    list.appendChild(template.content);
  };
})();`;
}

/**
 * The whole page. `extraBody` lets the bench add its baseline (mark.js) without changing the rest.
 * `positioned` gives each item `position: relative`, as a feed whose items hold absolutely
 * positioned player controls has: each item is then a paint layer of its own, and Chromium's
 * per-frame walk over the page's layout objects (its CompositingInputs phase) skips the items that
 * did not change. Without it the whole feed is one paint layer, walked whole on every frame that
 * changes layout.
 */
export function feedHtml({
  n,
  trending,
  others = otherNames(trending),
  extraBody = '',
  extraHead = '',
  positioned = false,
}) {
  const items = [];
  for (let i = 0; i < n; i++) items.push(itemHtml(i, itemSpec(i, trending, others), escapeHtml));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>For You | TikTok</title>
<style>body{margin:0;font-family:Arial,sans-serif}.css-14bp9b0-DivItemContainer{padding:12px 24px;border-bottom:1px solid #eee}a{color:inherit;text-decoration:none}.css-1p6dp51-StrongText{font-weight:600}${positioned ? '.css-14bp9b0-DivItemContainer{position:relative}' : ''}</style>
<script>${pageScript(trending, others, n)}</script>${extraHead}
</head><body><div id="app"><div class="css-1q4mcwn-DivHeaderWrapper"><input type="search" data-e2e="search-user-input" value="#${escapeHtml(trending[0])}" aria-label="Search"></div>
<main class="css-1n8z9r7-DivContentContainer" data-e2e="recommend-list">${items.join('\n')}</main>
<div contenteditable="true" data-e2e="comment-input">#${escapeHtml(trending[0])} draft</div></div>
${extraBody}</body></html>`;
}
