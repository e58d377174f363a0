/** No hashtags for these filters: say so and offer the nearest filters that usually have some. */
import './EmptyState.css';
import { ALL_REGIONS, regionName } from '../lib/markets';
import { ANY_INDUSTRY } from '../lib/industries';
import { t } from '../lib/i18n';
import { PERIODS, type TrendFilters } from '../lib/trending/types';

export interface Suggestion {
  label: string;
  patch: Partial<TrendFilters>;
}

/** Widening moves, most useful first: drop "new", a longer period, all industries, all regions. */
export function widerFilters(f: TrendFilters): Suggestion[] {
  const out: Suggestion[] = [];
  if (f.newToTop100) out.push({ label: t('showAllNotOnlyNew'), patch: { newToTop100: false } });
  const longer = PERIODS.find((p) => p > f.period);
  if (longer) out.push({ label: t('tryDays', longer), patch: { period: longer } });
  if (f.industry !== ANY_INDUSTRY)
    out.push({ label: t('allIndustries'), patch: { industry: ANY_INDUSTRY } });
  if (f.region !== ALL_REGIONS)
    out.push({ label: regionName(ALL_REGIONS), patch: { region: ALL_REGIONS } });
  // Nothing narrower to undo (all regions, 120 days): another period still may have some.
  if (!out.length) {
    const other = PERIODS.find((p) => p !== f.period)!;
    out.push({ label: t('tryDays', other), patch: { period: other } });
  }
  return out.slice(0, 2);
}

export function EmptyState({
  filters,
  onChange,
}: {
  filters: TrendFilters;
  onChange: (patch: Partial<TrendFilters>) => void;
}) {
  const options = widerFilters(filters);
  return (
    <div class="empty">
      <p>{t('emptyList')}</p>
      {options.length > 0 && (
        <p class="empty-actions">
          {options.map((s) => (
            <button key={s.label} type="button" class="button" onClick={() => onChange(s.patch)}>
              {s.label}
            </button>
          ))}
        </p>
      )}
    </div>
  );
}
