/** The header's filters: region, period, industry and "New to top 100". */
import { INDUSTRIES, ANY_INDUSTRY } from '../lib/industries';
import { ALL_REGIONS, MARKETS } from '../lib/markets';
import { PERIODS, type TrendFilters } from '../lib/trending/types';

export interface FiltersProps {
  value: TrendFilters;
  onChange: (patch: Partial<TrendFilters>) => void;
}

export function Filters({ value, onChange }: FiltersProps) {
  const pick = (e: Event) => (e.currentTarget as HTMLSelectElement).value;
  return (
    <div class="filters" role="group" aria-label="Filters">
      <label class="field">
        <select
          aria-label="Region"
          title="Region"
          value={value.region}
          onChange={(e) => onChange({ region: pick(e) as TrendFilters['region'] })}
        >
          <option value={ALL_REGIONS}>All regions</option>
          {MARKETS.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <select
          aria-label="Period"
          title="Period"
          value={String(value.period)}
          onChange={(e) => onChange({ period: Number(pick(e)) as TrendFilters['period'] })}
        >
          {PERIODS.map((p) => (
            <option key={p} value={String(p)}>
              {p} days
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <select
          aria-label="Industry"
          title="Industry"
          value={value.industry}
          onChange={(e) => onChange({ industry: pick(e) as TrendFilters['industry'] })}
        >
          <option value={ANY_INDUSTRY}>All industries</option>
          {INDUSTRIES.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </select>
      </label>
      <label class="check" title="New to top 100: only hashtags new in the top 100">
        <input
          type="checkbox"
          aria-label="New to top 100"
          checked={value.newToTop100}
          onChange={(e) => onChange({ newToTop100: (e.currentTarget as HTMLInputElement).checked })}
        />
        New
      </label>
    </div>
  );
}
