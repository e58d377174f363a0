/** The header's filters: region, period, industry and "New to top 100". */
import { INDUSTRIES, ANY_INDUSTRY } from '../lib/industries';
import { ALL_REGIONS, MARKETS } from '../lib/markets';
import { PERIODS, type TrendFilters } from '../lib/trending/types';

export interface FiltersProps {
  value: TrendFilters;
  onChange: (patch: Partial<TrendFilters>) => void;
}

type Choice = [value: string, text: string];

const SELECTS: { key: 'region' | 'period' | 'industry'; label: string; choices: Choice[] }[] = [
  {
    key: 'region',
    label: 'Region',
    choices: [[ALL_REGIONS, 'All regions'], ...MARKETS.map((m): Choice => [m.code, m.name])],
  },
  { key: 'period', label: 'Period', choices: PERIODS.map((p): Choice => [String(p), `${p} days`]) },
  {
    key: 'industry',
    label: 'Industry',
    choices: [[ANY_INDUSTRY, 'All industries'], ...INDUSTRIES.map((i): Choice => [i.id, i.name])],
  },
];

export function Filters({ value, onChange }: FiltersProps) {
  return (
    <div class="filters" role="group" aria-label="Filters">
      {SELECTS.map(({ key, label, choices }) => (
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
      <label class="check" title="New to top 100: only hashtags new in the top 100">
        <input
          type="checkbox"
          aria-label="New to top 100"
          checked={value.newToTop100}
          onChange={(e) => onChange({ newToTop100: e.currentTarget.checked })}
        />
        New
      </label>
    </div>
  );
}
