/**
 * The caption assistant on TikTok Studio's upload page (issue 17), with the production build on a
 * fixture whose caption is a real Draft.js editor (e2e/fixtures/upload/editor.mjs): the panel counts
 * and ranks the caption's tags, inserts suggestions through the editor's input path (checked in
 * Draft's own EditorState), keeps the five-tag rule, ignores untrusted clicks, shows the popup's
 * selection, says when there is no list, falls back to the clipboard, passes axe in light and dark,
 * and is turned off from the options page. The panel sits in a closed shadow root: tests read it
 * through e2e/shadow.ts and act on it with real mouse and keyboard input only.
 *
 * `UPDATE_DOCS_SCREENSHOTS=1` also writes the README's picture, docs/caption-assistant.png.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, readStorage, seedStorage, setApiKey, type Extension } from './browser';
import { revealShadowRoot } from './shadow';
import { FIXTURE_TREND, itemsNamed } from './fixture-trend';
import { FIXTURES_DIR, startMockServer, type MockServer } from './server';

const TIKTOK = 'https://www.tiktok.com';
const STUDIO = `${TIKTOK}/tiktokstudio/upload`;
const EDITOR = '[data-e2e="caption_container"] .public-DraftEditor-content';
const HOST = 'hashtag-radar-caption';
/** The fixture's trending list without 日本 (this machine's Chromium has no CJK font for pictures). */
const TREND = FIXTURE_TREND.filter((name) => name !== '日本');

let server: MockServer;
let ext: Extension;

/** What Draft's own EditorState says (the fixture exposes it on window.__caption). */
function draft(page: Page) {
  return page.evaluate(() => {
    const c = (window as unknown as { __caption: Record<string, () => unknown> }).__caption;
    const s = c.selection() as { collapsed: boolean; hasFocus: boolean };
    return {
      text: c.text() as string,
      caret: c.caret() as number,
      collapsed: s.collapsed,
      hasFocus: s.hasFocus,
    };
  });
}

/** The caption as the page shows it (Draft's blocks). */
function shownCaption(page: Page): Promise<string> {
  return page.$$eval(`${EDITOR} [data-block="true"]`, (blocks) =>
    blocks.map((b) => b.textContent).join('\n'),
  );
}

/** The panel's visible text ('' while hidden or absent). */
function panelText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const panel = (
      window as unknown as { __panel?: ShadowRoot }
    ).__panel?.querySelector<HTMLElement>('.panel');
    return panel && !panel.hidden ? panel.innerText : '';
  });
}

/** The names the suggestion buttons insert, in order. */
function suggestions(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...(window as unknown as { __panel: ShadowRoot }).__panel.querySelectorAll(
        'button[data-insert]',
      ),
    ].map((b) => b.getAttribute('data-insert')!),
  );
}

/** The panel's polite status line. */
function status(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      (window as unknown as { __panel: ShadowRoot }).__panel.querySelector('[role="status"]')!
        .textContent ?? '',
  );
}

/** Two frames: the panel renders in the frame after the caption changes (renderSoon). */
function rendered(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/**
 * Clicks a suggestion with the mouse: trusted input, as a person's. After the panel has rendered
 * what was just typed: a render between the press and the release would replace the button, and
 * the release on its successor is no click.
 */
async function clickSuggestion(page: Page, name: string): Promise<void> {
  await rendered(page);
  const box = await page.evaluate((n) => {
    const root = (window as unknown as { __panel: ShadowRoot }).__panel;
    const button = [...root.querySelectorAll('button[data-insert]')].find(
      (b) => b.getAttribute('data-insert') === n,
    );
    const r = button?.getBoundingClientRect();
    return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
  }, name);
  if (!box) throw new Error(`No suggestion #${name} in the panel`);
  await page.mouse.click(box.x, box.y);
}

/**
 * Opens an upload page, clicks into the caption (caret at its end) and waits for the panel to
 * show `ready` (default: the trending suggestions).
 */
async function openUpload(url = STUDIO, ready: RegExp = /Trending now/): Promise<Page> {
  const page = await ext.page(url);
  await page.locator(EDITOR).click();
  await page.keyboard.press('Control+End');
  await page.waitForFunction((tag) => document.querySelector(tag) !== null, HOST, {
    timeout: 20_000,
  });
  expect(await revealShadowRoot(page, HOST)).toBe('closed');
  // The revealed root under a short name, for the page.evaluate calls of this file.
  await page.evaluate((host) => {
    (window as unknown as { __panel: ShadowRoot }).__panel =
      document.querySelector(host)!.shadowRoot!;
  }, HOST);
  await expect.poll(() => panelText(page), { timeout: 20_000 }).toMatch(ready);
  return page;
}

beforeAll(async () => {
  server = await startMockServer();
  server.api.respondWith({ kind: 'items', items: itemsNamed(TREND) });
  // The upload page's markup at a Studio path that is not an upload page.
  server.tiktok.setPage(
    '/tiktokstudio/content',
    await readFile(`${FIXTURES_DIR}upload.html`, 'utf8'),
  );
  ext = await launchExtension(server, { viewport: { width: 1280, height: 800 } });
  await ext.installPage?.close();
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: TIKTOK });
  await setApiKey(ext, 'sk_live_e2eCaptionAssistant00');
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('the panel beside the caption', () => {
  test('shows the count and the ranks of typed tags, and trending suggestions not in the caption', async () => {
    const page = await openUpload();
    await page.keyboard.type('Morning run #fyp #Café #sunrise ');
    // "3 of 5" is true from "#s" on: wait for the last tag whole.
    await expect.poll(() => panelText(page)).toMatch(/#sunrise\s+not trending/);
    const text = await panelText(page);
    expect(text).toMatch(/3 of 5 hashtags/);
    expect(text).toMatch(/#fyp\s+#1/);
    expect(text).toMatch(/#Café\s+#3/);
    expect(text).toMatch(/#sunrise\s+not trending/);
    expect(await suggestions(page)).toEqual(
      TREND.filter((n) => !['fyp', 'café'].includes(n)).slice(0, 10),
    );
    // The README's picture: the caption card and the panel beside it, no caret.
    await page.mouse.move(0, 0);
    const card = (await page.locator('[data-e2e="upload_card"]').boundingBox())!;
    const shot = '.e2e-artifacts/caption-assistant.png';
    await mkdir('.e2e-artifacts', { recursive: true });
    await page.screenshot({
      path: shot,
      caret: 'hide',
      clip: { x: card.x - 16, y: card.y - 16, width: 960, height: card.height + 32 },
    });
    if (process.env.UPDATE_DOCS_SCREENSHOTS) await copyFile(shot, 'docs/caption-assistant.png');
    expect(ext.errors).toEqual([]);
    await page.close();
  });

  test('inserts two suggestions through Draft.js: both in EditorState, in order, caret after them; typing goes on after', async () => {
    const page = await openUpload();
    await page.keyboard.type('Morning run');
    await clickSuggestion(page, 'foryou');
    await expect.poll(() => status(page)).toBe('Inserted #foryou');
    await clickSuggestion(page, 'dance');
    await expect.poll(() => status(page)).toBe('Inserted #dance');
    const after = await draft(page);
    // A space first: the caret sat right after a word, and `run#foryou` would be no hashtag.
    expect(after).toEqual({
      text: 'Morning run #foryou #dance ',
      caret: 'Morning run #foryou #dance '.length,
      collapsed: true,
      hasFocus: true,
    });
    expect(await shownCaption(page)).toBe(after.text);
    await page.keyboard.type('before work');
    expect((await draft(page)).text).toBe('Morning run #foryou #dance before work');
    expect(await shownCaption(page)).toBe('Morning run #foryou #dance before work');
    await expect.poll(() => panelText(page)).toMatch(/2 of 5 hashtags/);
    expect(await suggestions(page)).not.toContain('dance');
    // Nothing else on the page was typed into.
    expect(await page.inputValue('#search')).toBe('#fyp sounds');
    expect((await page.locator('[aria-labelledby="note-label"]').innerText()).trim()).toBe(
      'draft note #fyp',
    );
    await page.close();
  });

  test('from the keyboard: Tab into the panel, Enter inserts at the caret in mid-caption', async () => {
    const page = await openUpload(`${STUDIO}?caption=${encodeURIComponent('Great #fyp day')}`);
    await page.keyboard.press('Home');
    for (let i = 0; i < 'Great '.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab'); // the panel's header
    await page.keyboard.press('Tab'); // its first suggestion
    const focused = await page.evaluate(() => {
      const button = (window as unknown as { __panel: ShadowRoot }).__panel.activeElement;
      return button ? [button.getAttribute('data-insert'), button.textContent] : null;
    });
    // Its name is its text, with the rank and movement spelled out for screen readers.
    expect(focused?.[0]).toBe('foryou');
    expect(focused?.[1]).toMatch(/^#foryou#2rank 2/);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await draft(page)).text).toBe('Great #foryou #fyp day');
    expect(await draft(page)).toMatchObject({ caret: 'Great #foryou '.length, hasFocus: true });
    await page.keyboard.type('and ');
    expect((await draft(page)).text).toBe('Great #foryou and #fyp day');
    // Esc in the panel goes back to the caption, caret where it was.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await page.keyboard.type('so');
    expect(await draft(page)).toMatchObject({
      text: 'Great #foryou and so#fyp day',
      hasFocus: true,
    });
    await page.close();
  });

  test('never inserts a sixth hashtag: it says why and leaves the caption as it is', async () => {
    const five = 'Leg day #gym #art #diy #cat #food ';
    const page = await openUpload(`${STUDIO}?caption=${encodeURIComponent(five)}`);
    await expect.poll(() => panelText(page)).toMatch(/5 of 5 hashtags/);
    await clickSuggestion(page, 'fyp');
    await expect
      .poll(() => status(page))
      .toBe('TikTok accepts 5 hashtags — remove one before adding #fyp');
    expect((await draft(page)).text).toBe(five);
    const disabled = await page.evaluate(() =>
      [
        ...(window as unknown as { __panel: ShadowRoot }).__panel.querySelectorAll(
          'button[data-insert]',
        ),
      ].every((b) => b.getAttribute('aria-disabled') === 'true'),
    );
    expect(disabled).toBe(true);
    await page.keyboard.type('#travel');
    await expect.poll(() => panelText(page)).toMatch(/6 hashtags — TikTok accepts 5/);
    await page.close();
  });

  test('a synthetic (untrusted) click on a suggestion does nothing', async () => {
    const page = await openUpload();
    await page.keyboard.type('Sunday ');
    await page.evaluate(() => {
      const root = (window as unknown as { __panel: ShadowRoot }).__panel;
      root.querySelector<HTMLElement>('button[data-insert]')!.click();
      root
        .querySelector('button[data-insert]')!
        .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    await page.waitForTimeout(300);
    expect((await draft(page)).text).toBe('Sunday ');
    expect(await status(page)).toBe('');
    await page.close();
  });

  test('the highlighter marks the page but never inside the Draft.js caption', async () => {
    const page = await openUpload();
    await page.keyboard.type('#fyp #dance and #Café ');
    const tip = page.locator('[data-e2e="studio_tip"] [data-trending-rank]');
    await expect.poll(() => tip.count(), { timeout: 20_000 }).toBe(2);
    await page.waitForTimeout(500);
    expect(await page.locator(`${EDITOR} [data-trending-rank]`).count()).toBe(0);
    expect(await page.locator('[contenteditable] [data-trending-rank]').count()).toBe(0);
    expect((await draft(page)).text).toBe('#fyp #dance and #Café ');
    await page.close();
  });

  test('TikTok’s own hashtag popover still works beside it', async () => {
    const page = await openUpload();
    await page.keyboard.type('Run #fo');
    const option = page.locator('.mention-list-popover [role="option"]').first();
    await expect(option.innerText()).resolves.toMatch(/#foryou/);
    await option.click();
    expect((await draft(page)).text).toBe('Run #foryou ');
    expect(
      await page.evaluate(() =>
        (window as unknown as { __caption: { mentions(): string[] } }).__caption.mentions(),
      ),
    ).toEqual(['#foryou']);
    await expect.poll(() => panelText(page)).toMatch(/1 of 5 hashtags/);
    await page.close();
  });
});

describe('where it shows, and its states', () => {
  test('on the older upload page too, and never on other Studio pages', async () => {
    const older = await openUpload(`${TIKTOK}/creator-center/upload?lang=en`);
    expect(await panelText(older)).toMatch(/0 of 5 hashtags/);
    await older.close();
    const content = await ext.page(`${TIKTOK}/tiktokstudio/content`);
    await content.locator(EDITOR).click();
    await content.waitForTimeout(1000);
    expect(await content.locator(HOST).count()).toBe(0);
    await content.close();
  });

  test('shows the popup’s selection first, in the order picked', async () => {
    await seedStorage(ext, { 'session:captionSelection': ['cooking', 'Dance', 'fyp'] });
    const page = await openUpload(`${STUDIO}?caption=${encodeURIComponent('#fyp ')}`);
    await expect.poll(() => panelText(page)).toMatch(/Your selection/);
    expect((await suggestions(page)).slice(0, 3)).toEqual(['cooking', 'Dance', 'foryou']);
    expect(await panelText(page)).toMatch(/#cooking\s*\n?\s*#Dance\s+#4/);
    await seedStorage(ext, { 'session:captionSelection': [] });
    await page.close();
  });

  test('collapses to its header line, and remembers it', async () => {
    let page = await openUpload();
    const head = await page.evaluate(() => {
      const r = (window as unknown as { __panel: ShadowRoot }).__panel
        .querySelector('.head')!
        .getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.click(head.x, head.y);
    await expect.poll(() => panelText(page)).not.toMatch(/Trending now/);
    expect(await panelText(page)).toMatch(/0 of 5 hashtags/);
    expect(await readStorage(ext, ['local:captionPanelCollapsed'])).toEqual({
      'local:captionPanelCollapsed': true,
    });
    await page.close();
    page = await openUpload(STUDIO, /0 of 5 hashtags/);
    expect(await panelText(page)).not.toMatch(/Trending now/);
    await seedStorage(ext, { 'local:captionPanelCollapsed': false });
    await page.close();
  });

  test('without a live list (sample mode) it says so in one line and offers nothing', async () => {
    const page = await openUpload();
    await seedStorage(ext, { 'local:sampleMode': true });
    await expect
      .poll(() => panelText(page), { timeout: 10_000 })
      .toMatch(/Trending list not loaded — open Hashtag Radar/);
    expect(await suggestions(page)).toEqual([]);
    await seedStorage(ext, { 'local:sampleMode': false });
    await expect.poll(() => panelText(page), { timeout: 10_000 }).toMatch(/Trending now/);
    await page.close();
  });

  test('an editor that refuses the text: the tag goes on the clipboard instead', async () => {
    const page = await openUpload(`${STUDIO}?refuse=1`);
    await clickSuggestion(page, 'fyp');
    await expect.poll(() => status(page)).toBe('Could not insert — copied #fyp instead');
    expect((await draft(page)).text).toBe('');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('#fyp ');
    await page.close();
  });
});

describe('accessibility', () => {
  let axeSource: string;
  beforeAll(async () => {
    axeSource = await readFile(
      createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
      'utf8',
    );
  });

  test.each(['light', 'dark'] as const)(
    'axe: no serious or critical issue in the %s panel',
    async (theme) => {
      const page = await openUpload(`${STUDIO}?theme=${theme}`);
      await page.keyboard.type('Morning #fyp #sunrise ');
      await expect.poll(() => panelText(page)).toMatch(/2 of 5 hashtags/);
      expect(
        await page.evaluate(
          () =>
            (window as unknown as { __panel: ShadowRoot }).__panel.querySelector('.panel')!
              .className,
        ),
      ).toBe(`panel ${theme}`);
      await page.evaluate(axeSource);
      type Rule = { id: string; impact: string | null; nodes: unknown[] };
      const found = await page.evaluate(async (tag) => {
        const { axe } = window as unknown as {
          axe: {
            run(
              context: unknown,
              options: unknown,
            ): Promise<Record<'violations' | 'passes', Rule[]>>;
          };
        };
        const result = await axe.run({ include: [[tag]] }, {});
        return {
          serious: result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id} (${v.nodes.length})`),
          // Proof that axe read inside the closed root: the panel's texts passed its contrast check.
          contrastChecked: result.passes.find((r) => r.id === 'color-contrast')?.nodes.length ?? 0,
        };
      }, HOST);
      expect(found.serious).toEqual([]);
      expect(found.contrastChecked).toBeGreaterThan(10);
      await ext.screenshot(page, `caption-assistant-${theme}`);
      await page.close();
    },
  );
});

describe('options', () => {
  test('the switch on the options page turns the assistant off, on an open page too', async () => {
    const page = await openUpload();
    const options = await ext.openOptions();
    const toggle = options.getByLabel('Help me pick hashtags while I write a caption on TikTok');
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await options.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => options.getByRole('status').filter({ hasText: 'Saved:' }).innerText())
      .toMatch(/caption assistant off/);
    await expect.poll(() => panelText(page), { timeout: 10_000 }).toBe('');
    await page.bringToFront();
    await page.locator(EDITOR).click();
    await page.waitForTimeout(500);
    expect(await panelText(page)).toBe('');
    await options.close();
    await page.close();
  });
});
