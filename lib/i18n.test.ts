// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { localizePage, matchesMessage, t, tParts } from './i18n';

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

describe('tParts', () => {
  it('puts the nodes where their placeholders are, between the text', () => {
    const link = { link: 'sample data' };
    expect(tParts('optionsWelcome', link)).toEqual([
      'To see live trends, paste your keyapi.ai API key below and press Save. Want to look around first? Turn on ',
      link,
      ': no key, no requests, no cost.',
    ]);
    const [code, site] = [{ node: 'code' }, { node: 'link' }];
    expect(tParts('keyHelp', code, site)).toEqual([
      'Looks like ',
      code,
      '. Find it in your ',
      site,
      ' dashboard. It is kept in this browser only (never synced) and sent only to keyapi.ai. Leave the field empty to keep the saved key.',
    ]);
  });
});

describe('matchesMessage', () => {
  it('recognises a message whatever was substituted, and nothing else', () => {
    const notice = t('noticeRegion', 'X.(Y)*', 'All regions');
    expect(matchesMessage(notice, 'noticeRegion', 2)).toBe(true);
    expect(matchesMessage(notice, 'noticeBudget', 4)).toBe(false);
    expect(matchesMessage(`${notice} more`, 'noticeRegion', 2)).toBe(false);
    expect(matchesMessage('The saved region', 'noticeRegion', 2)).toBe(false);
  });
});
