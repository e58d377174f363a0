/**
 * What the popup paints first, read by the popup itself so it need not wait for the background (a
 * stopped worker takes hundreds of ms to start): one storage read of the remembered filters, the
 * settings, sample mode, the key state the background publishes, the rank history and the cached
 * pages of those filters; from them the same list the background would answer with (`buildView`),
 * or null where storage cannot tell — nothing cached yet, no key state yet, damaged values — and
 * the popup shows the skeleton until the background answers. The background stays the one that
 * decides staleness, fetches and holds the key (which is not in storage.local); the popup asks it
 * as soon as this is on screen.
 *
 * The read itself is started by public/popup-early.js while popup.html is parsed, with the keys the
 * last opening needed (kept in the page's localStorage, see `rememberFirstRead`).
 */
import { browser } from 'wxt/browser';
import { DAILY_BUDGET, inRangeOr, REFRESH_HOURS } from '../../lib/settings-fields';
import { cacheKey, migrateEntry } from '../../lib/trending/entry';
import { KEY_STATE_KEY, parseKeyState } from '../../lib/trending/key-state';
import { HISTORY_KEY, historyOf, yesterdayRanks } from '../../lib/trending/rank-history';
import {
  DEFAULT_FILTERS,
  MAX_PAGES,
  filtersKey,
  normalizeFilters,
  type ListView,
  type TrendFilters,
} from '../../lib/trending/types';
import { buildView } from '../../lib/trending/view';
import { PREF_KEYS, split } from './prefs';

/** Storage keys (WXT-style) of what the first paint needs besides the cached pages. */
const FIRST_KEYS = {
  ...PREF_KEYS,
  keyState: KEY_STATE_KEY,
  history: HISTORY_KEY,
} as const;

type Name = keyof typeof FIRST_KEYS;

/** Raw stored values, as storage holds them: nothing here is trusted yet. */
export interface Stored {
  values: Partial<Record<Name, unknown>>;
  /** Cached pages by cache key (`trending:cache:…`). */
  entries: Record<string, unknown>;
}

/** The storage names a read asks for, by area. */
export interface ReadKeys {
  local: string[];
  sync: string[];
}

/** What the settings say that the popup uses (synced, so checked as settings.ts does). */
function settingsOf(stored: Stored) {
  const raw = stored.values.settings as Record<string, unknown> | null | undefined;
  return {
    defaults: normalizeFilters(raw?.defaults),
    ttl: inRangeOr(raw?.refreshHours, REFRESH_HOURS) * 3_600_000,
    dailyBudget: inRangeOr(raw?.dailyBudget, DAILY_BUDGET),
  };
}

/** The filters the popup opens with: the last choice, else the options' defaults. Pure. */
export function openingFilters(stored: Stored): TrendFilters {
  const { defaults } = settingsOf(stored);
  const saved = stored.values.popupFilters;
  return saved ? normalizeFilters(saved, defaults) : defaults;
}

const pageKeys = (filters: TrendFilters, pages: number) =>
  // One page more than shown, read only to tell whether "Show more" is free.
  Array.from({ length: Math.min(pages + 1, MAX_PAGES) }, (_, i) => cacheKey(filters, i + 1));

/** What a read of `names` and the pages of `filters` asks storage for. Pure. */
export function readKeys(names: Name[], filters: TrendFilters, pages: number): ReadKeys {
  const keys: ReadKeys = { local: pageKeys(filters, pages), sync: [] };
  for (const name of names) {
    const [area, key] = split(FIRST_KEYS[name]);
    keys[area].push(key);
  }
  return keys;
}

/**
 * The list storage holds for `filters` (pages 1..`pages`), as the background would build it minus
 * what only it knows (a refresh under way, gates and budget, the credits); null when storage cannot
 * tell what to show. Pure.
 */
export function storedList(
  stored: Stored,
  filters: TrendFilters,
  pages: number,
  now: number,
): ListView | null {
  const keyState = parseKeyState(stored.values.keyState);
  if (!keyState) return null;
  const [first, ...rest] = pageKeys(filters, pages).map((key) =>
    key in stored.entries ? migrateEntry(stored.entries[key]) : null,
  );
  // Nothing cached (or only a damaged entry): a fetch is due, or the welcome if there is no key.
  if (!first && keyState.keySet) return null;
  const entries = [first ?? null, ...rest];
  return buildView({
    filters,
    entries: entries.slice(0, pages),
    next: entries[pages] ?? null,
    now,
    ttl: settingsOf(stored).ttl,
    refreshing: false,
    blocking: keyState.keyError,
    rankYesterday: yesterdayRanks(historyOf(stored.values.history, filters), now),
  });
}

/** The read public/popup-early.js started, if any (this page's own global: no other script runs here). */
interface EarlyRead extends ReadKeys {
  values: Promise<[Record<string, unknown>, Record<string, unknown>] | null>;
}
const scope = globalThis as { hashtagRadarEarlyRead?: EarlyRead };

const covers = (read: ReadKeys, wanted: ReadKeys) =>
  wanted.local.every((key) => read.local.includes(key)) &&
  wanted.sync.every((key) => read.sync.includes(key));

/** Reads `keys`, taking the early read once if it asked for all of them. */
async function readAreas(keys: ReadKeys): Promise<Record<string, unknown>> {
  const early = scope.hashtagRadarEarlyRead;
  delete scope.hashtagRadarEarlyRead;
  const got = early && covers(early, keys) ? await early.values : null;
  const [local, sync] =
    got ??
    (await Promise.all([
      browser.storage.local.get(keys.local),
      keys.sync.length ? browser.storage.sync.get(keys.sync) : {},
    ]));
  return { ...local, ...sync };
}

/** One read of each storage area: the values named, and the cached pages of `filters`. */
async function readStored(names: Name[], filters: TrendFilters, pages: number): Promise<Stored> {
  const all = await readAreas(readKeys(names, filters, pages));
  const values = Object.fromEntries(names.map((name) => [name, all[split(FIRST_KEYS[name])[1]]]));
  const entries = Object.fromEntries(
    Object.entries(all).filter(([key]) => key.startsWith('trending:cache:')),
  );
  return { values, entries };
}

/** What the popup shows for `stored`: the sample list in sample mode (its module loads only then). */
async function listFor(stored: Stored, filters: TrendFilters, pages: number, now: number) {
  if (stored.values.sampleMode !== true) return storedList(stored, filters, pages, now);
  const { sampleList } = await import('../../lib/sample/view');
  return sampleList(filters, pages);
}

/** Where the page keeps, for the next opening, its filters and what its first read needs. */
const MIRROR = 'popupFirstRead';
const FIRST_NAMES = Object.keys(FIRST_KEYS) as Name[];

/** The filters the popup showed last (a synchronous copy: the header renders before storage answers). */
export function mirroredFilters(): TrendFilters | null {
  try {
    const mirror = JSON.parse(localStorage.getItem(MIRROR) ?? 'null') as { filters?: unknown };
    return mirror?.filters ? normalizeFilters(mirror.filters) : null;
  } catch {
    return null;
  }
}

/** Keeps `filters`, and the keys the first read of a popup showing them needs, for the next opening. */
export function rememberFirstRead(filters: TrendFilters): void {
  try {
    localStorage.setItem(MIRROR, JSON.stringify({ filters, ...readKeys(FIRST_NAMES, filters, 1) }));
  } catch {
    // No localStorage (tests, locked-down profiles): the next opening reads twice.
  }
}

export interface FirstRead {
  filters: TrendFilters;
  /** What to paint at once, or null: the skeleton until the background answers. */
  view: ListView | null;
  /** The daily budget of the settings (the credits themselves come with the background's answer). */
  dailyBudget: number;
}

/**
 * The popup's first read, of the filters it showed last (`mirroredFilters`) with their pages; when
 * storage says other filters apply (changed in the options, or nothing remembered yet), their pages
 * are read after, and remembered for the next opening.
 */
export async function readFirst(now = Date.now()): Promise<FirstRead> {
  const remembered = mirroredFilters();
  const guess = remembered ?? DEFAULT_FILTERS;
  let stored = await readStored(FIRST_NAMES, guess, 1);
  const filters = openingFilters(stored);
  if (!remembered || filtersKey(filters) !== filtersKey(remembered)) rememberFirstRead(filters);
  if (filtersKey(filters) !== filtersKey(guess)) {
    stored = { ...stored, entries: (await readStored([], filters, 1)).entries };
  }
  return {
    filters,
    view: await listFor(stored, filters, 1, now),
    dailyBudget: settingsOf(stored).dailyBudget,
  };
}

/** The list storage holds for other filters or more pages (a filter change, Show more). */
export async function readList(
  filters: TrendFilters,
  pages: number,
  now = Date.now(),
): Promise<ListView | null> {
  const stored = await readStored(
    ['settings', 'sampleMode', 'keyState', 'history'],
    filters,
    pages,
  );
  return listFor(stored, filters, pages, now);
}
