/** The header's filters: region, period, industry and "New to top 100". */
import { t } from '../lib/i18n';
import { INDUSTRIES, ANY_INDUSTRY } from '../lib/industries';
import { ALL_REGIONS, MARKETS } from '../lib/markets';
import { PERIODS, type TrendFilters } from '../lib/trending/types';

export interface FiltersProps {
  value: TrendFilters;
  onChange: (patch: Partial<TrendFilters>) => void;
}

type Choice = [value: string, text: string];

const selects = (): {
  key: 'region' | 'period' | 'industry';
  label: string;
  choices: Choice[];
}[] => [
  {
    key: 'region',
    label: t('region'),
    choices: [[ALL_REGIONS, t('allRegions')], ...MARKETS.map((m): Choice => [m.code, m.name])],
  },
  {
    key: 'period',
    label: t('period'),
    choices: PERIODS.map((p): Choice => [String(p), t('days', p)]),
  },
  {
    key: 'industry',
    label: t('industry'),
    choices: [[ANY_INDUSTRY, t('allIndustries')], ...INDUSTRIES.map((i): Choice => [i.id, i.name])],
  },
];

export function Filters({ value, onChange }: FiltersProps) {
  return (
    <div class="filters" role="group" aria-label={t('filters')}>
      {selects().map(({ key, label, choices }) => (
        <select
          key={key}
          aria-label={label}
          value={String(value[key])}
          onChange={(e) => {
            const picked = e.currentTarget.value;
            // normalizeFilters (in the radar) checks the value; the period is a number.
            onChange({ [key]: key === 'period' ? Number(picked) : picked });
          }}
        >
          {choices.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      ))}
      <label class="check" title={t('newToTop100Title')}>
        <input
          type="checkbox"
          aria-label={t('newToTop100')}
          checked={value.newToTop100}
          onChange={(e) => onChange({ newToTop100: e.currentTarget.checked })}
        />
        {t('newShort')}
      </label>
    </div>
  );
}
