/**
 * Watching on the production build (issue 16): hashtags watched through the real protocol, as the
 * popup will; the loopback API serves one ranking, then another; refreshes are asked for from an
 * extension page. Checked: the events stored, the toolbar badge (text, colour, title; a tiktok.com
 * tab's own count never mistaken for it), the hover card's watch toggle (trusted hover, click and
 * keys only, in its closed shadow root), the options' alert settings; and, in a copy of the build
 * whose manifest grants `notifications` at install (Chromium lets no test answer its permission
 * prompt; the code is the same files), exactly one notification per refresh.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MessageType, Request, Response } from '../lib/messaging';
import { DEFAULT_FILTERS } from '../lib/trending/types';
import type { ChangeEvent } from '../lib/watch/types';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { launchExtension, readStorage, seedStorage, setApiKey, type Extension } from './browser';
import { startMockServer, type MockServer } from './server';
import { CARD_HOST, revealShadowRoot } from './shadow';
import {
  badge,
  changesBadge,
  COUNT_COLOR,
  launchGranted,
  notificationsShown,
  ranking,
} from './watch-support';

const KEY = 'sk_live_e2eWatchKey5c8d2e7f01';
const TIKTOK = 'https://www.tiktok.com';
const VIDEO = `${TIKTOK}/@kyoto.mornings/video/7301234567890123456`;
/** Sends one message of the real protocol from an extension page, as the popup does. */
async function send<K extends MessageType>(
  page: Page,
  type: K,
  data?: Request<K>,
): Promise<Response<K>> {
  const reply = (await page.evaluate(
    (envelope) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage(envelope),
    { hashtagRadar: 1, type, data },
  )) as { ok: boolean; value?: Response<K>; error?: string };
  if (!reply.ok) throw new Error(reply.error);
  return reply.value!;
}

/** The Refresh button's message for the default filters; waits until the fetch has landed. */
async function refresh(page: Page, server: MockServer): Promise<void> {
  const before = server.apiRequests().length;
  await send(page, 'getTrending', { filters: DEFAULT_FILTERS, pages: 1, force: true });
  await expect.poll(() => server.apiRequests().length, { timeout: 15_000 }).toBe(before + 1);
  await expect
    .poll(
      async () =>
        (await send(page, 'getTrending', { filters: DEFAULT_FILTERS, pages: 1 })).refreshing,
    )
    .toBe(false);
}

const brief = (events: ChangeEvent[]) =>
  events.map((e) => `${e.kind} ${e.tag} ${e.oldRank ?? '-'}→${e.newRank ?? '-'}`);

describe('watching on the production build', () => {
  let server: MockServer;
  let ext: Extension;
  let messenger: Page;

  beforeAll(async () => {
    server = await startMockServer();
    server.api.respondWith(ranking());
    ext = await launchExtension(server);
    await setApiKey(ext, KEY);
    messenger = ext.installPage ?? (await ext.openOptions());
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  test('the first refresh is the baseline: no events, an empty badge', async () => {
    for (const name of ['#booktok', 'nightroutine']) {
      expect(await send(messenger, 'setWatched', { name, watched: true })).toMatchObject({
        watched: true,
      });
    }
    await expect(
      send(messenger, 'setWatched', { name: 'night routine', watched: true }),
    ).rejects.toThrow('"night routine" is not a hashtag');
    await refresh(messenger, server);
    await expect
      .poll(async () => (await readStorage(ext, ['local:watch:snapshot']))['local:watch:snapshot'])
      .toMatchObject({ depth: 20, filters: DEFAULT_FILTERS });
    expect((await send(messenger, 'getChanges')).events).toEqual([]);
    expect(await badge(ext)).toMatchObject({ text: '', title: 'Hashtag Radar' });
    const watchlist = (await readStorage(ext, ['sync:watchlist']))['sync:watchlist'];
    // Watched before anything was fetched: where they stood then is unknown.
    expect(watchlist).toEqual([
      expect.objectContaining({ name: 'booktok', start: null }),
      expect.objectContaining({ name: 'nightroutine', start: null }),
    ]);
  });

  test('a different ranking at the next refresh: the changes are stored and counted on the badge', async () => {
    server.api.respondWith(ranking({ nightroutine: 3, booktok: 18 }));
    await refresh(messenger, server);
    await expect
      .poll(async () => brief((await send(messenger, 'getChanges')).events), { timeout: 10_000 })
      .toEqual(['down booktok 6→18', 'entered nightroutine -→3']);
    const stored = (await readStorage(ext, ['local:watch:changes']))[
      'local:watch:changes'
    ] as ChangeEvent[];
    expect(stored).toHaveLength(2);
    expect(stored.every((e) => !e.seen && e.depth === 20)).toBe(true);
    await expect.poll(() => badge(ext)).toEqual(changesBadge(2));

    // The same ranking again: nothing new.
    await refresh(messenger, server);
    await new Promise((done) => setTimeout(done, 1000));
    expect((await send(messenger, 'getChanges')).events).toHaveLength(2);

    const view = await send(messenger, 'getWatchlist');
    expect(view).toMatchObject({ depth: 20, source: 'live' });
    expect(view.tags.map((t) => [t.name, t.rank])).toEqual([
      ['booktok', 18],
      ['nightroutine', 3],
    ]);
  });

  test('a tiktok.com tab shows its own count in another colour and words; without one, the changes', async () => {
    const page = await ext.page(VIDEO);
    await expect
      .poll(() => badge(ext, page), { timeout: 20_000 })
      .toMatchObject({
        color: COUNT_COLOR,
        title: expect.stringMatching(/^Hashtag Radar: \d+ trending hashtags on this page$/),
      });
    const own = await badge(ext, page);
    expect(own.text).toMatch(/^\d+$/);
    expect(own.text).not.toBe('2');
    // Highlighting off: the tab has no count of its own any more.
    const settings = structuredClone(DEFAULT_SETTINGS);
    settings.highlight.enabled = false;
    await seedStorage(ext, { 'sync:settings': settings, 'sync:settings$': { v: 2 } });
    await expect.poll(() => badge(ext, page), { timeout: 10_000 }).toEqual(changesBadge(2));
    await seedStorage(ext, { 'sync:settings': DEFAULT_SETTINGS });
    await page.close();
  });

  test("the hover card's toggle: Watch #name, pressed while watched, only for a person's click and keys", async () => {
    const page = await ext.page(VIDEO);
    const link = page.locator('a[href="/tag/booktok"]');
    await link.waitFor();
    await expect
      .poll(() => link.getAttribute('data-trending-rank'), { timeout: 20_000 })
      .toBe('18');
    await link.hover();
    expect(await revealShadowRoot(page, CARD_HOST)).toBe('closed');
    const card = page.locator(CARD_HOST).getByRole('dialog');
    await expect.poll(() => card.isVisible(), { timeout: 5_000 }).toBe(true);
    const toggle = card.getByRole('button', { name: 'Watch #booktok', exact: true });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const watched = async () =>
      ((await readStorage(ext, ['sync:watchlist']))['sync:watchlist'] as { name: string }[]).map(
        (t) => t.name,
      );

    // A page script's click does nothing (were it ever to reach into the closed root).
    await toggle.evaluate((b) => {
      b.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      (b as HTMLElement).click();
    });
    await new Promise((done) => setTimeout(done, 800));
    expect(await watched()).toEqual(['booktok', 'nightroutine']);

    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(watched).toEqual(['nightroutine']);
    await ext.screenshot(page, 'watch-hover-card-off');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(watched).toEqual(['nightroutine', 'booktok']);
    await ext.screenshot(page, 'watch-hover-card-on');
    await page.keyboard.press('Escape');
    await page.mouse.move(0, 0);
    await expect.poll(() => card.isVisible()).toBe(false);

    // By keyboard: the tag, Tab into the card (Open), Tab to the toggle, Space, Tab out. (Escape
    // gave the focus back to the tag: it is focused anew.)
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await link.focus();
    await expect.poll(() => card.isVisible(), { timeout: 5_000 }).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => toggle.evaluate((b) => b.matches(':focus'))).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(watched).toEqual(['nightroutine']);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('Enter');
    await expect.poll(watched).toEqual(['nightroutine', 'booktok']);
    await page.keyboard.press('Tab');
    await expect.poll(() => card.isVisible()).toBe(false);
    await page.close();
    expect(ext.errors).toEqual([]);
  });

  test('opening the Changes view (marking them seen) clears the badge', async () => {
    const { unseen } = await send(messenger, 'markChangesSeen', {});
    expect(unseen).toBe(0);
    await expect.poll(() => badge(ext)).toMatchObject({ text: '', title: 'Hashtag Radar' });
  });

  test('options: alert settings with what watching costs, by keyboard, axe clean light and dark', async () => {
    const page = await ext.openOptions();
    const section = page.getByRole('region', { name: 'Watchlist alerts' });
    await section.waitFor();
    const cost = await page.locator('#alerts-cost').innerText();
    expect(cost).toContain(
      'Watching costs no extra credits: alerts compare what the schedule already fetches, the top 20 of your default filters (4 credits a day at a refresh every 12 h).',
    );
    expect(cost).toContain('Top 40 — 8 credits a day');
    expect(cost).toContain('Top 100 — 20 credits a day');
    const move = page.getByLabel('Alert when a watched hashtag moves by', { exact: true });
    expect(await move.inputValue()).toBe('5');
    const newcomers = page.getByLabel(
      'Also alert me to hashtags new to the top 20 (All industries)',
    );
    expect(await newcomers.isChecked()).toBe(false);
    const notify = page.getByLabel('Show a system notification when something changes');
    expect(await notify.isChecked()).toBe(false);

    await move.fill('0');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => page.locator('#alert-move-error').innerText())
      .toContain('Choose between 1 and 99 ranks.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('alert-move');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await newcomers.isChecked()).toBe(true);
    await move.press('Enter');
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: 'alerts from 3 ranks and for new top-20' })
          .count(),
      )
      .toBe(1);
    expect((await readStorage(ext, ['sync:settings']))['sync:settings']).toMatchObject({
      alerts: { minMove: 3, newcomers: true },
    });

    // A deeper highlight is a deeper (and dearer) watch; the note follows the form.
    await page.getByLabel('Top 60 — 12 credits a day').check();
    await expect
      .poll(() => page.locator('#alerts-cost').innerText())
      .toContain('the top 60 of your default filters (12 credits');

    const axeSource = await readFile(
      createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
      'utf8',
    );
    await page.evaluate(axeSource);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const violations = await page.evaluate(async () => {
        const { axe } = globalThis as unknown as {
          axe: {
            run(
              c: unknown,
            ): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
          };
        };
        const result = await axe.run({ include: [['section[aria-labelledby="alerts-heading"]']] });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations, scheme).toEqual([]);
      await section.screenshot({ path: join('.e2e-artifacts', `watch-options-${scheme}.png`) });
    }
    await page.close();
    expect(ext.errors).toEqual([]);
  });
});

describe('notifications, with the permission granted', () => {
  let server: MockServer;
  let ext: Extension;
  let messenger: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ server, ext, close } = await launchGranted(KEY));
    messenger = ext.installPage ?? (await ext.openOptions());
  });

  afterAll(() => close?.());

  const shown = () => notificationsShown(ext);

  test('exactly one notification per refresh with changes, none for the baseline or an unchanged one', async () => {
    // getAll reports ids only: the worker also notes what was created, to read the words.
    await ext.worker.evaluate(() => {
      const g = globalThis as unknown as {
        created: { title: string; message: string }[];
        chrome: { notifications: { create: (...a: unknown[]) => unknown } };
      };
      g.created = [];
      const create = g.chrome.notifications.create.bind(g.chrome.notifications);
      g.chrome.notifications.create = (...args: unknown[]) => {
        g.created.push(args[1] as { title: string; message: string });
        return create(...args);
      };
    });
    const created = () =>
      ext.worker.evaluate(
        () => (globalThis as unknown as { created: { message: string }[] }).created,
      );

    const options = await ext.openOptions();
    expect(
      await options.getByLabel('Show a system notification when something changes').isChecked(),
    ).toBe(true);
    await options.close();

    for (const name of ['booktok', 'nightroutine', 'gym'])
      await send(messenger, 'setWatched', { name, watched: true });
    await refresh(messenger, server);
    await expect
      .poll(async () => (await readStorage(ext, ['local:watch:snapshot']))['local:watch:snapshot'])
      .toBeTruthy();
    expect(await shown()).toEqual([]);

    server.api.respondWith(ranking({ nightroutine: 3, booktok: 18 }));
    await refresh(messenger, server);
    await expect.poll(shown, { timeout: 10_000 }).toEqual(['hashtag-radar-changes']);
    expect(await created()).toEqual([
      expect.objectContaining({
        title: 'Hashtag Radar: your watchlist',
        message: '#nightroutine entered the top 20 at #3; 1 more change',
      }),
    ]);

    await refresh(messenger, server);
    await new Promise((done) => setTimeout(done, 1000));
    expect(await created()).toHaveLength(1);

    server.api.respondWith(ranking({ gym: 1 }));
    await refresh(messenger, server);
    await expect.poll(async () => (await created()).length, { timeout: 10_000 }).toBe(2);
    expect(await shown()).toEqual(['hashtag-radar-changes']);
    expect((await created())[1]!.message).toMatch(
      /^#nightroutine dropped out of the top 20 \(was #3\); 2 more changes$/,
    );
    expect(ext.errors).toEqual([]);
  });
});
