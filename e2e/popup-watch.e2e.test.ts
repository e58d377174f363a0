/**
 * Watching and the caption selection from the popup, on the production build (issues 16 and 17):
 * a person watches hashtags with the rows' toggles (and "Watch #text" for one not listed), the
 * loopback API then serves another ranking, Refresh; the Changes tab lists what changed, the
 * toolbar badge counts it, one notification is shown, and opening Changes clears the badge; the
 * Watching tab shows ranks, movement, rank history and since when a tag is out; with Changes open,
 * a refresh's events appear in it. Then the selection: checkboxes and Space, the tray, Copy, kept
 * across reopening, Clear. axe in light and dark, and in the side panel at 320 and 600 px. Runs on
 * a copy of the build with `notifications` granted (watch-support.ts): the same files, without a
 * permission prompt no test could answer.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from './axe';
import { keepPicture } from './doc-pictures';
import { localDay } from '../lib/format';
import { DEFAULT_FILTERS, filtersKey } from '../lib/trending/types';
import { POPUP_SIZE, readStorage, seedStorage, type Extension } from './browser';
import type { MockServer } from './server';
import { badge, changesBadge, launchGranted, notificationsShown, ranking } from './watch-support';

const KEY = 'sk_live_e2ePopupWatch3a9c51d7e2';

let server: MockServer;
let ext: Extension;
let popup: Page;

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
const row = (page: Page, name: string) =>
  page.locator('ol.trend-list > li').filter({ has: page.getByText(`#${name}`, { exact: true }) });
const watchToggle = (page: Page, name: string) =>
  row(page, name)
    .locator('.row-actions')
    .getByRole('button', { name: `Watch #${name}` });

/** The names in the popup's list, in order, without `#`. */
const shownNames = (page: Page) =>
  page
    .locator('ol.trend-list > li .tag-name')
    .evaluateAll((els) => els.map((el) => el.textContent!.replace(/^#/, '')));

/** Waits until the background has no request under way and the popup's list is `names`' start. */
async function listStartsWith(page: Page, names: string[]) {
  await expect
    .poll(async () => (await shownNames(page)).slice(0, names.length), { timeout: 20_000 })
    .toEqual(names);
}

const watchlist = async () =>
  (
    ((await readStorage(ext, ['sync:watchlist']))['sync:watchlist'] ?? []) as {
      name: string;
      start: { rank: number | null } | null;
    }[]
  ).map((t) => `${t.name}@${t.start?.rank ?? '-'}`);

let close: () => Promise<void>;

beforeAll(async () => {
  ({ server, ext, close } = await launchGranted(KEY));
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

afterAll(() => close?.());

describe('watching from the popup', () => {
  test('each row has a "Watch #name" toggle, pressed while watched; the expanded row offers it too', async () => {
    popup = await ext.openPopup();
    await listStartsWith(popup, ['fyp', 'foryou', 'café']);
    const toggle = watchToggle(popup, 'booktok');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(watchlist).toEqual(['booktok@6']);
    // The name stays "Watch #booktok": the pressed state says it is on.
    expect(await toggle.getAttribute('aria-label')).toBe('Watch #booktok');

    // The expanded row's own toggle: the same state, and it acts on the same watchlist.
    await row(popup, 'dance').locator('.row-toggle').click();
    const inDetails = row(popup, 'dance')
      .locator('.details')
      .getByRole('button', { name: 'Watch #dance', exact: true });
    await inDetails.waitFor();
    expect(await inDetails.getAttribute('aria-pressed')).toBe('false');
    await inDetails.click();
    await expect.poll(() => watchToggle(popup, 'dance').getAttribute('aria-pressed')).toBe('true');
    expect(await inDetails.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(watchlist).toEqual(['booktok@6', 'dance@5']);
    await row(popup, 'dance').locator('.row-toggle').click();
    expect(ext.errors).toEqual([]);
  });

  test('a search that matches no row offers "Watch #text", or says why the text is not a hashtag', async () => {
    const search = popup.getByRole('searchbox', { name: 'Search hashtags' });
    await search.fill('night routine');
    await expect
      .poll(() => popup.locator('.field-error').innerText())
      .toBe(
        '"night routine" is not a hashtag: use letters, digits and _ only, without spaces, e.g. #booktok.',
      );
    expect(await popup.getByRole('button', { name: /^Watch #night/ }).count()).toBe(0);
    await search.fill('#nightroutine');
    const offer = button(popup, 'Watch #nightroutine');
    await offer.click();
    await expect.poll(() => offer.getAttribute('aria-pressed')).toBe('true');
    // Not in the top 20 fetched: where it stood then is "not ranked".
    await expect.poll(watchlist).toEqual(['booktok@6', 'dance@5', 'nightroutine@-']);
    await search.fill('');
  });

  test('Watching: each tag with its rank, its movement since watching started, and the count', async () => {
    await tab(popup, 'Watching').click();
    const rows = popup.locator('.watch-row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    const texts = await rows.allInnerTexts();
    expect(texts[0]).toMatch(/#booktok\s+Rank 6\s+Same rank as when you started watching/);
    expect(texts[1]).toMatch(/#dance\s+Rank 5\s+Same rank as when you started watching/);
    expect(texts[2]).toMatch(/#nightroutine\s+Not in the top 20\s+Watching since/);
    expect(await popup.locator('.page-note').first().innerText()).toMatch(
      /^Ranks in the top 20 for All regions · 7 days · updated/,
    );
    expect(await popup.getByText('3 of 50 hashtags watched').count()).toBe(1);
    // Today's rank is in the local history: each ranked tag draws it.
    expect(await rows.nth(0).locator('.chart canvas').count()).toBe(1);
    expect(await rows.nth(0).locator('.chart').getAttribute('aria-label')).toMatch(/^#booktok: /);
    expect(await axeViolations(popup)).toEqual([]);
  });

  test('another ranking, Refresh: the Changes tab counts them, the badge too, one notification', async () => {
    // The local history's earlier days (as if the popup had been opened on them).
    const key = filtersKey(DEFAULT_FILTERS);
    const history = (await readStorage(ext, ['local:radar:history']))['local:radar:history'] as {
      sets: Record<string, { days: Record<string, string[]> }>;
    };
    const names = (moves: Record<string, number>) =>
      ranking(moves)
        .items.map((item) => item.hashtag_name)
        .slice(0, 20);
    const day = (ago: number) => localDay(Date.now() - ago * 86_400_000);
    Object.assign(history.sets[key]!.days, {
      [day(3)]: names({ booktok: 2, dance: 9 }),
      [day(2)]: names({ booktok: 4, dance: 7 }),
      [day(1)]: names({ booktok: 6, dance: 5 }),
    });
    await seedStorage(ext, { 'local:radar:history': history });

    server.api.respondWith(ranking({ nightroutine: 3, booktok: 18 }));
    const before = server.apiRequests().length;
    await button(popup, 'Refresh').click();
    await expect.poll(() => server.apiRequests().length, { timeout: 15_000 }).toBe(before + 1);
    const changes = tab(popup, 'Changes');
    await expect.poll(() => changes.locator('.count').textContent(), { timeout: 15_000 }).toBe('2');
    expect(await changes.getAttribute('title')).toBe('2 unseen');
    await expect.poll(() => badge(ext)).toEqual(changesBadge(2));
    await expect
      .poll(() => notificationsShown(ext), { timeout: 10_000 })
      .toEqual(['hashtag-radar-changes']);
    // Watching follows the refresh: booktok moved, nightroutine came in.
    const rows = popup.locator('.watch-row');
    await expect
      .poll(() => rows.allInnerTexts(), { timeout: 10_000 })
      .toEqual([
        expect.stringMatching(/#booktok\s+Rank 18\s+Down 12 since you started watching/),
        expect.stringMatching(/#dance\s+Rank 6\s+Down 1 since you started watching/),
        expect.stringMatching(/#nightroutine\s+Rank 3\s+Watching since/),
      ]);
    // Each ranked tag's rank over the four days the history has.
    expect(await rows.nth(0).locator('.chart').getAttribute('aria-label')).toBe(
      '#booktok: Rank on 4 days, from #2 to #18',
    );
    await keepPicture('popup-watching', await popup.screenshot());
  });

  test('opening Changes lists the events newest first, unseen marked, and clears the badge', async () => {
    await tab(popup, 'Changes').click();
    const items = popup.locator('ol.changes > li');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(2);
    const texts = await items.allInnerTexts();
    expect(texts.join('\n')).toContain('#booktok');
    expect(texts.join('\n')).toContain('#nightroutine entered the top 20 at #3');
    expect(await popup.locator('ol.changes > li.unseen').count()).toBe(2);
    expect(texts.every((text) => /^New\s/.test(text))).toBe(true);
    await expect.poll(() => badge(ext)).toMatchObject({ text: '', title: 'Hashtag Radar' });
    await expect.poll(() => tab(popup, 'Changes').locator('.count').count()).toBe(0);
    expect(await axeViolations(popup)).toEqual([]);
    await keepPicture('popup-changes', await popup.screenshot());

    // An event opens its row in the list.
    await items.filter({ hasText: '#booktok' }).getByRole('button').click();
    expect(await tab(popup, 'Trending').getAttribute('aria-selected')).toBe('true');
    await expect
      .poll(() => row(popup, 'booktok').locator('.row-toggle').getAttribute('aria-expanded'))
      .toBe('true');
    await expect
      .poll(() =>
        popup.evaluate(
          () => document.activeElement?.closest('li')?.querySelector('.tag-name')?.textContent,
        ),
      )
      .toBe('#booktok');
  });

  test('a tag that drops out: "Not in the top 20 since <date>"; the events stay seen once shown', async () => {
    server.api.respondWith(ranking({ booktok: 18 }));
    await button(popup, 'Refresh').click();
    await expect
      .poll(() => tab(popup, 'Changes').locator('.count').textContent(), { timeout: 15_000 })
      .toBe('1');
    await tab(popup, 'Watching').click();
    const today = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' }).format(
      new Date(),
    );
    await expect
      .poll(() => popup.locator('.watch-row').nth(2).innerText(), { timeout: 10_000 })
      .toMatch(new RegExp(`#nightroutine\\s+Not in the top 20 since ${today}`));
  });

  test("popup.html#changes (a notification's click) opens at the Changes view", async () => {
    const page = await ext.page(`${ext.baseUrl}popup.html#changes`);
    await page.setViewportSize(POPUP_SIZE);
    await expect.poll(() => tab(page, 'Changes').getAttribute('aria-selected')).toBe('true');
    const items = page.locator('ol.changes > li');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(3);
    expect(await page.locator('ol.changes > li.unseen').count()).toBe(1);
    expect(await items.first().innerText()).toContain('#nightroutine dropped out of the top 20');
    await expect.poll(() => badge(ext)).toMatchObject({ text: '' });
    await page.close();
    expect(ext.errors).toEqual([]);
  });

  test('in the side panel at 320 and 600 px: the same views, axe clean', async () => {
    for (const width of [320, 600]) {
      const panel = await ext.page(`${ext.baseUrl}sidepanel.html`);
      await panel.setViewportSize({ width, height: 700 });
      await tab(panel, 'Trending').click();
      await tab(panel, 'Watching').click();
      await expect.poll(() => panel.locator('.watch-row').count(), { timeout: 10_000 }).toBe(3);
      expect(await axeViolations(panel), `Watching at ${width}`).toEqual([]);
      await ext.screenshot(panel, `panel-watching-${width}`);
      await tab(panel, 'Changes').click();
      await expect
        .poll(() => panel.locator('ol.changes > li').count(), { timeout: 10_000 })
        .toBe(3);
      expect(await axeViolations(panel), `Changes at ${width}`).toEqual([]);
      await panel.close();
    }
  });

  test('with Changes open, a refresh adds its events at the top, marked new, and they are seen', async () => {
    await tab(popup, 'Changes').click();
    const items = popup.locator('ol.changes > li');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(3);
    expect(await popup.locator('ol.changes > li.unseen').count()).toBe(0);

    server.api.respondWith(ranking({ nightroutine: 5, booktok: 18 }));
    await button(popup, 'Refresh').click();
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(4);
    expect(await items.first().innerText()).toMatch(
      /^New\s+#nightroutine entered the top 20 at #5/,
    );
    expect(await popup.locator('ol.changes > li.unseen').count()).toBe(1);
    // Shown while open counts as seen: no count on the tab, nothing on the badge.
    await expect.poll(() => badge(ext)).toMatchObject({ text: '', title: 'Hashtag Radar' });
    await expect.poll(() => tab(popup, 'Changes').locator('.count').count()).toBe(0);
    expect(ext.errors).toEqual([]);
  });
  test('unwatched in Watching, a row stays with its star off until the view closes; a second press undoes it', async () => {
    await tab(popup, 'Watching').click();
    const rows = popup.locator('.watch-row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    const booktok = rows.filter({ hasText: '#booktok' });
    const moved = await booktok.locator('.meta').innerText();
    expect(moved).toMatch(/^Down 12 since you started watching/);
    const star = booktok.getByRole('button', { name: 'Watch #booktok' });

    await star.click();
    await expect.poll(watchlist).toEqual(['dance@5', 'nightroutine@-']);
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    expect(await booktok.locator('.meta').innerText()).toBe(
      'No longer watched: press the star to undo',
    );
    expect(await rows.count()).toBe(3);
    await expect
      .poll(() => popup.locator('.page-note').last().innerText())
      .toBe('2 of 50 hashtags watched');

    // Pressed again: watched as before, from where it started (not from its rank now).
    await star.click();
    await expect.poll(watchlist).toEqual(['dance@5', 'nightroutine@-', 'booktok@6']);
    await expect.poll(() => booktok.locator('.meta').innerText()).toBe(moved);
    expect(await star.getAttribute('aria-pressed')).toBe('true');

    // Unwatched and the view left: it is gone from Watching; watched again, it keeps its start.
    await star.click();
    await expect.poll(watchlist).toEqual(['dance@5', 'nightroutine@-']);
    await tab(popup, 'Trending').click();
    await tab(popup, 'Watching').click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    await tab(popup, 'Trending').click();
    await watchToggle(popup, 'booktok').click();
    await expect.poll(watchlist).toEqual(['dance@5', 'nightroutine@-', 'booktok@6']);
    expect(ext.errors).toEqual([]);
  });
});

describe('the caption selection in the popup', () => {
  const checkbox = (page: Page, name: string) =>
    page.getByRole('checkbox', { name: `Select #${name}`, exact: true });
  const tray = (page: Page) => page.getByRole('region', { name: 'Selected hashtags' });
  const stored = async () =>
    (await readStorage(ext, ['session:captionSelection']))['session:captionSelection'];

  test('select three rows (one by Space on the row), Copy puts them in the order picked', async () => {
    await tab(popup, 'Trending').click();
    await listStartsWith(popup, ['fyp', 'foryou']);
    // In the page before the first pick (a live region announces only changes), out of sight.
    await expect.poll(() => tray(popup).getAttribute('class')).toBe('sr-only');
    await checkbox(popup, 'dance').check();
    await expect.poll(() => tray(popup).getAttribute('class')).toBe('tray');
    expect(await tray(popup).locator('[aria-live="polite"]').innerText()).toMatch(
      /^1 of 5 selected/,
    );
    await checkbox(popup, 'fyp').check();
    // Space on a focused row selects it; Enter still expands it.
    const gym = row(popup, 'gym').locator('.row-toggle');
    await gym.focus();
    await popup.keyboard.press('Space');
    await expect.poll(() => checkbox(popup, 'gym').isChecked()).toBe(true);
    expect(await gym.getAttribute('aria-expanded')).toBe('false');
    await popup.keyboard.press('Enter');
    expect(await gym.getAttribute('aria-expanded')).toBe('true');
    await popup.keyboard.press('Enter');

    expect(await tray(popup).innerText()).toMatch(
      /^3 of 5 selected Copied in the order you picked them\.\s+Copy\s+Clear$/,
    );
    expect(await stored()).toEqual(['dance', 'fyp', 'gym']);
    await tray(popup).getByRole('button', { name: 'Copy', exact: true }).click();
    await expect
      .poll(() => popup.evaluate(() => navigator.clipboard.readText()))
      .toBe('#dance #fyp #gym');
    expect(
      await popup.getByRole('status').filter({ hasText: 'Copied #dance #fyp #gym' }).count(),
    ).toBe(1);
    expect(await axeViolations(popup, ['.tray'])).toEqual([]);
    await ext.screenshot(popup, 'popup-selection');
  });

  test('a sixth is allowed, and the tray says TikTok takes five; Watching offers the selection', async () => {
    for (const name of ['foryou', 'cat', 'art']) await checkbox(popup, name).check();
    await expect
      .poll(() => tray(popup).locator('p').innerText())
      .toMatch(/^6 selected — TikTok accepts 5 hashtags per caption/);
    await checkbox(popup, 'art').uncheck();
    await checkbox(popup, 'cat').uncheck();
    await tab(popup, 'Watching').click();
    const dance = checkbox(popup, 'dance');
    await dance.waitFor();
    expect(await dance.isChecked()).toBe(true);
    await checkbox(popup, 'booktok').check();
    await expect.poll(stored).toEqual(['dance', 'fyp', 'gym', 'foryou', 'booktok']);
    await checkbox(popup, 'booktok').uncheck();
    await tab(popup, 'Trending').click();
    await checkbox(popup, 'foryou').uncheck();
    await expect.poll(stored).toEqual(['dance', 'fyp', 'gym']);
  });

  test('the selection is kept when the popup is closed and opened again; Clear empties it', async () => {
    await popup.close();
    popup = await ext.openPopup();
    await listStartsWith(popup, ['fyp']);
    for (const name of ['dance', 'fyp', 'gym'])
      await expect.poll(() => checkbox(popup, name).isChecked()).toBe(true);
    expect(await checkbox(popup, 'foryou').isChecked()).toBe(false);
    expect(await tray(popup).locator('p').innerText()).toMatch(/^3 of 5 selected/);

    // The tray is in the Tab order right after the search and Export CSV.
    await popup.getByRole('searchbox', { name: 'Search hashtags' }).focus();
    await popup.keyboard.press('Tab');
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Copy');
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Clear');
    await popup.keyboard.press('Enter');
    await expect.poll(stored).toEqual([]);
    await expect.poll(() => tray(popup).getAttribute('class')).toBe('sr-only');
    expect(await popup.getByRole('checkbox', { checked: true }).count()).toBe(0);
    expect(ext.errors).toEqual([]);
  });
});
