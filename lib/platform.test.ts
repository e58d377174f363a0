import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  API_HOST_PERMISSION,
  MIN_ALARM_MINUTES,
  hasApiAccess,
  requestApiAccess,
  alarmPeriodMinutes,
  createRepeatingAlarm,
  memorySessionArea,
  sessionArea,
  setBadge,
  toolbarAction,
} from './platform';

type Mutable = Record<string, unknown>;
const fake = fakeBrowser as unknown as Mutable;
const storage = fakeBrowser.storage as unknown as Mutable;

/** Replaces a property of the fake browser for one test; restored in afterEach. */
const saved: Array<[Mutable, string, unknown]> = [];
function replace(target: Mutable, key: string, value: unknown) {
  saved.push([target, key, target[key]]);
  target[key] = value;
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  for (const [target, key, value] of saved.reverse()) target[key] = value;
  saved.length = 0;
});

describe('setBadge', () => {
  it('sets text, colours and title on the MV3 action', async () => {
    expect(
      await setBadge('!', { color: '#d93025', textColor: '#ffffff', title: 'Key rejected' }),
    ).toBe(true);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([217, 48, 37, 255]);
    expect(await fakeBrowser.action.getTitle({})).toBe('Key rejected');
  });

  it('scopes everything to a tab when given one', async () => {
    await setBadge('12', { tabId: 7, color: '#1a73e8' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('12');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 7 })).toEqual([
      26, 115, 232, 255,
    ]);
  });

  it('clears the badge with empty text', async () => {
    await setBadge('3');
    await setBadge('');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it("null drops a tab's own text so the tab shows the global badge again", async () => {
    await setBadge('7', { tabId: 3 });
    const setText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    expect(await setBadge(null, { tabId: 3 })).toBe(true);
    // Chrome and Firefox document `text: null` with a tabId as "fall back to the global text".
    expect(setText).toHaveBeenLastCalledWith({ tabId: 3, text: null });
    // Without a tab, null means "no text".
    await setBadge('!');
    await setBadge(null);
    expect(setText).toHaveBeenLastCalledWith({ text: '' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('falls back to browserAction (MV2) when there is no action', async () => {
    const calls: unknown[] = [];
    replace(fake, 'action', undefined);
    replace(fake, 'browserAction', {
      setBadgeText: (d: unknown) => void calls.push(['text', d]),
      setBadgeBackgroundColor: (d: unknown) => void calls.push(['color', d]),
    });
    expect(
      await setBadge('5', { tabId: 2, color: '#000000', textColor: '#ffffff', title: 't' }),
    ).toBe(true);
    // No setBadgeTextColor / setTitle on this browser: skipped, the rest still happens.
    expect(calls).toEqual([
      ['color', { tabId: 2, color: '#000000' }],
      ['text', { tabId: 2, text: '5' }],
    ]);
  });

  it('still sets the text when the colour call is missing or rejects', async () => {
    replace(fake, 'action', {
      ...fakeBrowser.action,
      setBadgeBackgroundColor: () => Promise.reject(new Error('unsupported')),
      setBadgeTextColor: undefined,
    });
    expect(await setBadge('9', { color: '#ff0000', textColor: '#fff' })).toBe(true);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('9');
  });

  it('resolves false, without throwing, when there is no toolbar button API', async () => {
    replace(fake, 'action', undefined);
    replace(fake, 'browserAction', undefined);
    expect(toolbarAction()).toBeUndefined();
    expect(await setBadge('1', { color: '#000' })).toBe(false);
  });

  it('resolves false when setting the text rejects (e.g. the tab is gone)', async () => {
    replace(fake, 'action', {
      setBadgeText: () => Promise.reject(new Error('No tab with id: 99.')),
    });
    await expect(setBadge('1', { tabId: 99 })).resolves.toBe(false);
  });
});

describe('alarms', () => {
  it('raises periods below the browser minimum and keeps longer ones', () => {
    expect(alarmPeriodMinutes(0)).toBe(MIN_ALARM_MINUTES);
    expect(alarmPeriodMinutes(0.25)).toBe(MIN_ALARM_MINUTES);
    expect(alarmPeriodMinutes(-5)).toBe(MIN_ALARM_MINUTES);
    expect(alarmPeriodMinutes(MIN_ALARM_MINUTES)).toBe(MIN_ALARM_MINUTES);
    expect(alarmPeriodMinutes(180)).toBe(180);
    expect(alarmPeriodMinutes(Infinity)).toBe(Infinity);
    expect(() => alarmPeriodMinutes(Number.NaN)).toThrow(RangeError);
  });

  it('creates a repeating alarm with clamped period and delay', async () => {
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now);
    await createRepeatingAlarm('refresh', 0.1);
    await createRepeatingAlarm('daily', 24 * 60, 0);
    const refresh = await fakeBrowser.alarms.get('refresh');
    expect(refresh).toMatchObject({ name: 'refresh', periodInMinutes: MIN_ALARM_MINUTES });
    expect(refresh!.scheduledTime).toBe(now + MIN_ALARM_MINUTES * 60_000);
    const daily = await fakeBrowser.alarms.get('daily');
    expect(daily).toMatchObject({ periodInMinutes: 1440, scheduledTime: now + 60_000 });
  });
});

describe('sessionArea', () => {
  it('is storage.session where the browser has it', async () => {
    await sessionArea().set({ inflight: { page: 1 } });
    expect(await fakeBrowser.storage.session.get('inflight')).toEqual({ inflight: { page: 1 } });
  });

  it('falls back to one shared in-memory area without storage.session', async () => {
    replace(storage, 'session', undefined);
    const area = sessionArea();
    expect(area).toBe(sessionArea());
    await area.set({ a: 1, b: { c: [2] } });
    expect(await sessionArea().get(['a', 'b', 'missing'])).toEqual({ a: 1, b: { c: [2] } });
    await area.remove('a');
    expect(await area.get(null)).toEqual({ b: { c: [2] } });
    await area.remove(['b']);
    expect(await area.get()).toEqual({});
  });

  it('in-memory area stores copies, like a real storage area', async () => {
    const area = memorySessionArea();
    const value = { list: [1] };
    await area.set({ k: value });
    value.list.push(2);
    const read = await area.get('k');
    expect(read).toEqual({ k: { list: [1] } });
    (read.k as { list: number[] }).list.push(3);
    expect(await area.get('k')).toEqual({ k: { list: [1] } });
  });
});

describe('API host access', () => {
  it('asks the permissions API about exactly the keyapi host', async () => {
    const contains = vi.fn(async () => false);
    replace(fake, 'permissions', { contains });
    expect(await hasApiAccess()).toBe(false);
    expect(contains).toHaveBeenCalledWith({ origins: ['https://api.keyapi.ai/*'] });
    contains.mockResolvedValue(true);
    expect(await hasApiAccess()).toBe(true);
  });

  it('assumes access where the browser cannot tell', async () => {
    replace(fake, 'permissions', undefined);
    expect(await hasApiAccess()).toBe(true);
    replace(fake, 'permissions', { contains: () => Promise.reject(new Error('unsupported')) });
    expect(await hasApiAccess()).toBe(true);
  });

  it('requests the host again and reports the answer; false when it cannot ask', async () => {
    const request = vi.fn(async () => true);
    replace(fake, 'permissions', { request });
    expect(await requestApiAccess()).toBe(true);
    expect(request).toHaveBeenCalledWith(API_HOST_PERMISSION);
    request.mockRejectedValue(new Error('must be called during a user gesture'));
    expect(await requestApiAccess()).toBe(false);
    replace(fake, 'permissions', {});
    expect(await requestApiAccess()).toBe(false);
  });
});
