/**
 * "Try with sample data": a bundled, clearly labelled snapshot of trending hashtags, so a new user
 * sees the popup and the tiktok.com highlighting work before entering a key. No request, no cost.
 *
 * The names come from the generated table in `./snapshot.ts`; this module ranks a top 100 from it for
 * each filter set and derives movement, trend, counts and creators deterministically (seeded by the
 * hashtag and the filters), so region, period, industry and "new to top 100" change the list the way
 * live data would. Import it from the background only: it is ~10 KB gzipped.
 */
import { INDUSTRIES, type IndustryId } from '../industries';
import { ALL_REGIONS, regionName, type MarketCode } from '../markets';
import {
  MAX_RANK,
  filtersKey,
  type Hashtag,
  type Movement,
  type Period,
  type TrendFilters,
  type TrendPoint,
} from '../trending/types';
import { SNAPSHOT } from './snapshot';

/** When the snapshot was taken (ms since epoch): its trends end on this day. */
export const SAMPLE_FETCHED_AT: number = SNAPSHOT.fetchedAt;

type Pool = 'evergreen' | 'seasonal' | 'industry' | 'regional';

interface Candidate {
  name: string;
  pool: Pool;
  /** Position in its pool (0 = most popular there). */
  position: number;
  industry: IndustryId | null;
}

/** FNV-1a: a stable 32-bit hash of a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mulberry32: a small seeded generator, uniform in [0, 1). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (list: string): string[] => list.split(' ');

const POOL_WEIGHT: Record<Pool, number> = {
  evergreen: 1,
  seasonal: 0.6,
  industry: 0.4,
  regional: 0.9,
};

/** How each period favours a pool: seasonal tags lead a week, evergreen ones lead four months. */
const PERIOD_WEIGHT: Record<Period, Record<Pool, number>> = {
  7: { evergreen: 0.85, seasonal: 1.7, industry: 1, regional: 1.1 },
  30: { evergreen: 1, seasonal: 1.15, industry: 1, regional: 1 },
  120: { evergreen: 1.3, seasonal: 0.45, industry: 1.05, regional: 0.9 },
};

/** Posts in the top spot over a period, all regions; a market gets its share of that. */
const TOP_POSTS: Record<Period, number> = { 7: 180_000, 30: 620_000, 120: 2_100_000 };
const MARKET_SHARE: Partial<Record<MarketCode, number>> = {
  US: 0.3,
  ID: 0.16,
  BR: 0.15,
  MX: 0.09,
  JP: 0.05,
  GB: 0.07,
  PH: 0.07,
  VN: 0.07,
  TR: 0.06,
  DE: 0.05,
  FR: 0.05,
  TH: 0.06,
  SA: 0.05,
  EG: 0.05,
};

function candidates(filters: TrendFilters): Candidate[] {
  const list: Candidate[] = [];
  const add = (names: string[], pool: Pool, industry: IndustryId | null = null) =>
    names.forEach((name, position) => list.push({ name, pool, position, industry }));

  if (filters.industry !== 'nothing') {
    add(words(SNAPSHOT.industries[filters.industry]), 'industry', filters.industry);
    return list;
  }
  add(words(SNAPSHOT.evergreen), 'evergreen');
  add(words(SNAPSHOT.seasonal), 'seasonal');
  for (const { id } of INDUSTRIES) add(words(SNAPSHOT.industries[id]).slice(0, 24), 'industry', id);
  if (filters.region === ALL_REGIONS) {
    for (const tags of Object.values(SNAPSHOT.regional)) add(words(tags).slice(0, 2), 'regional');
  } else {
    add(words(SNAPSHOT.regional[filters.region]), 'regional');
  }
  return list;
}

/** One candidate's popularity under the filters; the same inputs always give the same score. */
function score(c: Candidate, filters: TrendFilters): number {
  const key = filtersKey(filters);
  const noise = seeded(hash(`${c.name}|${key}`));
  let s = POOL_WEIGHT[c.pool] * PERIOD_WEIGHT[filters.period][c.pool];
  s *= 1 / Math.pow(1 + c.position, c.pool === 'industry' ? 0.55 : 0.75);
  // Markets differ in taste: a stable per-market factor, plus some per-period churn.
  const market = seeded(hash(`${c.name}|${filters.region}`))();
  s *= 0.55 + (filters.region === ALL_REGIONS ? 0.45 : 0.9 * market);
  s *= 0.75 + 0.5 * noise();
  if (c.pool === 'regional' && filters.region === ALL_REGIONS) s *= 0.35;
  if (filters.newToTop100) {
    // Newcomers: the established leaders are not new, the long tail rises.
    if (c.position < (c.pool === 'industry' ? 5 : 12) && c.pool !== 'seasonal') return 0;
    s = Math.pow(s, 0.35) * seeded(hash(`${c.name}|new|${key}`))();
  }
  return s;
}

function movementFor(rank: number, filters: TrendFilters, rnd: () => number) {
  if (filters.newToTop100) return { movement: 'new' as Movement, rankDiff: null };
  const r = rnd();
  if (r < 0.1 && rank > 5) return { movement: 'new' as Movement, rankDiff: null };
  if (r < 0.45) return { movement: 'up' as Movement, rankDiff: 1 + Math.floor(rnd() * 25) };
  if (r < 0.7) return { movement: 'same' as Movement, rankDiff: 0 };
  return { movement: 'down' as Movement, rankDiff: -(1 + Math.floor(Math.min(rank, 40) * rnd())) };
}

/** A daily series over the period, relative to its own peak (peak = 1), shaped by the movement. */
function trendFor(movement: Movement, period: Period, rnd: () => number): TrendPoint[] {
  const n = period;
  const lastDay = Math.floor(SAMPLE_FETCHED_AT / 86_400_000) * 86_400;
  const peakAt = n - 1 - Math.floor(rnd() * Math.max(1, n / 3));
  const width = Math.max(1.5, n * (0.15 + 0.35 * rnd()));
  const raw: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = i / Math.max(1, n - 1);
    const weekly = 1 + 0.08 * Math.sin((i / 7) * 2 * Math.PI + rnd());
    let v: number;
    switch (movement) {
      case 'new': // Hardly there, then a steep rise at the end.
        v = 0.02 + Math.pow(x, 4 + 4 * rnd());
        break;
      case 'up':
        v = 0.2 + Math.pow(x, 1.5 + rnd());
        break;
      case 'down': // A peak earlier in the period, fading since.
        v = 0.25 + Math.exp(-Math.pow((i - n * 0.3) / width, 2));
        break;
      default: // Steady, with a bump somewhere near the end.
        v = 0.7 + 0.3 * Math.exp(-Math.pow((i - peakAt) / width, 2));
    }
    raw.push(Math.max(0.01, v * weekly * (0.94 + 0.12 * rnd())));
  }
  const peak = Math.max(...raw);
  return raw.map((v, i) => ({
    time: lastDay - (n - 1 - i) * 86_400,
    value: v === peak ? 1 : Math.round((v / peak) * 100) / 100,
  }));
}

const CREATORS = SNAPSHOT.creators.split('|');

function creatorsFor(rank: number, rnd: () => number) {
  const count = rank <= 10 ? 3 : Math.floor(rnd() * 4);
  const picked = new Set<string>();
  while (picked.size < count) picked.add(CREATORS[Math.floor(rnd() * CREATORS.length)]!);
  return [...picked].map((name) => ({ name, avatarUrl: null }));
}

function countsFor(rank: number, filters: TrendFilters, rnd: () => number) {
  const share =
    filters.region === ALL_REGIONS ? 1 : (MARKET_SHARE[filters.region as MarketCode] ?? 0.03);
  const industryShare = filters.industry === 'nothing' ? 1 : 0.25;
  const posts = Math.round(
    TOP_POSTS[filters.period] * share * industryShare * Math.pow(rank, -0.55) * (0.7 + 0.6 * rnd()),
  );
  // Views a post: a few hundred to several thousand.
  const views = Math.round(posts * (400 + 5600 * Math.pow(rnd(), 2)));
  return { posts: Math.max(12, posts), views: Math.max(800, views) };
}

/**
 * The sample top 100 for a filter set: ranks 1..100, each with a period-long trend (peak = 1),
 * movement, counts, promoted flag, industry and creators (no avatars: the UI shows initials).
 */
export function sampleHashtags(filters: TrendFilters): Hashtag[] {
  const key = filtersKey(filters);
  const seen = new Set<string>();
  const ranked = candidates(filters)
    .map((c) => ({ c, s: score(c, filters) }))
    .filter(({ s }) => s > 0)
    .sort((a, b) => b.s - a.s || (a.c.name < b.c.name ? -1 : 1))
    // A name in two pools (e.g. a market's and an industry's) counts once, where it scores best.
    .filter(({ c }) => !seen.has(c.name.toLowerCase()) && !!seen.add(c.name.toLowerCase()))
    .slice(0, MAX_RANK);

  const country =
    filters.region === ALL_REGIONS
      ? null
      : { code: filters.region, name: regionName(filters.region) };
  return ranked.map(({ c }, i): Hashtag => {
    const rank = i + 1;
    const rnd = seeded(hash(`${c.name}|${key}|item`));
    const { movement, rankDiff } = movementFor(rank, filters, rnd);
    const industry = c.industry
      ? { id: c.industry, name: INDUSTRIES.find((x) => x.id === c.industry)!.name }
      : null;
    return {
      id: String(1_000_000 + hash(c.name.toLowerCase())),
      name: c.name,
      rank,
      movement,
      rankDiff,
      country,
      industry,
      promoted: rank > 3 && rnd() < 0.04,
      trend: trendFor(movement, filters.period, rnd),
      creators: creatorsFor(rank, rnd),
      ...countsFor(rank, filters, rnd),
    };
  });
}
