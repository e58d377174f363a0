import { describe, expect, it } from 'vitest';
import { silentTabStatus } from './page-watch';

describe('silentTabStatus: a tab whose content script did not answer', () => {
  it('is not answering when a script is there but timed out', () => {
    expect(silentTabStatus('timeout', { status: 'complete' }, false)).toBe('no-answer');
  });

  it('is still loading while its page loads', () => {
    expect(silentTabStatus('no-script', { status: 'loading' }, true)).toBe('loading');
  });

  it('without its address (Chrome): reload if it was open before the install or update, else not TikTok', () => {
    expect(silentTabStatus('no-script', { status: 'complete' }, true)).toBe('reload');
    expect(silentTabStatus('no-script', { status: 'complete' }, false)).toBe('not-tiktok');
  });

  it('with its address (Firefox, our own pages): exactly', () => {
    const tiktok = { status: 'complete' as const, url: 'https://www.tiktok.com/foryou' };
    expect(silentTabStatus('no-script', tiktok, false)).toBe('reload');
    for (const url of [
      'https://example.com/',
      'http://www.tiktok.com/foryou',
      'https://m.tiktok.com/',
      'about:blank',
    ]) {
      expect(silentTabStatus('no-script', { status: 'complete', url }, true), url).toBe(
        'not-tiktok',
      );
    }
  });
});
