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

/*
 * TikTok's upload pages (issue 17). Confirmed from public upload-automation projects (2024–2026):
 * - dreammis/social-auto-upload (uploader/tk_uploader): `www.tiktok.com/tiktokstudio/upload?lang=en`,
 *   the caption as `div.public-DraftEditor-content`, older pages wrapping the form in
 *   `iframe[data-tt="Upload_index_iframe"]`;
 * - jackwener/opencli (tiktok publish): `www.tiktok.com/creator-center/upload`, which redirects to
 *   `tiktokstudio/upload`, and the same Draft.js editor;
 * - wkaisertexas/tiktok-uploader (config.toml): `www.tiktok.com/upload`, the caption as
 *   `div[contenteditable="true"]`, TikTok's suggestion list as `.mention-list-popover`;
 * - TikTok Studio publishing scripts in the public code index (2025–26): the caption inside
 *   `[data-e2e="caption_container"]`, its blocks `[data-block="true"]`, suggestion rows
 *   `[role="option"].hashtag-suggestion-item`, and picked tags saved as Draft.js entities.
 * The iframe variant (`src="https://www.tiktok.com/creator#/upload"`) is not supported: content scripts
 * run in the top frame only, and `/creator-center/upload` now redirects to Studio.
 * Class names other than Draft.js's own (`DraftEditor-root`, `public-DraftEditor-content`, stable
 * across Draft.js versions) are hashed per deploy and never relied on.
 */

/** Draft.js's outermost element around the caption editor. */
export const EDITOR_ROOT_SELECTOR = '.DraftEditor-root';

/** The caption editor: Draft.js's editable element, contenteditable while the caption can be edited. */
export const CAPTION_EDITOR_SELECTOR =
  '.DraftEditor-root .public-DraftEditor-content[contenteditable="true"]';

/** TikTok Studio's hook around the caption; the editor is used without it on older pages. */
export const CAPTION_CONTAINER_SELECTOR = '[data-e2e="caption_container"]';

/** One Draft.js block (a line of the caption); their texts joined by newlines are the caption. */
export const CAPTION_BLOCK_SELECTOR = '[data-block="true"]';

/** TikTok's own hashtag/mention suggestion list under the caret (the fixture reproduces it). */
export const SUGGESTION_POPOVER_SELECTOR = '.mention-list-popover';

/** Paths of the pages whose caption editor the assistant helps with (any query string). */
const UPLOAD_PATH = /^\/(?:tiktokstudio\/upload|upload|creator-center\/upload)\/?$/;

/** TikTok's upload pages on www.tiktok.com: Studio's `/tiktokstudio/upload`, older `/upload` and `/creator-center/upload`. */
export function isUploadPage(url: string | URL): boolean {
  try {
    const parsed = new URL(url, 'https://www.tiktok.com/');
    return (
      parsed.protocol === 'https:' &&
      parsed.hostname === 'www.tiktok.com' &&
      UPLOAD_PATH.test(parsed.pathname)
    );
  } catch {
    return false;
  }
}

/**
 * Where the caption assistant's content script is injected: the upload pages and the rest of TikTok
 * Studio and the creator center, which reach the upload page by in-app navigation (the script then
 * waits for `isUploadPage`). Match patterns cannot express the query strings `isUploadPage` accepts.
 */
export const UPLOAD_SCRIPT_MATCHES = [
  'https://www.tiktok.com/tiktokstudio*',
  'https://www.tiktok.com/upload*',
  'https://www.tiktok.com/creator-center/*',
];
