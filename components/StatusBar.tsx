/** The header's top line: title, data age, credits today, Refresh and the options button. */
import { formatAge } from '../lib/format';
import type { CreditStatus, ListView } from '../lib/trending/types';
import { t } from '../lib/i18n';
import { Icon } from './icons';

export function OptionsButton({ onClick }: { onClick: () => void }) {
  return (
    <button
      type="button"
      class="icon-button"
      aria-label={t('options')}
      title={t('options')}
      onClick={onClick}
    >
      <Icon name="gear" />
    </button>
  );
}

export interface StatusBarProps {
  view: ListView | null;
  credits: CreditStatus | null;
  /** Until the background tells the credits: the daily budget, to hold their place on the line. */
  budget: number | null;
  now: number;
  busy: boolean;
  onRefresh: () => void;
  onOptions: () => void;
}

export function StatusBar({
  view,
  credits,
  budget,
  now,
  busy,
  onRefresh,
  onOptions,
}: StatusBarProps) {
  const age = view?.fetchedAt ? t('updatedAge', formatAge(view.fetchedAt, now)) : t('notUpdated');
  const state = view?.refreshing
    ? ` · ${t('statusRefreshing')}`
    : view?.stale
      ? ` · ${t('statusOutOfDate')}`
      : '';
  return (
    <div class="bar">
      <div class="heading">
        <h1 class="title">{t('extName')}</h1>
        <p class="status">
          <span>
            {age}
            {state}
          </span>
          {credits ? (
            <span>{t('creditsToday', credits.creditsToday, credits.dailyBudget)}</span>
          ) : (
            // Held in place, unseen, so the line does not reflow when the count arrives.
            view &&
            budget !== null && (
              <span class="held" aria-hidden="true">
                {t('creditsToday', 0, budget)}
              </span>
            )
          )}
        </p>
      </div>
      <button type="button" class="button" disabled={busy} aria-busy={busy} onClick={onRefresh}>
        <Icon name="refresh" />
        {t('refresh')}
      </button>
      <OptionsButton onClick={onOptions} />
    </div>
  );
}
