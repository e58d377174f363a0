// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { localizePage, t } from './i18n';

describe('t', () => {
  it('reads the English message and fills its placeholders in order', () => {
    expect(t('extName')).toBe('Hashtag Radar');
    expect(t('showMoreRanks', 21, 40, t('costCredits', 2))).toBe('· ranks 21–40 · 2 credits');
  });

  it("formats numbers for the browser's locale before substituting them", () => {
    expect(t('creditsToday', 1200, 5000)).toBe(
      `${new Intl.NumberFormat().format(1200)} / ${new Intl.NumberFormat().format(5000)} credits today`,
    );
  });

  it('passes text through unchanged, dollar signs included', () => {
    expect(t('copiedTag', '#$1cash')).toBe('Copied #$1cash');
  });
});

describe('localizePage', () => {
  it("sets the page's language, direction and title", () => {
    localizePage('Hashtag Radar');
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
    expect(document.title).toBe('Hashtag Radar');
  });
});
