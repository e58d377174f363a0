import { formatNumber } from '@/lib/format';
import * as s from './state';

const dayLabel = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
});

/** `YYYY-MM-DD` (a local day) for people: "Wed, Nov 26". */
function formatLocalDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return dayLabel.format(new Date(y, m - 1, d));
}

/** Credits spent today and over the last 7 days, and clearing the cache. */
export function Credits() {
  const credits = s.status.value?.credits;
  const week = credits?.last7Days ?? [];
  const weekTotal = week.reduce((sum, d) => sum + d.credits, 0);
  return (
    <>
      <section aria-labelledby="credits-heading">
        <h2 id="credits-heading">Credits used</h2>
        {credits ? (
          <>
            <p class="credits-today">
              Today: <strong>{formatNumber(credits.creditsToday)}</strong> of{' '}
              {formatNumber(credits.dailyBudget)} credits ({formatNumber(credits.requestsToday)}{' '}
              {credits.requestsToday === 1 ? 'request' : 'requests'}). The count resets at local
              midnight.
            </p>
            <table class="credits-table">
              <caption>Last 7 days: {formatNumber(weekTotal)} credits</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Credits</th>
                  <th scope="col">Requests</th>
                </tr>
              </thead>
              <tbody>
                {week.map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{formatLocalDay(d.day)}</th>
                    <td>{formatNumber(d.credits)}</td>
                    <td>{formatNumber(d.requests)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p class="help">{s.statusError.value ? 'Not available right now.' : 'Loading…'}</p>
        )}
      </section>
      <section aria-labelledby="cache-heading">
        <h2 id="cache-heading">Cached data</h2>
        <div class="actions-row">
          <button type="button" class="secondary" onClick={() => void s.clearCache()}>
            Clear cached data
          </button>
          <span class="help">
            Forgets the trending lists fetched so far (not your key or settings). The next look
            fetches them again, which costs credits.
          </span>
        </div>
        <p
          class={`feedback${s.cacheFeedback.value ? ` feedback--${s.cacheFeedback.value.tone}` : ''}`}
          role={s.cacheFeedback.value?.tone === 'error' ? 'alert' : 'status'}
        >
          {s.cacheFeedback.value?.text}
        </p>
      </section>
    </>
  );
}
