/** The header's top line: title, data age, credits today, Refresh and the options button. */
import { formatAge } from '../lib/format';
import type { CreditStatus, TrendView } from '../lib/trending/types';
import { Icon } from './icons';

export function OptionsButton({ onClick }: { onClick: () => void }) {
  return (
    <button
      type="button"
      class="icon-button"
      aria-label="Options"
      title="Options"
      onClick={onClick}
    >
      <Icon name="gear" />
    </button>
  );
}

export interface StatusBarProps {
  view: TrendView | null;
  credits: CreditStatus | null;
  now: number;
  busy: boolean;
  onRefresh: () => void;
  onOptions: () => void;
}

export function StatusBar({ view, credits, now, busy, onRefresh, onOptions }: StatusBarProps) {
  const age = view?.fetchedAt ? `Updated ${formatAge(view.fetchedAt, now)}` : 'Not updated yet';
  const state = view?.refreshing ? ' · refreshing…' : view?.stale ? ' · out of date' : '';
  return (
    <div class="bar">
      <div class="heading">
        <h1 class="title">Hashtag Radar</h1>
        <p class="status">
          <span>
            {age}
            {state}
          </span>
          {credits && (
            <span>
              {credits.creditsToday} / {credits.dailyBudget} credits today
            </span>
          )}
        </p>
      </div>
      <button type="button" class="button" disabled={busy} aria-busy={busy} onClick={onRefresh}>
        <Icon name="refresh" />
        Refresh
      </button>
      <OptionsButton onClick={onOptions} />
    </div>
  );
}
