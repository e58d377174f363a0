/** Test-only builders of API items and bodies, shaped like the OpenAPI example. */
import type { TrendFilters } from '../trending/types';

export interface ApiItemOverrides {
  [field: string]: unknown;
}

export function apiItem(rank: number, overrides: ApiItemOverrides = {}): Record<string, unknown> {
  return {
    hashtag_id: String(7000 + rank),
    hashtag_name: `tag${rank}`,
    country_info: { id: 'US', value: 'United States', label: 'US' },
    industry_info: {
      id: 11000000000,
      value: 'Vehicle & Transportation',
      label: 'label_11000000000',
    },
    is_promoted: false,
    trend: [
      { time: 1769472000, value: 0.2 },
      { time: 1769558400, value: 0.4 },
      { time: 1769644800, value: 0.5 },
    ],
    creators: [{ nick_name: 'becky mae', avatar_url: 'https://p16-sign-sg.tiktokcdn.com/a.png' }],
    publish_cnt: 48892 - rank,
    video_views: 151854088 - rank,
    rank,
    rank_diff_type: 1,
    ...overrides,
  };
}

export function okBody(items: unknown[], page = 1, total = 100): Record<string, unknown> {
  return {
    code: 0,
    message: 'success',
    data: {
      list: items,
      pagination: { page, size: items.length, total, has_more: page * 20 < total },
    },
    requestId: 'c2aaf374-bc6f-4cd6-9e82-9b0c38269f43',
  };
}

/** 20 items of page `page`, names depending on the filter set so tests can tell sets apart. */
export function pageItems(
  page: number,
  filters?: TrendFilters,
  tag = '',
): Record<string, unknown>[] {
  const prefix = filters ? `${filters.region}${filters.period}${tag}`.toLowerCase() : `tag${tag}`;
  return Array.from({ length: 20 }, (_, i) => {
    const rank = (page - 1) * 20 + i + 1;
    return apiItem(rank, { hashtag_name: `${prefix}r${rank}`, hashtag_id: `${prefix}-${rank}` });
  });
}
