// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { setBody } from '../highlight/test-dom';
import { videoCaptionNames } from './caption';

const VIDEO_URL = 'https://www.tiktok.com/@kyoto.mornings/video/7301234567890123456';
const fixture = (file: string) =>
  new DOMParser().parseFromString(readFileSync(`e2e/fixtures/tiktok/${file}`, 'utf8'), 'text/html');

describe('videoCaptionNames', () => {
  beforeEach(() => setBody(''));

  it("reads the video page's caption: links and plain #tags in order, each once, no mentions", () => {
    expect(videoCaptionNames(fixture('video.html'), VIDEO_URL)).toEqual([
      'fyp',
      // A link is named as the highlighter names it: by its address when its text spells that.
      'café',
      '日本',
      'booktok',
      'kyotolife',
      'nightroutine',
    ]);
    // Comments, the composer, the search field and the page's JSON are not the caption.
  });

  it('is null anywhere but a video page, and empty while the caption has not rendered', () => {
    expect(videoCaptionNames(fixture('video.html'), 'https://www.tiktok.com/foryou')).toBeNull();
    expect(videoCaptionNames(document, VIDEO_URL)).toEqual([]);
  });

  it('joins React-split text, keeps the first spelling and leaves glued or invalid tags out', () => {
    setBody(
      '<div data-e2e="video-desc"><span>morning #</span><!-- --><span>Dance</span>' +
        ' and #dance, page#fyp <a data-e2e="search-common-link" href="/tag/usa%F0%9F%87%BA%F0%9F%87%B8"><strong>#usa🇺🇸</strong></a>' +
        ' <a href="/@someone">@someone</a> #gym</div>',
    );
    expect(videoCaptionNames(document, VIDEO_URL)).toEqual(['Dance', 'gym']);
  });
});
