/**
 * The popup's one failure notice: the background not answering, or the list's own error, in
 * words with the action that fixes it. Loaded when a failure is first shown (most openings have
 * none), which keeps the error wording out of the popup's up-front JS.
 */
import { ErrorNotice } from '../../components/ErrorNotice';
import { errorText, type ErrorAction, type ErrorText } from '../../components/errorText';
import { nextLocalMidnight } from '../../lib/format';
import { t } from '../../lib/i18n';
import type { RadarView } from './radar';

export interface NoticeProps {
  s: RadarView;
  now: number;
  onAction: (action: ErrorAction) => void;
}

export function Notice({ s, now, onAction }: NoticeProps) {
  const { view } = s;
  const text: ErrorText | null = s.failure
    ? {
        message: t('backgroundUnreachable'),
        detail: null,
        action: 'retry',
        actionLabel: t('tryAgain'),
      }
    : view?.error
      ? errorText(view.error, {
          now,
          fetchedAt: view.fetchedAt,
          hasItems: s.items.length > 0,
          budgetResetsAt: s.credits?.resetsAt ?? nextLocalMidnight(now),
          dailyBudget: s.credits?.dailyBudget ?? s.dailyBudget ?? 0,
        })
      : null;
  return text && <ErrorNotice text={text} onAction={onAction} busy={s.pending} />;
}
