/**
 * Highlighting on tiktok.com (issue 6), with the production build on the TikTok-like fixtures:
 * the exact marks and ranks on each kind of page, nothing changed where it must not be, live
 * updates when the trending list or the settings change, the infinite-scroll feed (appends,
 * empty/refill, in-place text changes, pushState), the hover card, the toolbar badge, and off.
 * The trending list is set exactly through the mock API (`{kind: 'items'}`).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_FILTERS } from '../lib/trending/types';
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings';
import { launchExtension, seedStorage, setApiKey, type Extension } from './browser';
import { CARD_HOST, hoverCard, revealShadowRoot } from './shadow';
import { FIXTURE_TREND, itemsNamed } from './fixture-trend';
import { startMockServer, type MockServer } from './server';
import { attachTarget, closeTarget, OPEN_ROW } from './targets';

const TIKTOK = 'https://www.tiktok.com';

/** The bits of `chrome.*` used inside the worker and the popup page. */
interface ChromeApi {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  runtime: {
    sendMessage(m: unknown): Promise<unknown>;
    getContexts(filter: { contextTypes: string[] }): Promise<unknown[]>;
  };
}

let server: MockServer;
let ext: Extension;

/** Every mark on the page in document order, as `rank:text`. */
function marks(page: Page): Promise<string[]> {
  return page.$$eval('[data-trending-rank]', (els) =>
    els.map((e) => `${e.getAttribute('data-trending-rank')}:${(e.textContent ?? '').trim()}`),
  );
}

/** Waits until the marks equal `expected` (they arrive once the background has fetched the list). */
async function expectMarks(page: Page, expected: string[]): Promise<void> {
  await expect.poll(() => marks(page), { timeout: 20_000 }).toEqual(expected);
}

async function badgeText(page: Page): Promise<string> {
  await page.bringToFront();
  return ext.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
    return c.action.getBadgeText({ tabId: tab!.id! });
  });
}

/** The popups the extension has open (the real toolbar popup, which no tab holds). */
function openPopups(): Promise<number> {
  return ext.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    return (await c.runtime.getContexts({ contextTypes: ['POPUP'] })).length;
  });
}

async function saveSettings(change: (s: Settings) => void): Promise<void> {
  const settings = structuredClone(DEFAULT_SETTINGS);
  change(settings);
  await seedStorage(ext, { 'sync:settings': settings, 'sync:settings$': { v: 2 } });
}

beforeAll(async () => {
  server = await startMockServer();
  server.api.respondWith({ kind: 'items', items: itemsNamed(FIXTURE_TREND) });
  ext = await launchExtension(server);
  await setApiKey(ext, 'sk_live_e2eHighlightKey0000');
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const VIDEO_MARKS = [
  '1:#fyp',
  '3:#Café',
  '4:#日本',
  '6:#BookTok',
  '5:#Dance',
  '1:#FYP',
  '2:#foryou',
  '7:#lifehack',
  '8:#straße',
  '9:#Été',
  '4:#日本',
  '11:#cat',
  '10:#gym',
];

describe('marks on TikTok-like pages', () => {
  let video: Page;

  test('video page: exactly the trending tags, with their ranks, links marked in place', async () => {
    video = await ext.page(`${TIKTOK}/@kyoto.mornings/video/7301234567890123456`);
    await expectMarks(video, VIDEO_MARKS);
    // Links carry the rank themselves (no node added); plain-text tags get a wrapper of just the tag.
    const linkMarks = await video.$$eval('a[data-trending-rank]', (as) =>
      as.map((a) => [a.getAttribute('href'), a.innerHTML.trim()]),
    );
    expect(linkMarks).toEqual([
      ['/tag/fyp', '<strong class="css-1p6dp51-StrongText">#fyp</strong>'],
      ['/tag/caf%C3%A9?lang=en', '<strong class="css-1p6dp51-StrongText">#Café</strong>'],
      ['/tag/%e6%97%a5%e6%9c%ac', '<strong class="css-1p6dp51-StrongText">#日本</strong>'],
      ['/tag/booktok', '<strong class="css-1p6dp51-StrongText">#BookTok</strong>'],
    ]);
    const comments = await video.$$eval('[data-e2e="comment-level-1"] p', (ps) =>
      ps.map((p) => p.textContent!.trim()),
    );
    expect(comments[0]).toBe('love this #Dance so much #FYP#foryou');
    expect(comments[2]).toBe('(#lifehack), "#straße"… #Été! #日本🔥');
    await ext.screenshot(video, 'highlight-video');
  });

  test('video page: inputs, the composer, scripts, attributes and the head are untouched', async () => {
    const state = await video.evaluate(() => {
      const input = document.querySelector('input')!;
      const composer = document.querySelector('[contenteditable]')!;
      return {
        value: input.value,
        placeholder: input.placeholder,
        composer: composer.innerHTML.trim(),
        json: JSON.parse(
          document.getElementById('__UNIVERSAL_DATA_FOR_REHYDRATION__')!.textContent!,
        ) as unknown,
        script: (window as unknown as { pageScriptRan: string }).pageScriptRan,
        noscript: document.querySelector('noscript')!.textContent,
        template: document.querySelector('template')!.innerHTML,
        alt: document.querySelector('img')!.alt,
        title: document.title,
        meta: document.querySelector('meta[name="description"]')!.getAttribute('content'),
        ariaLabel: document.querySelector('[role="img"]')!.getAttribute('aria-label'),
        headMarks: document.head.querySelectorAll('[data-trending-rank]').length,
      };
    });
    expect(state).toEqual({
      value: '#fyp #dance',
      placeholder: 'Search #fyp',
      composer: '#fyp my draft #dance',
      json: { desc: '#fyp #dance', title: '#fyp' },
      script: '#fyp',
      noscript: '#fyp needs JavaScript',
      template: '<p>#fyp</p>',
      alt: '#fyp #dance thumbnail',
      title: '#fyp dance day | TikTok',
      meta: '#fyp #dance on TikTok',
      ariaLabel: 'Video: #fyp dance',
      headMarks: 0,
    });
    // Typing in the composer works and is never marked.
    await video.locator('[contenteditable]').click();
    await video.keyboard.press('Control+End');
    await video.keyboard.type(' #fyp');
    await video.waitForTimeout(300);
    expect(await video.locator('[contenteditable] [data-trending-rank]').count()).toBe(0);
    expect(await video.locator('[contenteditable]').textContent()).toContain('#dance #fyp');
  });

  test('video page: the toolbar badge counts the distinct trending tags', async () => {
    await expect.poll(() => badgeText(video), { timeout: 10_000 }).toBe('11');
  });

  test('a page still loading: marked while it is parsed, a tag cut between chunks read whole, script changes caught', async () => {
    server.tiktok.setStreamedPage(
      '/loading',
      [
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Loading | TikTok</title></head><body><main>' +
          '<p id="early">early #fyp and #foryou</p><div>',
        // `#fyp` ends this piece, but the tag is `#fypandas`, which is not trending.
        '</div><p id="cut">cut #fyp',
        'andas stays plain, then #Dance</p><a href="/tag/booktok" data-e2e="search-common-link"><strong>#Book',
        // A script of the page inserts text behind where the parser is.
        'Tok</strong></a><script>document.getElementById("early").after(Object.assign(document.createElement("p"), { textContent: "by a script #gym" }))</script>' +
          '<p id="last">last #cat</p></main></body></html>',
      ],
      1_500,
    );
    const page = await ext.context.newPage();
    await page.goto(`${TIKTOK}/loading`, { waitUntil: 'commit' });
    // The first piece is marked while the rest of the page is still on its way.
    await page.waitForFunction(
      () => document.querySelectorAll('[data-trending-rank]').length === 2,
      undefined,
      { timeout: 20_000 },
    );
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
    expect(await marks(page)).toEqual(['1:#fyp', '2:#foryou']);
    await page.waitForLoadState('load');
    await expectMarks(page, [
      '1:#fyp',
      '2:#foryou',
      '10:#gym',
      '5:#Dance',
      '6:#BookTok',
      '11:#cat',
    ]);
    expect(await page.locator('#cut').textContent()).toBe('cut #fypandas stays plain, then #Dance');
    expect(await page.locator('#cut [data-trending-rank]').allTextContents()).toEqual(['#Dance']);
    await page.close();
  });

  test('hover card: after a hover, beside the tag, with the numbers as text; Escape closes it', async () => {
    const link = video.locator('a[href="/tag/fyp"]');
    await link.hover();
    const card = await hoverCard(video);
    await expect.poll(() => card.isVisible(), { timeout: 5_000 }).toBe(true);
    const text = await card.innerText();
    const fyp = itemsNamed(FIXTURE_TREND)[0]!;
    expect(text).toContain('#fyp');
    expect(text).toContain('#1');
    expect(text).toMatch(/Posts\s+\S+/);
    expect(text).toMatch(/Views\s+\S+/);
    expect(text).toMatch(/Data updated/);
    expect(await card.locator('svg path').getAttribute('d')).toMatch(
      new RegExp(`^M[\\d.]+ [\\d.]+( L[\\d.]+ [\\d.]+){${fyp.trend.length - 1}}$`),
    );
    const [tagBox, cardBox] = [await link.boundingBox(), await card.boundingBox()];
    const overlaps =
      tagBox!.x < cardBox!.x + cardBox!.width &&
      cardBox!.x < tagBox!.x + tagBox!.width &&
      tagBox!.y < cardBox!.y + cardBox!.height &&
      cardBox!.y < tagBox!.y + tagBox!.height;
    expect(overlaps).toBe(false);
    // Right beside it: just below (or above) the tag.
    const gap = Math.min(
      Math.abs(cardBox!.y - (tagBox!.y + tagBox!.height)),
      Math.abs(tagBox!.y - (cardBox!.y + cardBox!.height)),
    );
    expect(gap).toBeLessThanOrEqual(12);
    await ext.screenshot(video, 'highlight-hover-card');
    await video.keyboard.press('Escape');
    await expect.poll(() => card.isVisible()).toBe(false);
    await video.mouse.move(0, 0);
  });

  test("the card's file is not reachable at the extension's fixed address (no fingerprinting)", async () => {
    // The card loaded above through the per-session dynamic URL; a page probing the extension's
    // fixed ID (the classic way to learn what a visitor has installed) gets an error.
    const probe = (url: string) =>
      video.evaluate(
        (src) =>
          new Promise<string>((resolve) => {
            const script = document.createElement('script');
            script.src = src;
            script.onload = () => resolve('loaded');
            script.onerror = () => resolve('blocked');
            document.head.append(script);
            script.remove();
          }),
        url,
      );
    expect(await probe(`chrome-extension://${ext.extensionId}/tiktok-card.js`)).toBe('blocked');
  });

  test('hover card by keyboard: focus the tag, Tab into the card, open the list', async () => {
    const link = video.locator('a[href="/tag/booktok"]');
    await link.focus();
    const card = await hoverCard(video);
    await expect.poll(() => card.isVisible(), { timeout: 5_000 }).toBe(true);
    expect(await card.innerText()).toContain('#booktok');
    await video.keyboard.press('Tab');
    const button = card.getByRole('button', { name: 'Open in Hashtag Radar' });
    await expect.poll(() => button.evaluate((b) => b.matches(':focus'))).toBe(true);
    // The popup (what the toolbar button opens by default) opens at the tag, its row expanded.
    const opened = attachTarget(video, `${ext.baseUrl}popup.html`);
    await video.keyboard.press('Enter');
    const radar = await opened;
    await expect.poll(() => radar.evaluate(OPEN_ROW), { timeout: 10_000 }).toBe('#booktok');
    await closeTarget(radar);
    await expect.poll(() => card.isVisible()).toBe(false);
  });

  test("a page script opens no card and no list: only a person's hover and click act", async () => {
    const opened: string[] = [];
    const onPage = (page: Page) => opened.push(page.url());
    const page = await ext.page(`${TIKTOK}/@kyoto.mornings/video/7301234567890123456`);
    await expectMarks(page, VIDEO_MARKS);
    ext.context.on('page', onPage);
    try {
      const link = page.locator('a[href="/tag/booktok"]');
      // The page dispatches what a hover, a focus and a Tab would, on the marked link itself.
      const cardAfterSynthetic = await link.evaluate(async (a) => {
        a.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
        a.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
        await new Promise((done) => setTimeout(done, 800));
        return document.querySelector('hashtag-radar-card') !== null;
      });
      expect(cardAfterSynthetic, 'no card (not even its code) for synthetic events').toBe(false);

      // A person's hover opens it, in a shadow root the page cannot open.
      await link.hover();
      expect(await revealShadowRoot(page, CARD_HOST)).toBe('closed');
      const card = page.locator(CARD_HOST).getByRole('dialog');
      await expect.poll(() => card.isVisible(), { timeout: 5_000 }).toBe(true);
      // A click the page made on the card's button (were it ever to reach it) opens nothing.
      const button = card.getByRole('button', { name: 'Open in Hashtag Radar' });
      await button.evaluate((b) => {
        b.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        (b as HTMLElement).click();
      });
      await new Promise((done) => setTimeout(done, 1_000));
      expect(opened).toEqual([]);
      expect(await openPopups()).toBe(0);
      // A person's click does.
      const radar = attachTarget(page, `${ext.baseUrl}popup.html`);
      await button.click();
      await expect
        .poll(async () => (await radar).evaluate(OPEN_ROW), { timeout: 10_000 })
        .toBe('#booktok');
      await closeTarget(await radar);
    } finally {
      ext.context.off('page', onPage);
      await page.close();
    }
  });

  test('underline style reads on the page, and a marked link still navigates', async () => {
    const style = await video
      .locator('a[href="/tag/fyp"]')
      .evaluate((a) => [
        getComputedStyle(a).textDecorationLine,
        getComputedStyle(a).textDecorationColor,
      ]);
    expect(style).toEqual(['underline', 'rgb(254, 44, 85)']);
    await video.locator('a[href="/tag/fyp"]').click();
    await video.waitForURL(`${TIKTOK}/tag/fyp`);
    // tag.html, the #diy challenge page.
    await expectMarks(video, ['16:#diy', '16:#diy', '19:#art', '16:#DIY', '16:#diy', '20:#recipe']);
    expect(await video.title()).toBe('#diy Hashtag Videos on TikTok');
    expect(await video.locator('input').inputValue()).toBe('#diy');
    await video.close();
  });

  test('feed (dark theme) and search pages', async () => {
    const feed = await ext.page(`${TIKTOK}/foryou`);
    await expectMarks(feed, [
      '12:#food',
      '13:#Travel',
      '12:#food',
      '18:#football',
      '17:#skincare',
      '14:#comedy',
    ]);
    await ext.screenshot(feed, 'highlight-feed-dark');
    await feed.close();
    const search = await ext.page(`${TIKTOK}/search?q=%23travel`);
    // The challenge card spells the bare name; its /tag/ href names it.
    await expectMarks(search, ['13:travel', '13:#travel', '13:#travel']);
    expect(await search.locator('input').inputValue()).toBe('#travel');
    await search.close();
  });
});

describe('an infinite-scroll feed that changes under the highlighter', () => {
  let feed: Page;
  const ITEM = ['1:#fyp', '5:#Dance', '11:#cat'];
  const repeat = (n: number, item = ITEM) => Array.from({ length: n }, () => item).flat();
  const call = (fn: string, ...args: unknown[]) =>
    feed.evaluate(
      ([name, rest]) =>
        (window as unknown as { __feed: Record<string, (...a: unknown[]) => unknown> }).__feed[
          name as string
        ]!(...(rest as unknown[])),
      [fn, args] as const,
    );

  test('marks appended items, including those appended by scrolling', async () => {
    feed = await ext.page(`${TIKTOK}/feed`);
    // The sentinel is in view at first, so the page appends more items on its own.
    const count = async () => (await call('count')) as number;
    await expect.poll(count).toBeGreaterThanOrEqual(4);
    await expect
      .poll(async () => (await marks(feed)).length, { timeout: 20_000 })
      .toBe((await count()) * 3);
    await call('append', 5);
    await expectMarks(feed, repeat(await count()));
    await feed.mouse.wheel(0, 20_000);
    await feed.waitForTimeout(500);
    await expectMarks(feed, repeat(await count()));
  });

  test('items emptied and refilled get their marks again, without duplicates', async () => {
    const n = (await call('count')) as number;
    await call('empty', 1);
    await expectMarks(feed, repeat(n - 1));
    await call('refill', 1);
    await expectMarks(feed, repeat(n));
    const item = await feed.locator('[data-index="1"] [data-e2e="video-desc"]').textContent();
    expect(item).toBe('Clip 1 #fyp and #Dance all day');
  });

  test('text React rewrites in place is marked anew, and the old wrapper is gone', async () => {
    const n = (await call('count')) as number;
    await call('retext', 0, 'now #gym ');
    const expected = repeat(n);
    expected.splice(2, 1, '10:#gym');
    await expectMarks(feed, expected);
    expect(await feed.locator('[data-index="0"] [data-e2e="comment-level-1"]').textContent()).toBe(
      'now #gym #nottrending',
    );
  });

  test('follows pushState navigation, and the badge follows the page', async () => {
    await call('navigate', '/following', 'food');
    expect(feed.url()).toBe(`${TIKTOK}/following`);
    // The page keeps appending (its sentinel is in view): items of the new topic.
    const food = ['12:#food', '5:#Dance', '11:#cat'];
    await expect
      .poll(
        async () =>
          (await marks(feed)).join() === repeat((await call('count')) as number, food).join(),
        {
          timeout: 20_000,
        },
      )
      .toBe(true);
    await expect.poll(() => badgeText(feed), { timeout: 10_000 }).toBe('3');
  });
});

describe('live updates and settings', () => {
  let page: Page;

  test('a new trending list from the background re-marks the open page', async () => {
    page = await ext.page(`${TIKTOK}/@kyoto.mornings/video/7301234567890123456`);
    await expectMarks(page, VIDEO_MARKS);
    // The list changes: fyp drops out, kyotolife enters at rank 1, the others keep their ranks.
    const next = ['kyotolife', ...FIXTURE_TREND.filter((n) => n !== 'fyp')];
    server.api.respondWith({ kind: 'items', items: itemsNamed(next) });
    const popup = await ext.openPopup();
    await popup.evaluate(
      (filters) =>
        (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage({
          hashtagRadar: 1,
          type: 'getTrending',
          data: { filters, pages: 1, force: true },
        }),
      DEFAULT_FILTERS,
    );
    await popup.close();
    await expectMarks(page, [
      '3:#Café',
      '4:#日本',
      '6:#BookTok',
      '1:#kyotolife',
      '5:#Dance',
      '2:#foryou',
      '7:#lifehack',
      '8:#straße',
      '9:#Été',
      '4:#日本',
      '11:#cat',
      '10:#gym',
    ]);
    expect(
      (await page.locator('[data-e2e="comment-level-1"] p').first().textContent())!.trim(),
    ).toBe('love this #Dance so much #FYP#foryou');
  });

  test('a deeper highlight depth marks more, the badge style shows the rank', async () => {
    await saveSettings((s) => {
      s.highlight.depth = 40;
      s.highlight.style = 'badge';
    });
    // nightroutine (rank 21 of the new list) is now within the depth.
    await expect.poll(() => marks(page), { timeout: 20_000 }).toContain('21:#nightroutine');
    expect(await page.evaluate(() => document.documentElement.dataset.hashtagRadarStyle)).toBe(
      'badge',
    );
    const badge = await page
      .locator('a[href="/tag/booktok"]')
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(badge).toBe('"6"');
  });

  test('switching highlighting off removes every mark and restores the text', async () => {
    await saveSettings((s) => {
      s.highlight.enabled = false;
    });
    await expectMarks(page, []);
    const comments = await page.$$eval('[data-e2e="comment-level-1"] p span', (spans) =>
      spans.map((s) => s.innerHTML),
    );
    expect(comments[0]).toBe('love this #<!-- -->Dance so much #FYP#foryou');
    expect(await page.locator('hashtag-radar-tag').count()).toBe(0);
    await expect.poll(() => badgeText(page), { timeout: 10_000 }).toBe('');
    await saveSettings(() => undefined);
    await expect.poll(async () => (await marks(page)).length, { timeout: 20_000 }).toBe(12);
    expect(ext.errors).toEqual([]);
  });

  test('sample mode: the sample list is highlighted and the card says it is sample data', async () => {
    await seedStorage(ext, { 'local:sampleMode': true });
    const popup = await ext.openPopup();
    const reply = (await popup.evaluate(() =>
      (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage({
        hashtagRadar: 1,
        type: 'getHighlightSet',
      }),
    )) as { ok: true; value: { source: string; tags: { name: string; rank: number }[] } };
    await popup.close();
    expect(reply.value.source).toBe('sample');
    const [a, b] = reply.value.tags.filter((t) => /^[\p{L}\p{N}_]+$/u.test(t.name));
    server.tiktok.setPage(
      '/sample',
      `<!doctype html><meta charset="utf-8"><title>Sample</title><body><div data-e2e="video-desc">` +
        `<a data-e2e="search-common-link" href="/tag/${encodeURIComponent(a!.name)}"><strong>#${a!.name}</strong></a>` +
        ` <span>and #${b!.name} but not #zzznotsample</span></div></body>`,
    );
    const sample = await ext.page(`${TIKTOK}/sample`);
    await expectMarks(sample, [`${a!.rank}:#${a!.name}`, `${b!.rank}:#${b!.name}`]);
    await sample.locator('a').hover();
    const card = await hoverCard(sample);
    await expect.poll(() => card.isVisible(), { timeout: 5_000 }).toBe(true);
    expect(await card.innerText()).toContain('Sample data');
    await sample.close();
    await seedStorage(ext, { 'local:sampleMode': false });
  });
});
