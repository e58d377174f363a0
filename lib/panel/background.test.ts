/**
 * The background's side of the side panel, the context menu and the shortcuts, with the real
 * background on WXT's fake browser (context menus, commands, the side panel and the popup are the
 * stand-ins of tests/panel/setup.ts): what a tab reports and the panel reads back, the menu entries
 * and their clicks, the toolbar choice, the shortcut.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import background from '@/entrypoints/background';
import { okBody, pageItems } from '@/lib/keyapi/testing';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { settingsItem } from '@/lib/storage';
import { DEFAULT_FILTERS } from '@/lib/trending/types';
import { flush, sendAs, SENDERS } from '@/lib/trending/testing';
import { apiKeyItem } from '@/lib/vault';
import { panelFakes } from '@/tests/panel/setup';
import type { PageTagsView } from '@/lib/page/view';

type Sender = Browser.runtime.MessageSender;
const START = new Date(2026, 10, 26, 9, 0, 0).getTime();
const { popup, contentScript } = SENDERS;
/** The names the API answers for the default filters: `all7r1` is rank 1. */
const NAME = (rank: number) =>
  `${DEFAULT_FILTERS.region}${DEFAULT_FILTERS.period}r${rank}`.toLowerCase();

async function start() {
  background.main!();
  await flush();
}

async function pageTags(tabId = 7): Promise<PageTagsView> {
  const reply = await sendAs<PageTagsView>('getPageTags', { tabId }, popup);
  expect(reply.ok, reply.error).toBe(true);
  return reply.value!;
}

const session = async (key: string) => (await fakeBrowser.storage.session.get(key))[key];

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify(okBody(pageItems(1, DEFAULT_FILTERS))), { status: 200 }),
    ),
  );
  await apiKeyItem.setValue('sk_live_0123456789abcdef9f2c');
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('"On this page": what a tab reports', () => {
  beforeEach(start);

  it("keeps a tab's names and ranks them by the highlighted list for the panel", async () => {
    await pageTags(); // the list is fetched
    const report = {
      count: 2,
      names: [NAME(3), NAME(1), 'notrending'],
      caption: [NAME(2), 'kyotolife'],
    };
    expect(await sendAs('reportPageTags', report, contentScript)).toEqual({ ok: true });
    expect(await session('radar:pageTags:7')).toEqual({
      names: report.names,
      caption: report.caption,
      at: START,
    });
    const view = await pageTags();
    expect(view.found.map((t) => `${t.rank}:${t.name}`)).toEqual([`1:${NAME(1)}`, `3:${NAME(3)}`]);
    expect(view.caption?.map((c) => `${c.name}:${c.tag?.rank ?? 'not trending'}`)).toEqual([
      `${NAME(2)}:2`,
      'kyotolife:not trending',
    ]);
    expect(view).toMatchObject({ depth: 20, highlight: true, reportedAt: START, olderTab: false });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('2');
    // Another tab has reported nothing.
    expect(await pageTags(8)).toMatchObject({ reportedAt: null, found: [], caption: null });
  });

  it('refuses a report with anything but hashtag names, and changes nothing', async () => {
    await sendAs('reportPageTags', { count: 1, names: ['fyp'], caption: null }, contentScript);
    for (const bad of [
      { count: 1, names: ['<img src=x>'] },
      { count: 1, names: ['fyp'], caption: ['#dance'] },
      { count: 1, names: Array.from({ length: 501 }, (_, i) => `t${i}`) },
      { count: 1, names: 'fyp' },
    ]) {
      expect(
        await sendAs('reportPageTags', bad, { ...contentScript, tab: { id: 9 } as Sender['tab'] }),
      ).toMatchObject({ ok: false });
    }
    expect(await session('radar:pageTags:9')).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 9 })).toBe('');
    expect(await session('radar:pageTags:7')).toMatchObject({ names: ['fyp'] });
  });

  it('forgets a tab when its page leaves tiktok.com (an empty report), or once closed at the next report', async () => {
    const report = { count: 1, names: ['fyp'], caption: null };
    await sendAs('reportPageTags', report, contentScript);
    await sendAs('reportPageTags', { count: 0, names: [], caption: null }, contentScript);
    expect(await session('radar:pageTags:7')).toBeUndefined();
    await sendAs('reportPageTags', report, contentScript);
    // Tab 7 closes (no listener wakes the worker for that); tab 8, still open, reports.
    const query = vi
      .spyOn(fakeBrowser.tabs, 'query')
      .mockResolvedValue([{ id: 8 } as Browser.tabs.Tab]);
    await sendAs('reportPageTags', report, { ...contentScript, tab: { id: 8 } as Sender['tab'] });
    expect(await session('radar:pageTags:7')).toBeUndefined();
    expect(await session('radar:pageTags:8')).toMatchObject({ names: ['fyp'] });
    query.mockRestore();
  });

  it('answers the badge count alone as before (a report without names)', async () => {
    await sendAs('reportPageTags', { count: 4 }, contentScript);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('4');
    expect(await session('radar:pageTags:7')).toBeUndefined();
  });

  it('reads tabs only for extension pages, and only real tab ids', async () => {
    expect(await sendAs('getPageTags', { tabId: 7 }, contentScript)).toEqual({
      ok: false,
      error: 'Not allowed.',
    });
    expect(await sendAs('getPageTags', { tabId: -1 }, popup)).toEqual({
      ok: false,
      error: 'No tab to read.',
    });
  });

  it('says when marking is off, and the depth it marks to', async () => {
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      highlight: { ...DEFAULT_SETTINGS.highlight, enabled: false },
    });
    expect(await pageTags()).toMatchObject({ highlight: false, depth: 20 });
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      highlight: { ...DEFAULT_SETTINGS.highlight, depth: 40 },
    });
    expect(await pageTags()).toMatchObject({ highlight: true, depth: 40 });
  });
});

describe('set-up at install and when the toolbar choice changes', () => {
  it('makes the toolbar open the popup and adds the menu entries; remembers the tabs open then', async () => {
    await fakeBrowser.tabs.create({ url: 'https://www.tiktok.com/foryou' });
    await start();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await flush();
    expect(panelFakes.popup).toBe('popup.html');
    expect(panelFakes.panelBehavior).toEqual({ openPanelOnActionClick: false });
    expect([...panelFakes.menus.values()]).toEqual([
      {
        id: 'lookup-selection:popup',
        title: 'Look up this hashtag in Hashtag Radar',
        contexts: ['selection'],
        documentUrlPatterns: ['https://www.tiktok.com/*'],
        visible: false,
      },
      {
        id: 'lookup-link:popup',
        title: 'Look up this hashtag in Hashtag Radar',
        contexts: ['link'],
        targetUrlPatterns: [
          'https://www.tiktok.com/tag/*',
          'https://tiktok.com/tag/*',
          'https://m.tiktok.com/tag/*',
        ],
      },
    ]);
    const tabs = await fakeBrowser.tabs.query({});
    expect(await session('radar:olderTabs')).toEqual(tabs.map((t) => t.id));
    expect((await pageTags(tabs[1]!.id!)).olderTab).toBe(true);
    expect((await pageTags(999)).olderTab).toBe(false);
  });

  it('switches the toolbar button, and the menu, to the side panel when chosen', async () => {
    await start();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, toolbarOpens: 'panel' });
    await flush();
    expect(panelFakes.popup).toBe('');
    expect(panelFakes.panelBehavior).toEqual({ openPanelOnActionClick: true });
    expect([...panelFakes.menus.keys()]).toEqual(['lookup-selection:panel', 'lookup-link:panel']);
    // Back to the popup.
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, toolbarOpens: 'popup' });
    await flush();
    expect(panelFakes.popup).toBe('popup.html');
    expect([...panelFakes.menus.keys()]).toEqual(['lookup-selection:popup', 'lookup-link:popup']);
  });

  it('sets the toolbar button up again when the browser starts (Chrome forgets the popup change)', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, toolbarOpens: 'panel' });
    await start();
    await fakeBrowser.runtime.onStartup.trigger();
    await flush();
    expect(panelFakes.popup).toBe('');
  });
});

describe('the context menu', () => {
  const click = async (info: Partial<Browser.contextMenus.OnClickData>, windowId = 3) => {
    panelFakes.menuClicked.trigger(
      { editable: false, pageUrl: 'https://www.tiktok.com/foryou', ...info },
      { id: 7, windowId },
    );
    await flush();
  };

  beforeEach(async () => {
    await start();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await flush();
  });

  it('shows the selection entry with the hashtag the content script found, and hides it again', async () => {
    await sendAs('reportSelection', { name: 'BookTok' }, contentScript);
    expect(panelFakes.menus.get('lookup-selection:popup')).toMatchObject({
      visible: true,
      title: 'Look up #BookTok in Hashtag Radar',
    });
    await sendAs('reportSelection', { name: null }, contentScript);
    expect(panelFakes.menus.get('lookup-selection:popup')).toMatchObject({ visible: false });
    expect(await sendAs('reportSelection', { name: 'not a tag' }, contentScript)).toEqual({
      ok: false,
      error: 'Not a hashtag name.',
    });
  });

  it('opens the popup at the first hashtag of a selection', async () => {
    await click({
      menuItemId: 'lookup-selection:popup',
      selectionText: 'love this #BookTok and #fyp',
    });
    expect(panelFakes.calls).toEqual(['action.openPopup {"windowId":3}']);
    expect(await session('radar:lookup')).toEqual({ name: 'BookTok', at: START });
  });

  it('opens the side panel at the hashtag of a /tag/ link when the panel was chosen', async () => {
    await click({
      menuItemId: 'lookup-link:panel',
      linkUrl: 'https://www.tiktok.com/tag/caf%C3%A9?lang=en',
    });
    expect(panelFakes.calls).toEqual(['sidePanel.open {"windowId":3}']);
    expect(await session('radar:lookup')).toEqual({ name: 'café', at: START });
  });

  it('does nothing for a selection without a hashtag, a link elsewhere, or an id not ours', async () => {
    await click({ menuItemId: 'lookup-selection:popup', selectionText: 'two words' });
    await click({ menuItemId: 'lookup-link:popup', linkUrl: 'https://example.com/tag/fyp' });
    await click({ menuItemId: 'other', selectionText: '#fyp' });
    expect(panelFakes.calls).toEqual([]);
    expect(await session('radar:lookup')).toBeUndefined();
  });

  it('opens the list in a tab when the browser refuses to open the panel', async () => {
    panelFakes.failing.set(
      'sidePanel.open',
      '`sidePanel.open()` may only be called in response to a user gesture.',
    );
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await click({ menuItemId: 'lookup-selection:panel', selectionText: '#fyp' });
    expect(create).toHaveBeenCalledWith({
      url: 'chrome-extension://test-extension-id/popup.html#tag=fyp',
    });
    expect(await session('radar:lookup')).toBeUndefined();
  });
});

describe('shortcuts and the toolbar button', () => {
  beforeEach(start);

  it('toggles the side panel: opens it, and closes it when it was open', async () => {
    panelFakes.command.trigger('toggle-side-panel', { id: 7, windowId: 3 });
    await flush();
    expect(panelFakes.calls).toEqual(['sidePanel.open {"windowId":3}']);
    panelFakes.command.trigger('toggle-side-panel', { id: 7, windowId: 3 });
    await flush();
    expect(panelFakes.calls.slice(1)).toEqual([
      'sidePanel.open {"windowId":3}',
      'sidePanel.close {"windowId":3}',
    ]);
    expect(panelFakes.openPanels.size).toBe(0);
    panelFakes.command.trigger('something-else', { id: 7, windowId: 3 });
    await flush();
    expect(panelFakes.calls).toHaveLength(3);
  });

  it('opens the side panel from a toolbar click without a popup', async () => {
    await fakeBrowser.action.onClicked.trigger({ id: 7, windowId: 4 } as never, undefined as never);
    await flush();
    expect(panelFakes.calls).toEqual(['sidePanel.open {"windowId":4}']);
  });
});
