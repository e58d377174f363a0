import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { localDay } from '@/lib/format';
import { okBody, pageItems } from '@/lib/keyapi/testing';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { sampleModeItem, settingsItem } from '@/lib/storage';
import { apiKeyItem } from '@/lib/vault';
import { creditStatus } from '@/lib/trending/credits';
import { REFRESH_ALARM } from '@/lib/trending/schedule';
import { parseKeyState } from '@/lib/trending/key-state';
import { cacheKey } from '@/lib/trending/store';
import { DEFAULT_FILTERS } from '@/lib/trending/types';
import background from '@/entrypoints/background';
import { flush, sendAs, SENDERS } from '@/lib/trending/testing';
import { panelFakes } from '@/tests/panel/setup';

const KEY = 'sk_live_0123456789abcdef9f2c';
const ID = 'test-extension-id';
const START = new Date(2026, 10, 26, 9, 0, 0).getTime();
const HOUR = 3_600_000;

type Sender = Browser.runtime.MessageSender;
const { popup, contentScript } = SENDERS;

let fetchMock: ReturnType<typeof vi.fn>;
let answer: () => Response;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

const send = sendAs;

async function start() {
  background.main!();
  await flush();
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
  answer = () => json(200, okBody(pageItems(1, DEFAULT_FILTERS)));
  fetchMock = vi.fn(async () => answer());
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('sender checks', () => {
  beforeEach(async () => {
    await apiKeyItem.setValue(KEY);
    await start();
  });

  it.each<[string, Sender]>([
    [
      'a web page (no extension id)',
      { url: 'https://www.tiktok.com/', tab: { id: 3 } as Sender['tab'] },
    ],
    [
      'another extension',
      { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' },
    ],
    ['our content script asking for the full list', contentScript],
    ['a content script on plain http', { ...contentScript, url: 'http://www.tiktok.com/' }],
    ['a look-alike host', { ...contentScript, url: 'https://www.tiktok.com.evil.example/' }],
    ['a frame without a URL', { id: ID }],
  ])('refuses getTrending from %s and makes no request', async (_name, sender) => {
    const reply = await send('getTrending', { filters: DEFAULT_FILTERS, pages: 1 }, sender);
    expect(reply).toEqual({ ok: false, error: 'Not allowed.' });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it.each(['saveApiKey', 'testKey', 'getStatus', 'clearCache'])(
    'refuses %s from a content script',
    async (type) => {
      expect(await send(type, { key: 'sk_live_stolenstolen' }, contentScript)).toMatchObject({
        ok: false,
      });
      expect(await apiKeyItem.getValue()).toBe(KEY);
      expect(fetchMock).not.toHaveBeenCalled();
    },
  );

  it('answers the popup, and the content script with the highlight set only', async () => {
    expect(await send('getTrending', { filters: DEFAULT_FILTERS, pages: 1 })).toMatchObject({
      ok: true,
    });
    const highlight = await send('getHighlightSet', undefined, contentScript);
    expect(highlight.ok).toBe(true);
    expect(JSON.stringify(highlight)).not.toContain(KEY);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('gives an extension page the rank history, and a content script nothing', async () => {
    await send('getTrending', { filters: DEFAULT_FILTERS, pages: 1 });
    const ask = { filters: DEFAULT_FILTERS, name: '#ALL_REGIONS7R3' };
    expect(await send('getRankHistory', ask)).toEqual({
      ok: true,
      value: [{ day: localDay(START), rank: 3 }],
    });
    expect(await send('getRankHistory', ask, contentScript)).toMatchObject({ ok: false });
  });

  it('ignores messages that are not ours', async () => {
    const replies = await fakeBrowser.runtime.onMessage.trigger({ type: 'getTrending' }, popup);
    expect(replies.every((r) => r === undefined)).toBe(true);
  });
});

describe('requests', () => {
  it('sends the saved key as a Bearer header to the trending endpoint', async () => {
    await apiKeyItem.setValue(KEY);
    await start();
    await send('getTrending', { filters: { ...DEFAULT_FILTERS, region: 'US' }, pages: 1 });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(
      'https://api.keyapi.ai/v1/tiktok/trending/hashtags?page=1&limit=20&period=7&region=US&industry_id=nothing&new_to_top_100=false',
    );
    expect(init.headers).toMatchObject({ Authorization: `Bearer ${KEY}` });
  });
});

describe('schedule', () => {
  it('refreshes the default filters when the alarm fires, and not again while fresh', async () => {
    await apiKeyItem.setValue(KEY);
    await start();
    const alarm = await fakeBrowser.alarms.get(REFRESH_ALARM);
    expect(alarm?.scheduledTime).toBe(START + 30_000);
    expect(fetchMock).not.toHaveBeenCalled();

    vi.setSystemTime(START + 30_000);
    await fakeBrowser.alarms.onAlarm.trigger(alarm!);
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.scheduledTime).toBe(
      START + 30_000 + 12 * HOUR,
    );

    await fakeBrowser.alarms.onAlarm.trigger(alarm!);
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);

    vi.setSystemTime(START + 30_000 + 12 * HOUR);
    await fakeBrowser.alarms.onAlarm.trigger((await fakeBrowser.alarms.get(REFRESH_ALARM))!);
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('does not fetch on browser start when the cache is fresh', async () => {
    await apiKeyItem.setValue(KEY);
    await start();
    await send('getTrending', { filters: DEFAULT_FILTERS, pages: 1 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    vi.setSystemTime(START + 2 * HOUR);
    fakeBrowser.runtime.onMessage.removeAllListeners();
    await start();
    const alarm = await fakeBrowser.alarms.get(REFRESH_ALARM);
    await fakeBrowser.alarms.onAlarm.trigger(alarm!);
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(alarm?.scheduledTime).toBe(START + 12 * HOUR);
  });

  it('has no alarm without a key or in sample mode, and one once a key is saved', async () => {
    await start();
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toBeUndefined();
    await fakeBrowser.alarms.onAlarm.trigger({ name: REFRESH_ALARM, scheduledTime: START });
    expect(fetchMock).not.toHaveBeenCalled();
    await sampleModeItem.setValue(true);
    await send('saveApiKey', { key: KEY });
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toBeDefined();
    expect(await sampleModeItem.getValue()).toBe(false);
    await send('saveApiKey', { key: '' });
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toBeUndefined();
  });

  it('waits for the next day after a 402', async () => {
    await apiKeyItem.setValue(KEY);
    await start();
    answer = () => json(402, { code: 402, data: null, message: 'apiKey quota is not enough' });
    await fakeBrowser.alarms.onAlarm.trigger({ name: REFRESH_ALARM, scheduledTime: START });
    await flush();
    const midnight = new Date(START).setHours(24, 0, 0, 0);
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.scheduledTime).toBe(midnight);
    await fakeBrowser.alarms.onAlarm.trigger({ name: REFRESH_ALARM, scheduledTime: START });
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('retries a lasting 400 on its own only after the refresh time, and 5xx with back-off', async () => {
    await apiKeyItem.setValue(KEY);
    await start();
    answer = () => json(400, { code: 400, data: null, message: 'Invalid parameter: region' });
    await fakeBrowser.alarms.onAlarm.trigger({ name: REFRESH_ALARM, scheduledTime: START });
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.scheduledTime).toBe(START + 12 * HOUR);

    answer = () => json(500, { code: 500, data: null, message: 'Internal server error' });
    vi.setSystemTime(START + 12 * HOUR);
    await fakeBrowser.alarms.onAlarm.trigger({ name: REFRESH_ALARM, scheduledTime: START });
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.scheduledTime).toBe(
      START + 12 * HOUR + 60_000,
    );
  });

  it('follows a change of the default region', async () => {
    await apiKeyItem.setValue(KEY);
    await start();
    await fakeBrowser.alarms.onAlarm.trigger({ name: REFRESH_ALARM, scheduledTime: START });
    await flush();
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      defaults: { ...DEFAULT_FILTERS, region: 'DE' },
    });
    await flush();
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.scheduledTime).toBe(START + 30_000);
  });
});

describe('key', () => {
  it('saves a key and answers with a masked hint only', async () => {
    await start();
    const reply = await send('saveApiKey', { key: `  ${KEY} ` });
    expect(reply).toEqual({
      ok: true,
      value: { keySet: true, keyHint: 'sk_live_…9f2c', keyInvalid: false },
    });
    expect(await apiKeyItem.getValue()).toBe(KEY);
    const status = await send('getStatus', undefined);
    expect(JSON.stringify(status)).not.toContain(KEY);
    expect(status.value).toMatchObject({
      keySet: true,
      keyHint: 'sk_live_…9f2c',
      sampleMode: false,
    });
  });

  it('refuses something that is not a key', async () => {
    await start();
    expect(await send('saveApiKey', { key: 'has spaces in it' })).toMatchObject({ ok: false });
    expect(await apiKeyItem.getValue()).toBe('');
  });

  it('shows "!" on the toolbar after a 401 until a new key is saved', async () => {
    await apiKeyItem.setValue(KEY);
    await start();
    answer = () => json(401, { code: 401, data: null, message: 'apiKey is invalid' });
    const view = await send('getTrending', { filters: DEFAULT_FILTERS, pages: 1 });
    expect(view.ok).toBe(true);
    await flush();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect((await send('getStatus', undefined)).value).toMatchObject({ keyInvalid: true });
    answer = () => json(200, okBody(pageItems(1, DEFAULT_FILTERS)));
    await send('saveApiKey', { key: 'sk_live_newkeynewkey1234' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('publishes whether a key is set and refused, for pages to paint from, never the key', async () => {
    const published = (expected: object) =>
      vi.waitFor(async () =>
        expect(
          parseKeyState((await fakeBrowser.storage.local.get('radar:keyState'))['radar:keyState']),
        ).toMatchObject(expected),
      );
    await start();
    await published({ keySet: false, keyError: { kind: 'no-key' } });
    await send('saveApiKey', { key: KEY });
    await published({ version: 1, keySet: true, keyError: null });
    answer = () => json(401, { code: 401, data: null, message: 'apiKey is invalid' });
    await send('getTrending', { filters: DEFAULT_FILTERS, pages: 1 });
    await published({
      keySet: true,
      keyError: { kind: 'invalid-key', message: 'apiKey is invalid' },
    });
    const stored = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(stored).not.toContain(KEY);
    expect(stored).not.toContain(KEY.slice(-4));
    await send('saveApiKey', { key: '' });
    await published({ keySet: false, keyError: { kind: 'no-key' } });
  });

  it('sets a key state that something else wrote (or damaged) right at once', async () => {
    await apiKeyItem.setValue(KEY);
    await start();
    await fakeBrowser.storage.local.set({ 'radar:keyState': { version: 1, keySet: 'yes' } });
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.local.get('radar:keyState'))['radar:keyState']).toEqual({
        version: 1,
        keySet: true,
        keyError: null,
      }),
    );
  });

  it('tests a key with one counted request and reports valid, invalid, out of credits', async () => {
    await start();
    expect(await send('testKey', {})).toMatchObject({
      ok: true,
      value: { valid: false, error: { kind: 'no-key' } },
    });
    expect(await send('testKey', { key: KEY })).toEqual({ ok: true, value: { valid: true } });
    answer = () => json(401, { code: 401, data: null, message: 'apiKey is invalid' });
    expect(await send('testKey', { key: KEY })).toMatchObject({
      value: { valid: false, error: { kind: 'invalid-key' } },
    });
    answer = () => json(402, { code: 402, data: null, message: 'apiKey quota is not enough' });
    expect(await send('testKey', { key: KEY })).toMatchObject({
      value: {
        valid: false,
        error: { kind: 'out-of-credits', message: 'apiKey quota is not enough' },
      },
    });
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(await creditStatus(100)).toMatchObject({ requestsToday: 3, creditsToday: 6 });
    const stored = await fakeBrowser.storage.local.get(cacheKey(DEFAULT_FILTERS, 1));
    expect(stored[cacheKey(DEFAULT_FILTERS, 1)]).toMatchObject({ fetchedAt: START });
  });
});

describe('tabs and install', () => {
  it('shows each tab its own count of trending tags', async () => {
    await start();
    await send('reportPageTags', { count: 3 }, contentScript);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('3');
    await send('reportPageTags', { count: 250 }, contentScript);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('99+');
    await send('reportPageTags', { count: 0 }, contentScript);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
  });

  it('opens the popup at a hashtag, or the side panel when that was chosen', async () => {
    await start();
    const tab = { ...contentScript, tab: { id: 7, windowId: 3 } as Sender['tab'] };
    await send('openInRadar', { name: '#fyp' }, tab);
    expect(panelFakes.calls).toEqual(['action.openPopup {"windowId":3}']);
    expect(await fakeBrowser.storage.session.get('radar:lookup')).toEqual({
      'radar:lookup': { name: 'fyp', at: START },
    });
    await send('openInRadar', { name: 'booktok', opens: 'panel' }, tab);
    expect(panelFakes.calls.at(-1)).toBe('sidePanel.open {"windowId":3}');
    expect(await send('openInRadar', { name: '   ' }, contentScript)).toMatchObject({ ok: false });
  });

  it('opens the list in a new tab when the browser will not open the popup', async () => {
    await start();
    panelFakes.failing.set('action.openPopup', 'openPopup requires a user gesture');
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await send('openInRadar', { name: '#fyp' }, contentScript);
    expect(create).toHaveBeenCalledWith({ url: `chrome-extension://${ID}/popup.html#tag=fyp` });
    // Nothing left for the next popup to show.
    expect(await fakeBrowser.storage.session.get('radar:lookup')).toEqual({});
  });

  it('lets one tab open the list 3 times in 30 s, however often its page asks', async () => {
    await start();
    const opened = () => panelFakes.calls.filter((c) => c.startsWith('action.openPopup')).length;
    const otherTab: Sender = { ...contentScript, tab: { id: 8 } as Sender['tab'] };
    for (let i = 0; i < 3; i++) {
      expect(await send('openInRadar', { name: 'fyp' }, contentScript)).toMatchObject({ ok: true });
    }
    for (let i = 0; i < 20; i++) {
      expect(await send('openInRadar', { name: 'fyp' }, contentScript)).toEqual({
        ok: false,
        error: 'Too many requests.',
      });
    }
    expect(opened()).toBe(3);
    // Another tab has its own allowance; the popup and the options page have no limit.
    expect(await send('openInRadar', { name: 'fyp' }, otherTab)).toMatchObject({ ok: true });
    expect(opened()).toBe(4);
    vi.setSystemTime(START + 30_000);
    expect(await send('openInRadar', { name: 'fyp' }, contentScript)).toMatchObject({ ok: true });
    expect(opened()).toBe(5);
  });

  it('limits how often a tab may ask for the highlight set and report its count', async () => {
    await start();
    const replies = [];
    for (let i = 0; i < 31; i++)
      replies.push(await send('getHighlightSet', undefined, contentScript));
    expect(replies.filter((r) => r.ok)).toHaveLength(30);
    expect(replies.at(-1)).toEqual({ ok: false, error: 'Too many requests.' });
    for (let i = 0; i < 20; i++) await send('reportPageTags', { count: i + 1 }, contentScript);
    expect(await send('reportPageTags', { count: 40 }, contentScript)).toMatchObject({ ok: false });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('20');
  });

  it('opens the options page on install only', async () => {
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    await start();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false });
    expect(open).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(open).toHaveBeenCalledTimes(1);
  });
});
