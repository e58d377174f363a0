// @vitest-environment happy-dom
import { setBody } from '../highlight/test-dom';
import { describe, expect, it } from 'vitest';
import {
  CAPTION_BLOCK_SELECTOR,
  CAPTION_CONTAINER_SELECTOR,
  CAPTION_EDITOR_SELECTOR,
  HOOKS,
  TAG_LINK_SELECTOR,
  UPLOAD_SCRIPT_MATCHES,
  isFeedPage,
  isSearchPage,
  isUploadPage,
  isTagPage,
  isVideoPage,
  tagNameFromHref,
} from './selectors';

describe('page predicates', () => {
  const cases: [string, (u: string) => boolean, string[], string[]][] = [
    [
      'isTagPage',
      isTagPage,
      [
        'https://www.tiktok.com/tag/fyp',
        '/tag/caf%C3%A9?lang=en',
        'https://www.tiktok.com/tag/日本',
      ],
      ['/tag/', '/tags/fyp', '/@user/video/1', '/search?q=%23fyp'],
    ],
    [
      'isVideoPage',
      isVideoPage,
      [
        'https://www.tiktok.com/@user.name/video/7301234567890123456',
        '/@a/video/1?is_from_webapp=1',
      ],
      ['/@user', '/@user/photo/1', '/video/1', '/tag/fyp'],
    ],
    [
      'isSearchPage',
      isSearchPage,
      ['/search?q=fyp', 'https://www.tiktok.com/search/video?q=x', '/search/user?q=x'],
      ['/searching', '/tag/search', '/'],
    ],
    [
      'isFeedPage',
      isFeedPage,
      ['https://www.tiktok.com/', '/foryou', '/following?lang=en', '/explore'],
      ['/tag/fyp', '/@user', '/feed/x'],
    ],
  ];
  it.each(cases)('%s', (_name, predicate, yes, no) => {
    for (const url of yes) expect(predicate(url), url).toBe(true);
    for (const url of no) expect(predicate(url), url).toBe(false);
  });
});

describe('tagNameFromHref', () => {
  it.each([
    ['/tag/fyp', 'fyp'],
    ['/tag/FYP?lang=en', 'FYP'],
    ['/tag/caf%C3%A9', 'café'],
    ['/tag/caf%c3%a9', 'café'],
    ['/tag/café', 'café'],
    ['https://www.tiktok.com/tag/%E6%97%A5%E6%9C%AC?is_from_webapp=1#x', '日本'],
    ['/@user', null],
    ['https://example.com/tag/fyp', null],
    ['/tag/%E0%A4%A', null],
  ])('%s → %s', (href, name) => {
    expect(tagNameFromHref(href)).toBe(name);
  });
});

describe('selectors on TikTok-like markup', () => {
  it('TAG_LINK_SELECTOR finds tag links and description links, not other links', () => {
    setBody(`
      <div data-e2e="${HOOKS.videoDescription.slice(11, -2)}">
        <a data-e2e="search-common-link" href="/tag/fyp"><strong>#fyp</strong></a>
        <a data-e2e="search-common-link" href="/@someone"><strong>@someone</strong></a>
        <a href="https://www.tiktok.com/tag/x">#x</a>
        <a href="/@someone/video/1">video</a>
      </div>`);
    const hrefs = [...document.querySelectorAll(TAG_LINK_SELECTOR)].map((a) =>
      a.getAttribute('href'),
    );
    expect(hrefs).toEqual(['/tag/fyp', '/@someone', 'https://www.tiktok.com/tag/x']);
    expect(document.querySelectorAll(HOOKS.videoDescription)).toHaveLength(1);
  });
});

describe('upload pages', () => {
  const uploadPages = [
    'https://www.tiktok.com/tiktokstudio/upload',
    'https://www.tiktok.com/tiktokstudio/upload?lang=en',
    'https://www.tiktok.com/tiktokstudio/upload?from=upload',
    'https://www.tiktok.com/tiktokstudio/upload?from=creator_center&tab=video',
    'https://www.tiktok.com/tiktokstudio/upload/',
    'https://www.tiktok.com/upload',
    'https://www.tiktok.com/upload?lang=en',
    'https://www.tiktok.com/creator-center/upload',
    'https://www.tiktok.com/creator-center/upload?lang=fr#top',
  ];
  const otherPages = [
    'https://www.tiktok.com/',
    'https://www.tiktok.com/tiktokstudio',
    'https://www.tiktok.com/tiktokstudio/content',
    'https://www.tiktok.com/tiktokstudio/uploads',
    'https://www.tiktok.com/tiktokstudio/upload/draft',
    'https://www.tiktok.com/creator-center/analytics',
    'https://www.tiktok.com/creator#/upload?lang=en',
    'https://www.tiktok.com/uploader',
    'https://www.tiktok.com/tag/upload',
    'https://www.tiktok.com/@upload/video/1',
    'http://www.tiktok.com/tiktokstudio/upload',
    'https://tiktok.com/tiktokstudio/upload',
    'https://m.tiktok.com/upload',
    'https://www.tiktok.com.evil.example/upload',
    'https://example.com/tiktokstudio/upload',
    'not a url at all',
  ];
  it('isUploadPage: Studio, /upload and /creator-center/upload on https://www.tiktok.com only', () => {
    for (const url of uploadPages) expect(isUploadPage(url), url).toBe(true);
    for (const url of otherPages) expect(isUploadPage(url), url).toBe(false);
  });

  /** A Chrome match pattern as a RegExp over whole URLs (`*` = any characters). */
  const patternRegExp = (pattern: string) =>
    new RegExp(`^${pattern.replace(/[.?+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);

  it('UPLOAD_SCRIPT_MATCHES reach every upload page (the script then checks isUploadPage)', () => {
    const patterns = UPLOAD_SCRIPT_MATCHES.map(patternRegExp);
    for (const url of uploadPages) {
      const withoutHash = url.split('#')[0]!;
      expect(
        patterns.some((p) => p.test(withoutHash)),
        url,
      ).toBe(true);
    }
    for (const url of ['https://www.tiktok.com/', 'https://www.tiktok.com/@a/video/1']) {
      expect(
        patterns.some((p) => p.test(url)),
        url,
      ).toBe(false);
    }
  });

  it('CAPTION_EDITOR_SELECTOR finds the editable Draft.js caption, not other editables', () => {
    setBody(`
      <div data-e2e="caption_container" class="css-9x1abc-DivCaption">
        <div class="DraftEditor-root"><div class="DraftEditor-editorContainer">
          <div class="notranslate public-DraftEditor-content" contenteditable="true" role="combobox">
            <div data-contents="true"><div data-block="true"><span data-text="true">hi #fyp</span></div></div>
          </div></div></div>
      </div>
      <div class="DraftEditor-root"><div class="public-DraftEditor-content" contenteditable="false"></div></div>
      <div contenteditable="true" data-e2e="comment-input"></div>`);
    const found = [...document.querySelectorAll(CAPTION_EDITOR_SELECTOR)];
    expect(found).toHaveLength(1);
    expect(found[0]!.closest(CAPTION_CONTAINER_SELECTOR)).not.toBeNull();
    expect(found[0]!.querySelectorAll(CAPTION_BLOCK_SELECTOR)).toHaveLength(1);
  });
});
