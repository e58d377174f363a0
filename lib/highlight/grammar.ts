/**
 * What counts as a hashtag in page text (issue 6, rules 1–5). Pure string logic: the DOM walk that
 * feeds it lives in `scan.ts`.
 */

/** Elements whose text is never page prose (rule 1). Lower-case `localName`s. */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'svg',
  'math',
  'iframe',
  'title',
]);

/** An ancestor (or self) that makes text off limits: a skipped element or an editing host (rule 1). */
// Pure: pages that use only the names (the popup) leave these out of their bundle.
export const EXCLUDED_ANCESTOR_SELECTOR = /* @__PURE__ */ [
  ...SKIPPED_ELEMENTS,
  '[contenteditable]:not([contenteditable="false" i])',
].join(',');

/**
 * `#` (U+0023 only), then a letter, digit or `_`, then letters, combining marks, digits or `_`
 * (rule 3). One precompiled regex for the whole extension; callers reset `lastIndex`.
 */
const TOKEN = /#([\p{L}\p{N}_][\p{L}\p{M}\p{N}_]*)/gu;

/** A character that glues a following `#` to a word: `page#fyp`, `C#` (rule 4). */
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;

/** A whole-text name (a link's text), with or without its `#`. */
const WHOLE_NAME = /^#?([\p{L}\p{N}_][\p{L}\p{M}\p{N}_]*)$/u;

/** Quick pre-filter: text without `#` cannot hold a tag. */
export function mayContainTag(text: string): boolean {
  return text.includes('#');
}

/** The form names are compared in (rule 5): NFC, lower case. No accent folding, no prefixes. */
export function normalizeTagName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

export interface TagToken {
  /** Offset of the `#` in the text. */
  start: number;
  /** Offset just past the name. */
  end: number;
  /** The name as written, without `#`. */
  name: string;
}

/** Every hashtag token in one run of text, in order (rules 3 and 4). */
export function findTagTokens(text: string): TagToken[] {
  const tokens: TagToken[] = [];
  let previousEnd = -1;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start > 0 && start !== previousEnd && WORD_CHAR.test(charBefore(text, start))) continue;
    tokens.push({ start, end, name: m[1] });
    previousEnd = end;
  }
  return tokens;
}

/** The code point ending just before `index` (surrogate pairs count as one character). */
function charBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  if (index >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text[index - 1];
}

/** The name a link's whole text spells (`#Name` or `Name`), or null when it is anything else. */
export function wholeTextTagName(text: string): string | null {
  const match = WHOLE_NAME.exec(text.trim());
  return match ? match[1] : null;
}

/** Longest name a page may report (TikTok's own names are far shorter). */
export const MAX_TAG_NAME_LENGTH = 100;

/**
 * A bare hashtag name by the grammar (no `#`, nothing around it), at most `MAX_TAG_NAME_LENGTH`
 * characters: what a content script may report of a page.
 */
export function isTagName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    wholeTextTagName(name) === name &&
    [...name].length <= MAX_TAG_NAME_LENGTH
  );
}

/**
 * The hashtag a text selection holds: its first `#name`, or the selection itself when it is one
 * bare name (a double-click on `#fyp` selects `fyp`). Null for anything else.
 */
export function selectionTagName(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  return findTagTokens(text)[0]?.name ?? wholeTextTagName(text.trim().replace(/^#/, ''));
}
