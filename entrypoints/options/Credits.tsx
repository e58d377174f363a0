import { formatNumber } from '@/lib/format';
import { t, tParts } from '@/lib/i18n';
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

/** Credits spent today and over the last 7 days, clearing the cache, and the privacy policy. */
export function Credits() {
  const credits = s.status.value?.credits;
  const week = credits?.last7Days ?? [];
  const weekTotal = week.reduce((sum, d) => sum + d.credits, 0);
  return (
    <>
      <section aria-labelledby="credits-heading">
        <h2 id="credits-heading">{t('creditsHeading')}</h2>
        {credits ? (
          <>
            <p class="credits-today">
              {tParts(
                'creditsTodayFull',
                <strong>{formatNumber(credits.creditsToday)}</strong>,
                formatNumber(credits.dailyBudget),
                credits.requestsToday === 1
                  ? t('requestsOne')
                  : t('requestsMany', credits.requestsToday),
              )}
            </p>
            <table class="credits-table">
              <caption>{t('last7Days', weekTotal)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colDay')}</th>
                  <th scope="col">{t('colCredits')}</th>
                  <th scope="col">{t('colRequests')}</th>
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
          <p class="help">{s.statusError.value ? t('notAvailable') : t('loading')}</p>
        )}
      </section>
      <section aria-labelledby="cache-heading">
        <h2 id="cache-heading">{t('cacheHeading')}</h2>
        <div class="actions-row">
          <button type="button" class="secondary" onClick={() => void s.clearCache()}>
            {t('clearCache')}
          </button>
          <span class="help">{t('clearCacheHelp')}</span>
        </div>
        <p
          class={`feedback${s.cacheFeedback.value ? ` feedback--${s.cacheFeedback.value.tone}` : ''}`}
          role={s.cacheFeedback.value?.tone === 'error' ? 'alert' : 'status'}
        >
          {s.cacheFeedback.value?.text}
        </p>
      </section>
      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{t('privacyHeading')}</h2>
        <p class="help">{t('privacySummary')}</p>
        <p>
          <a href="privacy.html" target="_blank" rel="noopener">
            {t('privacyLink')}
          </a>
        </p>
      </section>
    </>
  );
}
