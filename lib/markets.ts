import { t } from './i18n';

/** TikTok Creative Center's hashtag markets: the API's `region` codes and the names people read. */
export const MARKETS = [
  { code: 'US', name: 'United States' },
  { code: 'FR', name: 'France' },
  { code: 'DE', name: 'Germany' },
  { code: 'IT', name: 'Italy' },
  { code: 'ES', name: 'Spain' },
  { code: 'GB', name: 'United Kingdom' },
  { code: 'AR', name: 'Argentina' },
  { code: 'AU', name: 'Australia' },
  { code: 'BR', name: 'Brazil' },
  { code: 'CA', name: 'Canada' },
  { code: 'CO', name: 'Colombia' },
  { code: 'EG', name: 'Egypt' },
  { code: 'ID', name: 'Indonesia' },
  { code: 'IL', name: 'Israel' },
  { code: 'JP', name: 'Japan' },
  { code: 'KR', name: 'South Korea' },
  { code: 'MY', name: 'Malaysia' },
  { code: 'MX', name: 'Mexico' },
  { code: 'PH', name: 'Philippines' },
  { code: 'SA', name: 'Saudi Arabia' },
  { code: 'SG', name: 'Singapore' },
  { code: 'ZA', name: 'South Africa' },
  { code: 'TW', name: 'Taiwan' },
  { code: 'TH', name: 'Thailand' },
  { code: 'TR', name: 'Türkiye' },
  { code: 'AE', name: 'United Arab Emirates' },
  { code: 'VN', name: 'Vietnam' },
] as const;

export const ALL_REGIONS = 'all_regions';

export type MarketCode = (typeof MARKETS)[number]['code'];
export type Region = MarketCode | typeof ALL_REGIONS;

// A lookup, not a Set built at import: importing this module has no side effect to keep, so a
// bundle that does not call it (the caption assistant's content script) leaves the list out.
export function isRegion(value: unknown): value is Region {
  return value === ALL_REGIONS || MARKETS.some((m) => m.code === value);
}

export function regionName(region: Region): string {
  if (region === ALL_REGIONS) return t('allRegions');
  return MARKETS.find((m) => m.code === region)?.name ?? region;
}
