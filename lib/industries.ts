/** First-level industries of TikTok Creative Center: the API's `industry_id` values and their names. */
import { t } from './i18n';

export const INDUSTRIES = [
  { id: '10000000000', name: 'Education' },
  { id: '11000000000', name: 'Vehicle & Transportation' },
  { id: '12000000000', name: 'Baby, Kids & Maternity' },
  { id: '14000000000', name: 'Beauty & Personal Care' },
  { id: '15000000000', name: 'Tech & Electronics' },
  { id: '17000000000', name: 'Travel' },
  { id: '18000000000', name: 'Household Products' },
  { id: '19000000000', name: 'Pets' },
  { id: '21000000000', name: 'Home Improvement' },
  { id: '22000000000', name: 'Apparel & Accessories' },
  { id: '23000000000', name: 'News & Entertainment' },
  { id: '25000000000', name: 'Games' },
  { id: '27000000000', name: 'Food & Beverage' },
  { id: '28000000000', name: 'Sports & Outdoor' },
  { id: '29000000000', name: 'Health' },
] as const;

/** The API's "no industry filter" value. */
export const ANY_INDUSTRY = 'nothing';

export type IndustryId = (typeof INDUSTRIES)[number]['id'];
export type IndustryFilter = IndustryId | typeof ANY_INDUSTRY;

// A lookup, not a Set built at import (see isRegion in markets.ts).
export function isIndustryFilter(value: unknown): value is IndustryFilter {
  return value === ANY_INDUSTRY || INDUSTRIES.some((i) => i.id === value);
}

export function industryName(id: IndustryFilter): string {
  if (id === ANY_INDUSTRY) return t('allIndustries');
  return INDUSTRIES.find((i) => i.id === id)?.name ?? id;
}
