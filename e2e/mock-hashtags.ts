/**
 * The mock API's data: 100 deterministic trending hashtags per filter set, shaped exactly like the
 * items of `GET /v1/tiktok/trending/hashtags` in shared/api/trending-hashtags.openapi.yaml.
 *
 * Every filter set ranks the same 30 everyday tags (fyp, foryou, viral …) somewhere in its top 100, so a
 * fixture page that uses them is highlighted whatever the region; their ranks and the rest of the list
 * differ by region, industry, period and the new-to-top-100 flag, so tests can tell the sets apart.
 */
import { MARKETS } from '../lib/markets';
import { INDUSTRIES } from '../lib/industries';
import {
  DEFAULT_FILTERS,
  MAX_RANK,
  filtersKey,
  normalizeFilters,
  type TrendFilters,
} from '../lib/trending/types';

/** One item of `data.list`, as the API sends it. */
export interface ApiItem {
  hashtag_id: string;
  hashtag_name: string;
  country_info: { id: string; value: string; label: string };
  industry_info: { id: number; value: string; label: string };
  is_promoted: boolean;
  trend: { time: number; value: number }[];
  creators: { nick_name: string; avatar_url: string }[];
  publish_cnt: number;
  video_views: number;
  rank: number;
  /** 1 up, 2 unchanged, 3 down, 4 new. */
  rank_diff_type: 1 | 2 | 3 | 4;
}

/** In every filter set's top 100. */
export const EVERYDAY_TAGS = [
  'fyp',
  'foryou',
  'foryoupage',
  'viral',
  'trending',
  'tiktok',
  'duet',
  'comedy',
  'funny',
  'love',
  'dance',
  'music',
  'food',
  'travel',
  'fashion',
  'beauty',
  'fitness',
  'pets',
  'cat',
  'dog',
  'art',
  'diy',
  'gaming',
  'football',
  'makeup',
  'recipe',
  'summer',
  'asmr',
  'booktok',
  'fitcheck',
] as const;

/** Tags that fill the rest of a list: Latin, accented and non-Latin, as TikTok's lists have them. */
const MORE_TAGS = [
  'おすすめ',
  'café',
  'اكسبلور',
  'learnontiktok',
  'lifehack',
  'storytime',
  'grwm',
  'ootd',
  'skincare',
  'motivation',
  'música',
  'anime',
  'cosplay',
  'photography',
  'nature',
  'wedding',
  'baby',
  'family',
  'couple',
  'prank',
  'challenge',
  'tutorial',
  'cooking',
  'baking',
  'vegan',
  'coffee',
  'gym',
  'running',
  'yoga',
  'basketball',
  'nba',
  'f1',
  'cars',
  'tech',
  'iphone',
  'ai',
  'coding',
  'science',
  'history',
  'books',
  'movies',
  'netflix',
  'kpop',
  '먹방',
  'keşfet',
  'pâtisserie',
  'fútbol',
  'niño',
  'crème',
  'jalapeño',
  'noël',
  'été',
  'açaí',
  'ラーメン',
  '日本',
  '桜',
  'アニメ',
  '美食',
  'رمضان',
  'مصر',
  'อาหาร',
  'việtnam',
  'fypシ',
  'studytok',
  'teacher',
  'carsoftiktok',
  'momlife',
  'toddler',
  'traveltok',
  'wanderlust',
  'cleantok',
  'organization',
  'dogsoftiktok',
  'catsoftiktok',
  'homedecor',
  'renovation',
  'outfit',
  'news',
  'minecraft',
  'fortnite',
  'foodtok',
  'mentalhealth',
  'wellness',
  'health',
  'gardening',
  'plants',
  'sunset',
  'beach',
  'hiking',
  'camping',
  'vlog',
  'dayinmylife',
  'relatable',
  'memes',
  'satisfying',
  'unboxing',
  'smallbusiness',
  'entrepreneur',
  'finance',
  'moneytips',
  'reels',
  'newmusic',
  'cover',
  'guitar',
  'piano',
  'singing',
  'karaoke',
  'halloween',
  'christmas',
  'newyear',
  'valentines',
  'backtoschool',
  'graduation',
  'birthday',
  'nails',
  'hair',
  'hairstyle',
  'tattoo',
  'sneakers',
  'vintage',
  'thrift',
  'sustainability',
  'climate',
  'space',
  'astrology',
  'tarot',
] as const;

/** Tags a region's own list brings near the top. */
const REGION_TAGS: Partial<Record<string, string[]>> = {
  US: ['usa', 'nyc', 'superbowl'],
  GB: ['uk', 'london', 'premierleague'],
  CA: ['canada', 'toronto'],
  AU: ['aussie', 'australia'],
  FR: ['pourtoi', 'café', 'pâtisserie', 'paris'],
  DE: ['fürdich', 'deutschland', 'fußball'],
  IT: ['perte', 'italia', 'pizza'],
  ES: ['parati', 'españa', 'fútbol'],
  MX: ['parati', 'méxico', 'jalapeño'],
  AR: ['parati', 'argentina', 'mate'],
  CO: ['parati', 'colombia'],
  BR: ['paravocê', 'brasil', 'futebol'],
  JP: ['おすすめ', '日本', 'ラーメン', '猫'],
  KR: ['먹방', '브이로그', '일상'],
  TW: ['台灣', '美食'],
  TH: ['fypシ', 'อาหาร', 'ไทย'],
  VN: ['xuhuong', 'việtnam'],
  ID: ['fypシ', 'indonesia', 'masukberanda'],
  MY: ['malaysia', 'fypシ'],
  PH: ['pinoy', 'philippines'],
  SG: ['singapore', 'sgfood'],
  SA: ['اكسبلور', 'رمضان', 'السعودية'],
  AE: ['اكسبلور', 'دبي', 'الامارات'],
  EG: ['اكسبلور', 'مصر', 'رمضان'],
  TR: ['keşfet', 'türkiye'],
  IL: ['ישראל', 'telaviv'],
  ZA: ['mzansi', 'southafrica'],
};

/** Tags an industry's own list brings near the top. */
const INDUSTRY_TAGS: Record<string, string[]> = {
  '10000000000': ['learnontiktok', 'studytok', 'teacher'],
  '11000000000': ['cars', 'carsoftiktok', 'jdm'],
  '12000000000': ['baby', 'momlife', 'toddler'],
  '14000000000': ['skincare', 'makeup', 'grwm'],
  '15000000000': ['tech', 'iphone', 'ai'],
  '17000000000': ['travel', 'traveltok', 'wanderlust'],
  '18000000000': ['cleantok', 'clean', 'organization'],
  '19000000000': ['pets', 'dogsoftiktok', 'catsoftiktok'],
  '21000000000': ['diy', 'homedecor', 'renovation'],
  '22000000000': ['ootd', 'fashion', 'outfit'],
  '23000000000': ['news', 'movies', 'netflix'],
  '25000000000': ['gaming', 'minecraft', 'fortnite'],
  '27000000000': ['food', 'recipe', 'foodtok'],
  '28000000000': ['football', 'gym', 'nba'],
  '29000000000': ['health', 'mentalhealth', 'wellness'],
};

/**
 * The default set (all regions, 7 days, any industry, all tags) in a fixed, readable order: the
 * everyday tags first, with a Japanese, an accented and an Arabic name on the first page.
 */
const DEFAULT_ORDER = dedupe([
  ...EVERYDAY_TAGS.slice(0, 7),
  'おすすめ',
  ...EVERYDAY_TAGS.slice(7, 11),
  'café',
  ...EVERYDAY_TAGS.slice(11, 14),
  'اكسبلور',
  ...EVERYDAY_TAGS.slice(14),
  ...MORE_TAGS,
]).slice(0, MAX_RANK);

const DAY_SECONDS = 86_400;

/** FNV-1a: a stable 32-bit hash of a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a small seeded PRNG, so a filter set always yields the same list. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function dedupe(names: readonly string[]): string[] {
  return [...new Set(names)];
}

function shuffle<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The ranked names of a filter set. */
function rankedNames(f: TrendFilters): string[] {
  if (filtersKey(f) === filtersKey(DEFAULT_FILTERS)) return DEFAULT_ORDER;
  const rand = random(hash(filtersKey(f)));
  const lead = dedupe([
    ...(f.region === 'all_regions' ? [] : (REGION_TAGS[f.region] ?? [])),
    ...(f.industry === 'nothing' ? [] : (INDUSTRY_TAGS[f.industry] ?? [])),
  ]);
  // Newcomers come from the long tail; the usual lists draw on it in a set-specific order.
  const tail = f.newToTop100 ? [...MORE_TAGS].reverse() : shuffle(MORE_TAGS, rand);
  const rest = dedupe([...EVERYDAY_TAGS, ...tail]).filter((n) => !lead.includes(n));
  const body = shuffle(rest.slice(0, MAX_RANK - lead.length), rand);
  // Region and industry tags lead, each within the top 10 at a set-specific place.
  const names = [...body];
  lead.forEach((name, i) =>
    names.splice(Math.min(i * 2 + Math.floor(rand() * 2), names.length), 0, name),
  );
  return names.slice(0, MAX_RANK);
}

function trendShape(points: number, rand: () => number): number[] {
  const shape = Math.floor(rand() * 4);
  const raw = Array.from({ length: points }, (_, i) => {
    const x = points === 1 ? 1 : i / (points - 1);
    const noise = 0.9 + rand() * 0.2;
    if (shape === 0) return (0.3 + 0.7 * x) * noise; // rising
    if (shape === 1) return (1 - 0.6 * x) * noise; // fading
    if (shape === 2) return (1 - Math.abs(x - 0.5) * 1.2) * noise; // peaked
    return 0.8 * noise; // steady
  });
  const peak = Math.max(...raw);
  // Values are relative to the hashtag's own peak, two decimals, and the peak is exactly 1.
  return raw.map((v) => (v === peak ? 1 : Math.round((v / peak) * 100) / 100));
}

const NICKS = [
  'becky mae',
  'Galicia Gordon',
  'micaelarosa_',
  'Léa Martin',
  'さくら',
  'محمد',
  'jonas.k',
  'the_daily_cook',
  'Ana Sofía',
  'kimchi.mom',
  'dj_noor',
  'Lukas',
];

function avatarUrl(rand: () => number): string {
  const id = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `https://p16-sign-sg.tiktokcdn.com/tos-alisg-avt-0068/${id}~tplv-tiktokx-cropcenter:100:100.png?dr=14579&x-expires=1770282000&idc=my`;
}

/** UTC midnight of the day before `now`, in Unix seconds: the last point of every trend. */
function lastTrendDay(now: number): number {
  const today = Math.floor(now / 1000 / DAY_SECONDS) * DAY_SECONDS;
  return today - DAY_SECONDS;
}

/**
 * The 100 items of a filter set, rank 1 first. The same inputs (and the same UTC day) give the same
 * items; trend times end on the previous UTC midnight like the real API's daily points.
 */
export function apiHashtags(filters: Partial<TrendFilters> = {}, now = Date.now()): ApiItem[] {
  const f = normalizeFilters({ ...DEFAULT_FILTERS, ...filters });
  const rand = random(hash(`items|${filtersKey(f)}`));
  const lastDay = lastTrendDay(now);
  const scale = f.period === 7 ? 1 : f.period === 30 ? 4 : 14;
  return rankedNames(f).map((name, i): ApiItem => {
    const rank = i + 1;
    const market =
      f.region === 'all_regions'
        ? MARKETS[hash(`country|${name}`) % MARKETS.length]!
        : MARKETS.find((m) => m.code === f.region)!;
    const industry =
      f.industry === 'nothing'
        ? INDUSTRIES[hash(`industry|${name}`) % INDUSTRIES.length]!
        : INDUSTRIES.find((x) => x.id === f.industry)!;
    const views = Math.round((150_000_000 * scale * (0.6 + rand() * 0.4)) / rank ** 0.8);
    const creatorCount = rank % 13 === 0 ? 1 : 3;
    return {
      hashtag_id: String(1000 + (hash(`id|${name}`) % 9_000_000_000)),
      hashtag_name: name,
      country_info: { id: market.code, value: market.name, label: market.code },
      industry_info: {
        id: Number(industry.id),
        value: industry.name,
        label: `label_${industry.id}`,
      },
      is_promoted: rand() < 0.05,
      trend: trendShape(f.period, rand).map((value, d) => ({
        time: lastDay - (f.period - 1 - d) * DAY_SECONDS,
        value,
      })),
      creators: Array.from({ length: creatorCount }, () => ({
        nick_name: NICKS[Math.floor(rand() * NICKS.length)]!,
        avatar_url: avatarUrl(rand),
      })),
      publish_cnt: Math.max(1, Math.round(views / (2500 + rand() * 1500))),
      video_views: views,
      rank,
      rank_diff_type: f.newToTop100 ? 4 : ((1 + Math.floor(rand() * 4)) as 1 | 2 | 3 | 4),
    };
  });
}
