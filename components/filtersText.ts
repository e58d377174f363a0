/** A filter set in a few words, e.g. "United States · 7 days · Beauty": what a list is "for". Pure. */
import { t } from '../lib/i18n';
import { ANY_INDUSTRY, industryName } from '../lib/industries';
import { regionName } from '../lib/markets';
import type { TrendFilters } from '../lib/trending/types';

export function filtersText(f: TrendFilters): string {
  return [
    regionName(f.region),
    t('days', f.period),
    f.industry === ANY_INDUSTRY ? null : industryName(f.industry),
    f.newToTop100 ? t('newToTop100') : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
