// @vitest-environment happy-dom
import { setBody } from '../highlight/test-dom';
import { describe, expect, it } from 'vitest';
import {
  HOOKS,
  TAG_LINK_SELECTOR,
  isFeedPage,
  isSearchPage,
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
