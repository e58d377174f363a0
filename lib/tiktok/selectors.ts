/**
 * TikTok's web app markup we rely on, in one place. Class names are hashed and change with every
 * deploy, so only `href` shapes and `data-e2e` hooks are used. Each selector and predicate is tested
 * against fixture markup and URL lists in `selectors.test.ts`.
 */

/**
 * Where the content script runs: TikTok's web app, which lives on www.tiktok.com (tiktok.com,
 * m.tiktok.com and the vm./vt. short links redirect there), over https only.
 */
export const TIKTOK_ORIGIN = 'https://www.tiktok.com';
export const TIKTOK_MATCHES = [`${TIKTOK_ORIGIN}/*`];

/** Links to a hashtag page: relative (`/tag/fyp`) or absolute (`https://www.tiktok.com/tag/fyp`). */
export const TAG_HREF_SELECTOR = 'a[href^="/tag/"], a[href*="tiktok.com/tag/"]';

/** Description links TikTok renders as `<a data-e2e="search-common-link"><strong>#Name</strong></a>`. */
export const DESCRIPTION_LINK_SELECTOR = 'a[data-e2e="search-common-link"]';

/** Every link that may name a hashtag; `@mention` links share the description hook and are filtered out by text. */
export const TAG_LINK_SELECTOR = `${TAG_HREF_SELECTOR}, ${DESCRIPTION_LINK_SELECTOR}`;

/** Hooks of the places hashtags show up; used by fixtures, e2e tests and the bench. */
export const HOOKS = {
  videoDescription: '[data-e2e="video-desc"]',
  browseVideoDescription: '[data-e2e="browse-video-desc"]',
  comment: '[data-e2e="comment-level-1"]',
  challengeItem: '[data-e2e="challenge-item"]',
  userPostDescription: '[data-e2e="user-post-item-desc"]',
} as const;

const TAG_PATH = /^\/tag\/([^/?#]+)/;

function pathOf(url: string | URL): string {
  try {
    return new URL(url, 'https://www.tiktok.com/').pathname;
  } catch {
    return '';
  }
}

/** A hashtag's own page, e.g. `/tag/fyp`. */
export function isTagPage(url: string | URL): boolean {
  return TAG_PATH.test(pathOf(url));
}

/** A single video, e.g. `/@user/video/7301234567890`. */
export function isVideoPage(url: string | URL): boolean {
  return /^\/@[^/]+\/video\/\d+\/?$/.test(pathOf(url));
}

/** Search results, e.g. `/search?q=fyp`, `/search/video?q=fyp`. */
export function isSearchPage(url: string | URL): boolean {
  return /^\/search(?:\/[a-z]+)?\/?$/.test(pathOf(url));
}

/** The home feeds: `/`, `/foryou`, `/following`, `/explore`. */
export function isFeedPage(url: string | URL): boolean {
  return /^\/(?:foryou|following|explore)?\/?$/.test(pathOf(url));
}

/**
 * The hashtag name a `/tag/…` href points at, as written (decoded, not case-folded), or null.
 * Accepts percent-encoding in either case, raw Unicode, and a query string or fragment.
 */
export function tagNameFromHref(href: string): string | null {
  let path: string;
  try {
    const url = new URL(href, 'https://www.tiktok.com/');
    if (!/(?:^|\.)tiktok\.com$/.test(url.hostname)) return null;
    path = url.pathname;
  } catch {
    return null;
  }
  const match = TAG_PATH.exec(path);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
