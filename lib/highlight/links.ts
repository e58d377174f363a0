/** Hashtag links (rule 6): which links name a hashtag, and which one. */
import { tagNameFromHref } from '../tiktok/selectors';
import { findTagTokens, normalizeTagName, wholeTextTagName } from './grammar';

const sameName = (a: string, b: string) => a !== '' && normalizeTagName(a) === normalizeTagName(b);

/** `a[href^="/tag/"]`, an absolute tiktok.com `/tag/` link, or TikTok's description link hook. */
export function isTagLinkCandidate(a: Element): boolean {
  const href = a.getAttribute('href');
  if (href !== null && (href.startsWith('/tag/') || href.includes('tiktok.com/tag/'))) return true;
  return a.getAttribute('data-e2e') === 'search-common-link';
}

/**
 * The hashtag a link names, as written, or null. The link's text decides (`#Name` in a `<strong>`);
 * a `/tag/` link whose text is not one name (a challenge card) falls back to its href, which may be
 * lower-cased, percent-encoded in either case, raw Unicode, or carry a query string. `@mention`
 * links share the description hook but spell no `#name` and point at no `/tag/` page.
 */
export function linkTagName(a: Element): string | null {
  const text = a.textContent ?? '';
  const href = a.getAttribute('href');
  const fromHref = href === null ? null : tagNameFromHref(href);
  // Names may hold symbols TikTok allows (`/tag/usa🇺🇸`, `/tag/fypシ`) that the text grammar ends a
  // tag at: a link whose text spells exactly its href's name is that name.
  if (fromHref !== null && sameName(text.trim().replace(/^#/, ''), fromHref)) return fromHref;
  const fromText = text.trimStart().startsWith('#') ? wholeTextTagName(text) : null;
  if (fromText !== null) return fromText;
  // Text with hashtags of its own that is not exactly one (`#a #b`): no single tag to mark.
  if (findTagTokens(text).length > 0) return null;
  if (fromHref === null) return null;
  // A card's title may spell the name without its `#`; anything else in the text is not a second tag.
  return wholeTextTagName(fromHref) === null ? null : fromHref;
}
