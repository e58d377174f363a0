/** Builds the trending-hashtags request: every documented parameter, spelled as the API expects. */
import { PAGE_SIZE, MAX_PAGES, type TrendFilters } from '../trending/types';

export const API_ORIGIN = 'https://api.keyapi.ai';
export const TRENDING_PATH = '/v1/tiktok/trending/hashtags';

export interface PageRequest {
  filters: TrendFilters;
  /** 1-based page of the top 100. */
  page: number;
  /** Items per page, 1–20 (the API treats more as 20). */
  limit?: number;
}

function clampInt(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.trunc(Number.isFinite(value) ? value : min)));
}

/** The query string, in the documented order: page, limit, period, region, industry_id, new_to_top_100. */
export function trendingQuery({ filters, page, limit = PAGE_SIZE }: PageRequest): URLSearchParams {
  return new URLSearchParams({
    page: String(clampInt(page, 1, MAX_PAGES)),
    limit: String(clampInt(limit, 1, PAGE_SIZE)),
    period: String(filters.period),
    region: filters.region,
    industry_id: filters.industry,
    new_to_top_100: filters.newToTop100 ? 'true' : 'false',
  });
}

export function trendingUrl(request: PageRequest, origin: string = API_ORIGIN): string {
  return `${origin}${TRENDING_PATH}?${trendingQuery(request).toString()}`;
}

/** Headers of an authorised request. The key goes here and nowhere else. */
export function trendingHeaders(key: string): Record<string, string> {
  return { Authorization: `Bearer ${key}`, Accept: 'application/json' };
}
