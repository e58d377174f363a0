import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageTagsKey } from '../../lib/page/store';
import type { PageTagsView } from '../../lib/page/view';
import {
  NO_REPORT_RETRIES,
  NO_REPORT_RETRY_MS,
  silentTabStatus,
  watchPage,
  type PageStatus,
} from './page-watch';

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

describe('watchPage: the tab beside the panel', () => {
  const TAB = 7;
  /** What the background says of the tab: how many names it has stored for it. */
  const view = (found: number) => ({ found: Array.from({ length: found }) }) as PageTagsView;
  let answers: ((value: unknown) => void)[];

  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
      { id: TAB, status: 'complete', active: true } as never,
    ]);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(true);
    // The background's answers to getPageTags, given by the test one at a time.
    answers = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(
      () => new Promise((resolve) => answers.push(resolve)),
    );
  });

  afterEach(() => vi.useRealTimers());

  const asked = () => vi.mocked(fakeBrowser.runtime.sendMessage).mock.calls.length;

  it("asks again when the tab's names change while its first answer is on the way", async () => {
    const said: PageStatus[] = [];
    const watch = watchPage((status) => said.push(status));
    await vi.waitFor(() => expect(asked()).toBe(1));
    // The content script reports (the background stores its names) before that answer arrives,
    // which the background had read before the report.
    await fakeBrowser.storage.session.set({ [pageTagsKey(TAB)]: { names: ['fyp'], at: 1 } });
    answers[0]!({ ok: true, value: view(0) });
    await vi.waitFor(() => expect(said.at(-1)).toMatchObject({ kind: 'ready' }));
    expect((said.at(-1) as { view: PageTagsView }).view.found).toHaveLength(0);
    // Asked again (within 500 ms), it shows the names.
    await vi.waitFor(() => expect(asked()).toBe(2), { timeout: 2_000 });
    answers[1]!({ ok: true, value: view(1) });
    await vi.waitFor(() =>
      expect((said.at(-1) as { view: PageTagsView }).view.found).toHaveLength(1),
    );
    watch.stop();
  });

  it('asks a tab that answered but has reported nothing again, a few times, until it has', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const none = { ...view(0), reportedAt: null };
    const said: PageStatus[] = [];
    const watch = watchPage((status) => said.push(status));
    const reportNow = vi.mocked(fakeBrowser.tabs.sendMessage);
    await vi.waitFor(() => expect(asked()).toBe(1));
    answers[0]!({ ok: true, value: none });
    await vi.waitFor(() => expect(said.at(-1)).toMatchObject({ kind: 'ready' }));
    // A second later the tab is asked to report again, and the background for its names.
    await vi.advanceTimersByTimeAsync(NO_REPORT_RETRY_MS);
    await vi.waitFor(() => expect(asked()).toBe(2));
    expect(reportNow).toHaveBeenCalledTimes(2);
    answers[1]!({ ok: true, value: { ...view(3), reportedAt: 5 } });
    await vi.waitFor(() =>
      expect((said.at(-1) as { view: PageTagsView }).view.found).toHaveLength(3),
    );
    // Reported: no more asking.
    await vi.advanceTimersByTimeAsync(5 * NO_REPORT_RETRY_MS);
    expect(asked()).toBe(2);
    watch.stop();
  });

  it('gives up on a tab that never reports after a few asks', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const watch = watchPage(() => undefined);
    for (let i = 0; i <= NO_REPORT_RETRIES + 2; i++) {
      await vi.waitFor(() => expect(answers.length).toBeGreaterThan(i));
      answers[i]!({ ok: true, value: { ...view(0), reportedAt: null } });
      await vi.advanceTimersByTimeAsync(NO_REPORT_RETRY_MS);
      if (answers.length === i + 1) break;
    }
    expect(asked()).toBe(1 + NO_REPORT_RETRIES);
    watch.stop();
  });

  it('asks once when nothing changed meanwhile', async () => {
    const said: PageStatus[] = [];
    const watch = watchPage((status) => said.push(status));
    await vi.waitFor(() => expect(asked()).toBe(1));
    answers[0]!({ ok: true, value: view(2) });
    await vi.waitFor(() => expect(said.at(-1)).toMatchObject({ kind: 'ready' }));
    await new Promise((done) => setTimeout(done, 700));
    expect(asked()).toBe(1);
    watch.stop();
  });
});
