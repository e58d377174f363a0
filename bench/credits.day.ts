/**
 * What a day of normal use costs: the real background (entrypoints/background.ts) on the fake
 * browser, the clock moved through a day, the API answered by a counting stand-in. Two days are
 * simulated; the second is the steady state. Prints requests and credits per scenario.
 *
 *   npm run bench:credits
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { afterAll, expect, it, vi } from 'vitest';
import background from '@/entrypoints/background';
import { okBody, pageItems } from '@/lib/keyapi/testing';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { settingsItem } from '@/lib/storage';
import { apiKeyItem } from '@/lib/vault';
import { changesItem, watchlistItem } from '@/lib/watch/store';
import { REFRESH_ALARM } from '@/lib/trending/schedule';
import { DEFAULT_FILTERS, type TrendFilters, type TrendView } from '@/lib/trending/types';

const ID = fakeBrowser.runtime.id;
const popupSender = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const tiktokSender = {
  id: ID,
  url: 'https://www.tiktok.com/foryou',
  tab: { id: 9 },
} as Browser.runtime.MessageSender;
const MINUTE = 60_000;

interface Scenario {
  name: string;
  settings: Settings;
  /** Filters and pages of the n-th popup opening. */
  popup: (n: number) => { filters: TrendFilters; pages: number };
  /** Hashtags on the watchlist (lib/watch); alerts read what the schedule fetches. */
  watched?: string[];
}

const scenarios: Scenario[] = [
  {
    name: 'defaults (12 h, highlight top 20)',
    settings: DEFAULT_SETTINGS,
    popup: () => ({ filters: DEFAULT_FILTERS, pages: 1 }),
  },
  {
    name: 'defaults, 10 watched tags (alerts on, notifications on)',
    settings: { ...DEFAULT_SETTINGS, alerts: { minMove: 1, newcomers: true } },
    popup: () => ({ filters: DEFAULT_FILTERS, pages: 1 }),
    // Five in the top 20, five the API never ranks there.
    watched: [
      ...[1, 4, 9, 13, 20].map((rank) => `all_regions7r${rank}`),
      ...['booktok', 'gymtok', 'cleantok', 'kpop', 'skincare'],
    ],
  },
  {
    name: 'defaults, popup scrolled to top 100 on 5 of 30 opens',
    settings: DEFAULT_SETTINGS,
    popup: (n) => ({ filters: DEFAULT_FILTERS, pages: n % 6 === 0 ? 5 : 1 }),
  },
  {
    name: 'highlight top 100 (5 pages)',
    settings: { ...DEFAULT_SETTINGS, highlight: { ...DEFAULT_SETTINGS.highlight, depth: 100 } },
    popup: () => ({ filters: DEFAULT_FILTERS, pages: 1 }),
  },
  {
    name: 'refresh every 1 h',
    settings: { ...DEFAULT_SETTINGS, refreshHours: 1 },
    popup: () => ({ filters: DEFAULT_FILTERS, pages: 1 }),
  },
  {
    name: 'popup switching between 3 regions',
    settings: DEFAULT_SETTINGS,
    popup: (n) => ({
      filters: { ...DEFAULT_FILTERS, region: (['all_regions', 'US', 'GB'] as const)[n % 3]! },
      pages: 1,
    }),
  },
];

let requests = 0;
/** The n-th answer of a page: the ranking shifts with every fetch, so each comparison has changes. */
let fetches = 0;

async function flush() {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

async function send(type: string, data: unknown, sender: Browser.runtime.MessageSender) {
  const replies = await fakeBrowser.runtime.onMessage.trigger(
    { hashtagRadar: 1, type, data },
    sender,
  );
  await flush();
  return (replies.find((r) => r !== undefined) as unknown as { value: unknown }).value;
}

/** Fires the refresh alarm whenever its time has come, up to `until`. */
async function runAlarmsUntil(until: number): Promise<number> {
  let fired = 0;
  for (;;) {
    const alarm = await fakeBrowser.alarms.get(REFRESH_ALARM);
    if (!alarm || alarm.scheduledTime > until) return fired;
    vi.setSystemTime(Math.max(Date.now(), alarm.scheduledTime));
    await fakeBrowser.alarms.onAlarm.trigger(alarm);
    await flush();
    fired += 1;
  }
}

/** One day: the browser runs 08:00–23:30; popup every 30 min; a tiktok.com page load every 30 min 12:00–21:30. */
async function simulateDay(
  day: Date,
  scenario: Scenario,
): Promise<{ requests: number; alarms: number }> {
  const at = (h: number, m = 0) =>
    new Date(day.getFullYear(), day.getMonth(), day.getDate(), h, m).getTime();
  const before = requests;
  const events: { time: number; run: () => Promise<void> }[] = [];
  for (let n = 0; n < 30; n++) {
    events.push({
      time: at(8, 30) + n * 30 * MINUTE,
      run: async () => {
        const ask = { ...scenario.popup(n), force: false };
        const view = (await send('getTrending', ask, popupSender)) as TrendView;
        // The popup asks again when the storage change announces the refresh.
        if (view.refreshing) await send('getTrending', ask, popupSender);
      },
    });
  }
  for (let n = 0; n < 20; n++) {
    events.push({
      time: at(12) + n * 30 * MINUTE + 7 * MINUTE,
      run: async () => {
        await send('getHighlightSet', undefined, tiktokSender);
        await send('reportPageTags', { count: 4 }, tiktokSender);
      },
    });
  }
  events.sort((a, b) => a.time - b.time);

  // Browser start: the worker starts; an alarm that came due overnight fires now.
  vi.setSystemTime(at(8));
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.alarms.onAlarm.removeAllListeners();
  fakeBrowser.storage.onChanged.removeAllListeners();
  background.main!();
  await flush();
  let alarms = await runAlarmsUntil(at(8));
  for (const event of events) {
    alarms += await runAlarmsUntil(event.time);
    vi.setSystemTime(event.time);
    await event.run();
  }
  alarms += await runAlarmsUntil(at(23, 30));
  return { requests: requests - before, alarms };
}

const rows: string[] = [];
/** Requests of the first and a normal day, per scenario already run. */
const requestsOf = new Map<string, number[]>();

it.each(scenarios)('$name', async (scenario) => {
  fakeBrowser.reset();
  requests = 0;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      requests += 1;
      const q = new URL(url).searchParams;
      const filters = { ...DEFAULT_FILTERS, region: q.get('region') } as TrendFilters;
      const page = Number(q.get('page'));
      const items = pageItems(page, filters);
      // A different order each time (rotated by the fetch count): watched tags move every refresh.
      const shift = fetches++ % items.length;
      const rotated = [...items.slice(shift), ...items.slice(0, shift)].map((item, i) => ({
        ...item,
        rank: (page - 1) * 20 + i + 1,
      }));
      return new Response(JSON.stringify(okBody(rotated, page)), {
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  fetches = 0;
  await settingsItem.setValue(scenario.settings);
  await apiKeyItem.setValue('sk_live_benchbenchbench0001');
  await watchlistItem.setValue(
    (scenario.watched ?? []).map((name) => ({ name, since: Date.now(), start: null })),
  );
  const notifications = vi
    .spyOn(fakeBrowser.permissions, 'contains')
    .mockResolvedValue(scenario.watched !== undefined);
  const first = await simulateDay(new Date(2026, 10, 25), scenario);
  const second = await simulateDay(new Date(2026, 10, 26), scenario);
  const changes = (await changesItem.getValue()).length;
  rows.push(
    `| ${scenario.name} | ${first.requests} / ${first.requests * 2} | ${second.requests} / ${second.requests * 2} | ${second.alarms} | ${scenario.watched ? changes : '–'} |`,
  );
  expect(second.requests * 2).toBeLessThanOrEqual(scenario.settings.dailyBudget);
  if (scenario.watched) {
    // Watching costs nothing: the same requests as the defaults row, and alerts did happen.
    expect([first.requests, second.requests]).toEqual(requestsOf.get(scenarios[0]!.name));
    expect(changes).toBeGreaterThan(0);
  }
  requestsOf.set(scenario.name, [first.requests, second.requests]);
  notifications.mockRestore();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

afterAll(() => {
  console.log(
    [
      '',
      'A day of use: popup opened 30×, 20 tiktok.com page loads, browser open 08:00–23:30, alarms firing.',
      '',
      '| scenario | first day: requests / credits | a normal day: requests / credits | alarms fired | watchlist changes stored |',
      '|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
});
