/**
 * The trending data as every context sees it, after validation and normalisation in the background.
 * Pure types and tiny helpers: safe to import from any context, including the content script.
 */
import { ALL_REGIONS, isRegion, type Region } from '../markets';
import { ANY_INDUSTRY, isIndustryFilter, type IndustryFilter } from '../industries';
import type { ToolbarOpens } from '../settings';

export const PERIODS = [7, 30, 120] as const;
export type Period = (typeof PERIODS)[number];

export function isPeriod(value: unknown): value is Period {
  return PERIODS.includes(value as Period);
}

/** The API returns at most 20 items a page and ranks the top 100. */
export const PAGE_SIZE = 20;
export const MAX_RANK = 100;
export const MAX_PAGES = MAX_RANK / PAGE_SIZE;
/** Every request to the trending endpoint costs this many keyapi credits. */
export const CREDITS_PER_REQUEST = 2;

/** One full filter set: what a cache entry is keyed by (together with the page). */
export interface TrendFilters {
  region: Region;
  period: Period;
  industry: IndustryFilter;
  newToTop100: boolean;
}

export const DEFAULT_FILTERS: TrendFilters = {
  region: ALL_REGIONS,
  period: 7,
  industry: ANY_INDUSTRY,
  newToTop100: false,
};

/** Keeps what is valid in `value`, takes the rest from `fallback`. */
export function normalizeFilters(
  value: unknown,
  fallback: TrendFilters = DEFAULT_FILTERS,
): TrendFilters {
  const v = (value ?? {}) as Partial<Record<keyof TrendFilters, unknown>>;
  return {
    region: isRegion(v.region) ? v.region : fallback.region,
    period: isPeriod(v.period) ? v.period : fallback.period,
    industry: isIndustryFilter(v.industry) ? v.industry : fallback.industry,
    newToTop100: typeof v.newToTop100 === 'boolean' ? v.newToTop100 : fallback.newToTop100,
  };
}

/** Stable string for a filter set, used in cache keys and history keys. */
export function filtersKey(f: TrendFilters): string {
  return `${f.region}|${f.period}|${f.industry}|${f.newToTop100 ? 'new' : 'all'}`;
}

/** `rank_diff_type`: 1 up, 2 unchanged, 3 down, 4 new; anything else is shown as no movement. */
export const MOVEMENTS = ['up', 'same', 'down', 'new', 'none'] as const;
export type Movement = (typeof MOVEMENTS)[number];

/** A point of a hashtag's trend: `time` in Unix seconds, `value` relative to its own peak (peak = 1). */
export interface TrendPoint {
  time: number;
  value: number;
}

export interface Creator {
  name: string;
  avatarUrl: string | null;
}

export interface Hashtag {
  id: string;
  /** Without the leading `#`, as the API spells it. */
  name: string;
  rank: number;
  movement: Movement;
  /** Places moved, when the API says (positive = up). */
  rankDiff: number | null;
  country: { code: string; name: string } | null;
  industry: { id: string; name: string } | null;
  promoted: boolean;
  trend: TrendPoint[];
  creators: Creator[];
  posts: number;
  views: number;
}

/** The kinds of failure the UI can speak about. */
export const TREND_ERROR_KINDS = [
  'no-key',
  'invalid-key',
  'out-of-credits',
  'forbidden',
  'rate-limited',
  'bad-request',
  'server',
  'offline',
  'timeout',
  'bad-response',
  'budget-reached',
  'storage-full',
] as const;
export type TrendErrorKind = (typeof TREND_ERROR_KINDS)[number];

export interface TrendError {
  kind: TrendErrorKind;
  /** The API's own message where it sent one, otherwise ours. Never carries the key or headers. */
  message: string;
  /** `message` is the API's own words (shown beside ours). */
  byApi?: boolean;
  status?: number;
  /** When a retry makes sense again (ms since epoch), for rate limits, back-off and budgets. */
  retryAt?: number;
}

/** Credits spent, per local day. */
export interface CreditStatus {
  /** Local day, `YYYY-MM-DD`. */
  day: string;
  requestsToday: number;
  creditsToday: number;
  dailyBudget: number;
  /** Next local midnight, ms since epoch. */
  resetsAt: number;
  last7Days: { day: string; credits: number; requests: number }[];
}

/**
 * One filter set's list as the cache holds it: the pages loaded so far, and their state. The popup
 * paints it from storage itself (entrypoints/popup/first-read.ts) before the background answers.
 */
export interface ListView {
  filters: TrendFilters;
  source: 'live' | 'sample';
  items: Hashtag[];
  pagesLoaded: number;
  total: number;
  hasMore: boolean;
  /** The next page is cached and fresh: "Show more" shows it without a request. */
  nextPageCached: boolean;
  /** When the oldest shown page was fetched (ms since epoch); null when nothing is cached. */
  fetchedAt: number | null;
  stale: boolean;
  /** A refresh is under way in the background; a `trending` storage change announces its end. */
  refreshing: boolean;
  error: TrendError | null;
  /** Rank yesterday from the local history, by lower-cased name, where the history has it. */
  rankYesterday: Record<string, number>;
}

/** What the popup gets from the background for one filter set: the list, and the day's credits. */
export interface TrendView extends ListView {
  credits: CreditStatus;
  /** Browser storage was full, so other cached lists were cleared to save this one (said once). */
  storageCleared?: boolean;
}

/** The slice of a hashtag a tiktok.com page may know: no key, no raw errors. */
export interface HighlightTag {
  name: string;
  rank: number;
  movement: Movement;
  rankDiff: number | null;
  trend: number[];
  posts: number;
  views: number;
}

export interface HighlightSet {
  enabled: boolean;
  style: HighlightStyle;
  source: 'live' | 'sample';
  fetchedAt: number | null;
  tags: HighlightTag[];
  /**
   * For the caption assistant on upload pages (issue 17): whether it is on, and the popup's selection
   * (names in the order picked). Absent from sets made before it existed: read as off.
   */
  caption?: { enabled: boolean; selection: string[] };
  /** The tags of `tags` the user watches, in `normalizeTagName` form (the hover card's toggle). */
  watched: string[];
  /**
   * Where "Open in Hashtag Radar" shows the list: what the toolbar button opens. The hover card
   * passes it back with its click, since the panel must be opened before the background can read
   * the setting. Absent from sets made before it existed: the popup.
   */
  opens?: ToolbarOpens;
}

export type HighlightStyle = 'underline' | 'marker' | 'badge';

/**
 * Whether a `storage.onChanged` batch may change the highlight set: cached pages, sample mode, the
 * settings or the watchlist. Content scripts ask for the set again when it does.
 */
export function affectsHighlightSet(changes: Record<string, unknown>, area: string): boolean {
  return Object.keys(changes).some(
    (key) =>
      (area === 'local' && (key.startsWith('trending:') || key === 'sampleMode')) ||
      (area === 'sync' && (key === 'settings' || key === 'watchlist')),
  );
}
