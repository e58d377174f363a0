/** Turns validated API items into the `Hashtag` every context uses. */
import type { Creator, Hashtag, Movement, TrendPoint } from '../trending/types';
import type { ApiItem } from './schema';

const MOVEMENTS: Record<number, Movement> = { 1: 'up', 2: 'same', 3: 'down', 4: 'new' };
const MAX_CREATORS = 10;
/**
 * Caps that keep one cached page small whatever the API sends (storage.local holds ~10 MB for all
 * of it): a real avatar address is ~400 characters, a 120-day trend 120 points.
 */
export const MAX_AVATAR_URL_LENGTH = 2048;
export const MAX_TREND_POINTS = 150;
/** TikTok's image servers (PRIVACY.md): avatars from anywhere else are not loaded. */
const IMAGE_HOSTS = /(?:^|\.)(?:tiktokcdn|tiktokcdn-us|tiktokcdn-eu)\.com$/;

export function movementOf(rankDiffType: unknown): Movement {
  return (typeof rankDiffType === 'number' && MOVEMENTS[rankDiffType]) || 'none';
}

/**
 * Sorted by time, the latest `MAX_TREND_POINTS`; each value relative to the hashtag's own peak, so
 * the peak is 1.
 */
export function relativeTrend(points: readonly { time: number; value: number }[]): TrendPoint[] {
  const sorted = [...points].sort((a, b) => a.time - b.time).slice(-MAX_TREND_POINTS);
  const peak = Math.max(0, ...sorted.map((p) => p.value));
  return sorted.map((p) => ({
    time: p.time,
    value: peak > 0 ? Math.max(0, p.value) / peak : 0,
  }));
}

/** Only https images from TikTok's image servers, of a sane length: the popup puts this in an <img>. */
export function safeImageUrl(url: string | null): string | null {
  if (!url || url.length > MAX_AVATAR_URL_LENGTH) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && IMAGE_HOSTS.test(parsed.hostname) ? url : null;
  } catch {
    return null;
  }
}

function creatorsOf(raw: ApiItem['creators']): Creator[] {
  return (raw ?? [])
    .filter((c) => c.nick_name)
    .slice(0, MAX_CREATORS)
    .map((c) => ({ name: c.nick_name!, avatarUrl: safeImageUrl(c.avatar_url) }));
}

export function toHashtag(item: ApiItem): Hashtag {
  const rankDiff =
    typeof item.rank_diff === 'number' && Number.isFinite(item.rank_diff) ? item.rank_diff : null;
  return {
    id: item.hashtag_id,
    name: item.hashtag_name,
    rank: item.rank,
    movement: movementOf(item.rank_diff_type),
    rankDiff,
    country: item.country_info
      ? { code: item.country_info.id, name: item.country_info.value }
      : null,
    industry: item.industry_info
      ? { id: item.industry_info.id, name: item.industry_info.value }
      : null,
    promoted: item.is_promoted,
    trend: relativeTrend(item.trend),
    creators: creatorsOf(item.creators),
    posts: item.publish_cnt,
    views: item.video_views,
  };
}
