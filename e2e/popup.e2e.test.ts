/**
 * The popup on the production build (issue 4): the ranked list, filters, search, Refresh, Show
 * more, copy, open on TikTok, CSV export, keyboard use, markup in names, and opening at a hashtag.
 * One profile with a key; steps in order, like one person using the popup.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { INDUSTRIES } from '../lib/industries';
import { localDay } from '../lib/format';
import { DEFAULT_FILTERS, filtersKey, type TrendFilters } from '../lib/trending/types';
import { launchExtension, readStorage, seedStorage, setApiKey, type Extension } from './browser';
import { startMockServer, type ApiItem, type MockServer } from './server';

const KEY = 'sk_live_e2ePopupKey7c41d2a9e0b3';

let server: MockServer;
let ext: Extension;
let popup: Page;

const rows = (page: Page) => page.locator('ol > li');
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** The names the popup shows, in order, without `#`. */
function shownNames(page: Page): Promise<string[]> {
  return rows(page).evaluateAll((lis) =>
    lis.map((li) => li.querySelector('.tag-name')!.textContent!.replace(/^#/, '')),
  );
}

/** Waits until the popup lists exactly `expected` (in order). */
async function expectList(page: Page, expected: string[]) {
  await expect.poll(() => shownNames(page), { timeout: 20_000 }).toEqual(expected);
}

/** RFC 4180 lines → cells (quoted cells may hold commas and doubled quotes). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  for (const m of line.matchAll(re)) {
    const raw = m[1]!;
    cells.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    if (m[2] === '') break;
  }
  return cells;
}

const names = (items: ApiItem[], from = 0, to = 20) =>
  items.slice(from, to).map((i) => i.hashtag_name);

/** Waits for the background to be done with requests (no new one for a moment). */
async function settle(ms = 400) {
  let count = -1;
  while (count !== server.apiRequests().length) {
    count = server.apiRequests().length;
    await new Promise((r) => setTimeout(r, ms));
  }
}

const MOVEMENT: Record<ApiItem['rank_diff_type'], RegExp> = {
  1: /^↑\d*$/,
  2: /^=$/,
  3: /^↓\d*$/,
  4: /^NEW$/,
};

beforeAll(async () => {
  server = await startMockServer();
  ext = await launchExtension(server);
  await setApiKey(ext, KEY);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('popup list', () => {
  test('lists the top 20 in rank order with names, movement and a sparkline, from one request', async () => {
    server.resetRequests();
    popup = await ext.openPopup();
    const expected = server.api.hashtags();
    await expectList(popup, names(expected));
    await settle();
    const requests = server.apiRequests();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.query).toMatchObject({ page: '1', region: 'all_regions', period: '7' });

    const details = await rows(popup).evaluateAll((lis) =>
      lis.map((li) => ({
        text: (li as HTMLElement).innerText,
        move: li.querySelector('.move [aria-hidden]')?.textContent ?? '',
        value: (li as HTMLLIElement).value,
      })),
    );
    details.forEach((row, i) => {
      expect(row.value).toBe(i + 1);
      expect(row.text).toContain(`#${expected[i]!.hashtag_name}`);
      expect(row.move, `row ${i + 1}`).toMatch(MOVEMENT[expected[i]!.rank_diff_type]);
    });
    // Each visible row draws its trend with uPlot into a canvas that has pixels on it.
    const drawn = await rows(popup).evaluateAll((lis) =>
      lis.slice(0, 8).map((li) => {
        const canvas = li.querySelector('.spark canvas') as HTMLCanvasElement | null;
        if (!canvas) return false;
        const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        return px.some((v, i) => i % 4 === 3 && v > 0);
      }),
    );
    expect(drawn).toEqual(Array(8).fill(true));
    // Each row's posts and views are shown whole beside its checkbox, chart and buttons.
    const cut = await rows(popup).evaluateAll((lis) =>
      lis
        .map((li) => li.querySelector<HTMLElement>('.meta'))
        .filter((meta) => meta && meta.scrollWidth > meta.clientWidth)
        .map((meta) => meta!.textContent),
    );
    expect(cut).toEqual([]);
    await expect
      .poll(() => popup.getByText(/Updated (just now|\d+ (second|minute)s? ago)/).count())
      .toBe(1);
    expect(await popup.getByText('2 / 100 credits today').count()).toBe(1);
    expect(ext.errors).toEqual([]);
  });

  test('each filter changes the request and the list, and is remembered', async () => {
    const steps: {
      pick: () => Promise<unknown>;
      filters: Partial<TrendFilters>;
      query: Record<string, string>;
    }[] = [
      {
        pick: () => popup.getByLabel('Region', { exact: true }).selectOption('US'),
        filters: { region: 'US' },
        query: { region: 'US' },
      },
      {
        pick: () => popup.getByLabel('Period', { exact: true }).selectOption('30'),
        filters: { region: 'US', period: 30 },
        query: { region: 'US', period: '30' },
      },
      {
        pick: () => popup.getByLabel('Industry', { exact: true }).selectOption(INDUSTRIES[3].id),
        filters: { region: 'US', period: 30, industry: INDUSTRIES[3].id },
        query: { region: 'US', period: '30', industry_id: INDUSTRIES[3].id },
      },
      {
        pick: () => popup.getByLabel('New to top 100', { exact: true }).check(),
        filters: { region: 'US', period: 30, industry: INDUSTRIES[3].id, newToTop100: true },
        query: { new_to_top_100: 'true', industry_id: INDUSTRIES[3].id },
      },
    ];
    let previous = await shownNames(popup);
    for (const step of steps) {
      server.resetRequests();
      await step.pick();
      const expected = names(server.api.hashtags(step.filters));
      expect(expected).not.toEqual(previous);
      await expectList(popup, expected);
      await settle();
      expect(server.apiRequests()).toHaveLength(1);
      expect(server.apiRequests()[0]!.query).toMatchObject({ page: '1', ...step.query });
      previous = expected;
    }

    // Reopened, the popup keeps the choice and shows it from the cache without a request.
    server.resetRequests();
    await popup.close();
    popup = await ext.openPopup();
    await expectList(popup, previous);
    expect(await popup.getByLabel('Region', { exact: true }).inputValue()).toBe('US');
    expect(await popup.getByLabel('New to top 100', { exact: true }).isChecked()).toBe(true);
    await settle();
    expect(server.apiRequests()).toHaveLength(0);

    // Back to the defaults for the next steps: cached, so shown at once and fetched no more.
    await popup.getByLabel('New to top 100', { exact: true }).uncheck();
    await popup.getByLabel('Industry', { exact: true }).selectOption('nothing');
    await popup.getByLabel('Period', { exact: true }).selectOption('7');
    await popup.getByLabel('Region', { exact: true }).selectOption('all_regions');
    await expectList(popup, names(server.api.hashtags()));
    await settle();
    expect(server.apiRequests().map((r) => r.query.region)).not.toContain('all_regions');
  });

  test('search narrows the list as you type, with no request', async () => {
    server.resetRequests();
    const all = await shownNames(popup);
    const search = popup.getByRole('searchbox', { name: 'Search hashtags' });
    await search.fill('#TOK');
    const expected = all.filter((n) => n.toLowerCase().includes('tok'));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    await expectList(popup, expected);
    await search.fill('zzzz-not-a-tag');
    await expect
      .poll(() => popup.getByText(/No loaded hashtag matches/).count(), { timeout: 15_000 })
      .toBe(1);
    await button(popup, 'Clear search').click();
    await expectList(popup, all);
    await settle();
    expect(server.apiRequests()).toHaveLength(0);
  });

  test('Refresh makes exactly one request, for the first page', async () => {
    const spent = async () =>
      Number(/(\d+) \/ 100 credits today/.exec(await popup.locator('.status').innerText())?.[1]);
    const before = await spent();
    server.resetRequests();
    await button(popup, 'Refresh').click();
    await expect.poll(() => server.apiRequests().length, { timeout: 10_000 }).toBe(1);
    await settle();
    expect(server.apiRequests()).toHaveLength(1);
    expect(server.apiRequests()[0]!.query).toMatchObject({ page: '1', region: 'all_regions' });
    await expect.poll(() => button(popup, 'Refresh').isEnabled(), { timeout: 15_000 }).toBe(true);
    await expect.poll(spent, { timeout: 15_000 }).toBe(before + 2);
  });

  test('Show more loads page 2 with one request and says what it costs', async () => {
    server.resetRequests();
    const more = popup.getByRole('button', { name: /^Show more/ });
    expect(await more.innerText()).toMatch(/ranks 21–40 · 2 credits/);
    await more.click();
    const expected = server.api.hashtags();
    await expectList(popup, names(expected, 0, 40));
    await settle();
    expect(server.apiRequests()).toHaveLength(1);
    expect(server.apiRequests()[0]!.query).toMatchObject({ page: '2' });
    expect(await more.innerText()).toMatch(/ranks 41–60/);
    const drawn = await rows(popup).nth(20).locator('.spark canvas').count();
    expect(drawn).toBe(1);
  });

  test('Show more says "free" for a page already cached, and shows it without a request', async () => {
    await popup.reload();
    await expectList(popup, names(server.api.hashtags(), 0, 20));
    server.resetRequests();
    const more = popup.getByRole('button', { name: /^Show more/ });
    expect(await more.innerText()).toMatch(/ranks 21–40 · free/);
    await more.click();
    await expectList(popup, names(server.api.hashtags(), 0, 40));
    await settle();
    expect(server.apiRequests()).toHaveLength(0);
    expect(await more.innerText()).toMatch(/ranks 41–60 · 2 credits/);
  });

  test('copies #name to the clipboard with a confirmation', async () => {
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const name = (await shownNames(popup))[2]!;
    await popup.getByRole('button', { name: `Copy #${name}`, exact: true }).click();
    await expect
      .poll(() => popup.getByRole('button', { name: `Copied #${name}`, exact: true }).count())
      .toBe(1);
    expect(
      await popup
        .getByRole('status')
        .filter({ hasText: `Copied #${name}` })
        .count(),
    ).toBe(1);
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(`#${name}`);
  });

  test('opens the hashtag on tiktok.com in a new tab', async () => {
    const name = (await shownNames(popup))[0]!;
    const [tab] = await Promise.all([
      ext.context.waitForEvent('page'),
      popup.getByRole('link', { name: `Open #${name} on TikTok`, exact: true }).click(),
    ]);
    await tab.waitForLoadState('domcontentloaded');
    expect(tab.url()).toBe(`https://www.tiktok.com/tag/${encodeURIComponent(name)}`);
    expect(
      server.requests.some(
        (r) => r.host === 'www.tiktok.com' && r.path === `/tag/${encodeURIComponent(name)}`,
      ),
    ).toBe(true);
    await tab.close();
  });

  test('exports the shown list as CSV', async () => {
    const search = popup.getByRole('searchbox', { name: 'Search hashtags' });
    await search.fill('');
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      button(popup, 'Export CSV').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^hashtag-radar-all_regions-7d-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const text = await readFile((await download.path())!, 'utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'rank,name,posts,views,movement,industry,promoted,region,period,fetched_at',
    );
    const expected = server.api.hashtags().slice(0, 40);
    expect(lines).toHaveLength(1 + expected.length);
    const movement = { 1: 'up', 2: 'same', 3: 'down', 4: 'new' } as const;
    expected.forEach((item, i) => {
      const cells = csvCells(lines[i + 1]!);
      expect(cells.slice(0, 9)).toEqual([
        String(item.rank),
        item.hashtag_name,
        String(item.publish_cnt),
        String(item.video_views),
        movement[item.rank_diff_type],
        item.industry_info.value,
        String(item.is_promoted),
        'all_regions',
        '7',
      ]);
      expect(new Date(cells[9]!).getTime()).toBeGreaterThan(Date.now() - 10 * 60_000);
    });
  });

  test('keyboard: / focuses search, arrows move through rows, Enter expands a row', async () => {
    await popup.locator('body').click({ position: { x: 5, y: 590 } });
    await popup.keyboard.press('/');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Search hashtags',
    );
    const toggles = popup.locator('ol > li .row-toggle');
    await toggles.first().focus();
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    expect(await toggles.nth(2).evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.keyboard.press('ArrowUp');
    expect(await toggles.nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.keyboard.press('Enter');
    expect(await toggles.nth(1).getAttribute('aria-expanded')).toBe('true');
    const details = rows(popup).nth(1).locator('.details');
    await expect.poll(() => details.locator('.detail canvas').count(), { timeout: 15_000 }).toBe(1);
    expect(await details.innerText()).toMatch(/Posts[\s\S]*Views[\s\S]*Rank/);
    // Creators: the mock's avatar URLs do not load here, so initials stand in.
    await expect
      .poll(() => details.locator('.creators .initials').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await popup.keyboard.press('End');
    expect(await toggles.last().evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.keyboard.press('Home');
    expect(await toggles.first().evaluate((el) => el === document.activeElement)).toBe(true);

    // Tab reaches every control of a row: toggle, copy, open.
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(
      /^Copy #/,
    );
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(
      /^Open #.* on TikTok$/,
    );
    await popup.keyboard.press('Escape');
    await ext.screenshot(popup, 'popup-expanded');
  });

  test('rank history: "since yesterday" in the row, a rank chart in its details', async () => {
    const key = filtersKey(DEFAULT_FILTERS);
    const stored = (await readStorage(ext, ['local:radar:history']))['local:radar:history'] as {
      sets: Record<string, { seen: number; days: Record<string, string[]> }>;
    };
    const today = stored.sets[key]!.days[localDay()]!;
    const [first, second] = [today[0]!, today[1]!];
    const day = (ago: number) => localDay(Date.now() - ago * 86_400_000);
    // Two days ago `first` was 9th, yesterday 4th (and `second` 1st): it rose 3 places since.
    const older = Array.from({ length: 20 }, (_, i) => `old${i}`);
    older[8] = first;
    const yesterday = Array.from({ length: 20 }, (_, i) => `prev${i}`);
    yesterday[3] = first;
    yesterday[0] = second;
    stored.sets[key]!.days = { [day(2)]: older, [day(1)]: yesterday, [localDay()]: today };
    await seedStorage(ext, { 'local:radar:history': stored });

    await popup.close();
    popup = await ext.openPopup();
    const row = rows(popup).first();
    await expect.poll(() => row.innerText(), { timeout: 20_000 }).toContain('↑3 since yesterday');
    expect(await rows(popup).nth(1).innerText()).toContain('↓1 since yesterday');
    await row.locator('.row-toggle').click();
    const chart = row.locator('.chart.rank');
    await expect.poll(() => chart.locator('canvas').count(), { timeout: 15_000 }).toBe(1);
    expect(await chart.getAttribute('aria-label')).toBe(`#${first}: Rank on 3 days, from #9 to #1`);
    expect(await row.locator('.details').innerText()).toMatch(/since yesterday/);
    await ext.screenshot(popup, 'popup-rank-history');
    await row.locator('.row-toggle').click();
  });

  test('shows a hashtag name with markup as text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const items = server.api.hashtags({ region: 'FR' }).slice(0, 20);
    items[0] = { ...items[0]!, hashtag_name: evil };
    items[1] = {
      ...items[1]!,
      creators: [{ nick_name: '<b>bold</b>', avatar_url: 'javascript:alert(1)' }],
    };
    server.api.nextResponses({ kind: 'items', items, total: 20 });
    await popup.getByLabel('Region', { exact: true }).selectOption('FR');
    await expect
      .poll(() => popup.locator('ol > li .tag-name').first().textContent(), { timeout: 20_000 })
      .toBe(`#${evil}`);
    await popup.locator('ol > li .row-toggle').nth(1).click();
    await expect
      .poll(() => popup.getByText('<b>bold</b>', { exact: true }).count(), { timeout: 15_000 })
      .toBe(1);
    expect(await popup.locator('ol img').count()).toBe(0);
    expect(await popup.locator('ol b').count()).toBe(0);
    expect(await popup.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await popup.getByLabel('Region', { exact: true }).selectOption('all_regions');
  });

  test('opened at #tag=NAME it expands that row, or searches for an unknown name', async () => {
    const target = server.api.hashtags()[4]!.hashtag_name;
    const page = await ext.page(`${ext.baseUrl}popup.html#tag=${encodeURIComponent(target)}`);
    const row = page.locator('ol > li').nth(4);
    await expect
      .poll(() => row.locator('.row-toggle').getAttribute('aria-expanded'), { timeout: 20_000 })
      .toBe('true');
    expect(await row.locator('.row-toggle').evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    await page.close();

    const unknown = await ext.page(`${ext.baseUrl}popup.html#tag=notInTheList`);
    await expect
      .poll(() => unknown.getByRole('searchbox', { name: 'Search hashtags' }).inputValue(), {
        timeout: 20_000,
      })
      .toBe('notInTheList');
    await expect
      .poll(() => unknown.getByText(/No loaded hashtag matches/).count(), { timeout: 15_000 })
      .toBe(1);
    await unknown.waitForTimeout(300);
    expect(ext.errors).toEqual([]);
    await unknown.close();
  });

  test('passes axe checks (names, roles, contrast) in light and dark', async () => {
    const require = createRequire(import.meta.url);
    const axe = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    await expect.poll(() => rows(popup).count(), { timeout: 20_000 }).toBe(20);
    await expect.poll(() => button(popup, 'Refresh').isEnabled(), { timeout: 20_000 }).toBe(true);
    await popup.mouse.move(0, 0);
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.evaluate(axe);
      const violations = await popup.evaluate(async () => {
        const result = await (
          window as unknown as {
            axe: {
              run(
                ctx: unknown,
                opts: unknown,
              ): Promise<{ violations: { id: string; nodes: { html: string }[] }[] }>;
            };
          }
        ).axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map(
          (v) =>
            `${v.id}: ${v.nodes
              .map((n) => n.html)
              .slice(0, 3)
              .join(' | ')}`,
        );
      });
      expect(violations, scheme).toEqual([]);
    }
    // The sparklines are redrawn in the dark scheme's colours (a brighter line).
    const lineGreen = () =>
      rows(popup)
        .first()
        .locator('.spark canvas')
        .evaluate((canvas: HTMLCanvasElement) => {
          const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          let max = 0;
          for (let i = 0; i < px.length; i += 4)
            if (px[i + 3]! > 200) max = Math.max(max, px[i + 1]!);
          return max;
        });
    await expect.poll(lineGreen, { timeout: 15_000 }).toBeGreaterThan(170);
    await popup.emulateMedia({ colorScheme: 'light' });
    await expect.poll(lineGreen, { timeout: 15_000 }).toBeLessThan(140);
    expect(ext.errors).toEqual([]);
  });
});
