/** Every failure of the data service in plain words, with the one action that fixes it. Pure. */
import type { TrendError, TrendErrorKind } from '../lib/trending/types';
import { formatAge } from '../lib/format';
import { t, type MessageKey } from '../lib/i18n';

export type ErrorAction = 'options' | 'retry' | 'reset-filters';

export interface ErrorText {
  message: string;
  /** When it resets, how old the shown data is. */
  detail: string | null;
  action: ErrorAction | null;
  actionLabel: string | null;
}

export interface ErrorContext {
  now: number;
  /** When cached rows stay on screen: when they were fetched. */
  fetchedAt: number | null;
  hasItems: boolean;
  /** The next local midnight, when the daily budget resets. */
  budgetResetsAt: number;
  dailyBudget: number;
}

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** "in 5 h", "in 12 min". */
export function fromNow(at: number, now: number): string {
  const minutes = Math.max(1, Math.ceil((at - now) / 60_000));
  return minutes < 60 ? t('fromNowMinutes', minutes) : t('fromNowHours', Math.round(minutes / 60));
}

/** "at 00:00 (in 5 h)" */
export function whenText(at: number, now: number): string {
  return t('atTime', timeOfDay.format(at), fromNow(at, now));
}

/** Message and the action that fixes it, with the action's label. */
const TEXTS: Record<TrendErrorKind, [MessageKey, ErrorAction, MessageKey]> = {
  'no-key': ['errNoKey', 'options', 'addApiKey'],
  'invalid-key': ['errInvalidKey', 'options', 'checkApiKey'],
  forbidden: ['errForbidden', 'options', 'checkApiKey'],
  'out-of-credits': ['errOutOfCredits', 'retry', 'tryAgain'],
  'budget-reached': ['errBudgetReached', 'options', 'changeBudget'],
  'rate-limited': ['errRateLimited', 'retry', 'tryAgain'],
  'bad-request': ['errBadRequest', 'reset-filters', 'resetFilters'],
  server: ['errServer', 'retry', 'tryAgain'],
  offline: ['errOffline', 'retry', 'tryAgain'],
  timeout: ['errTimeout', 'retry', 'tryAgain'],
  'bad-response': ['errBadResponse', 'retry', 'tryAgain'],
  'storage-full': ['errStorageFull', 'retry', 'tryAgain'],
};

export function errorText(error: TrendError, ctx: ErrorContext): ErrorText {
  const kind = error.kind;
  const [text, action, label] = TEXTS[kind] ?? ['errUnknown', 'retry', 'tryAgain'];
  const message =
    kind === 'budget-reached'
      ? t(text, ctx.dailyBudget)
      : // Online, but the api.keyapi.ai permission was withdrawn (Firefox): the background says so.
        kind === 'offline' && error.message === t('apiNoAccess')
        ? error.message
        : t(text);
  const detail: string[] = [];
  if (error.byApi) detail.push(t('apiSaid', error.message));
  if (kind === 'budget-reached') {
    detail.push(t('budgetResets', whenText(error.retryAt ?? ctx.budgetResetsAt, ctx.now)));
  } else if (kind === 'out-of-credits') {
    detail.push(t('dailyBudgetResets', whenText(ctx.budgetResetsAt, ctx.now)));
  } else if (kind === 'rate-limited' && error.retryAt && error.retryAt > ctx.now) {
    detail.push(t('nextTryAt', whenText(error.retryAt, ctx.now)));
  }
  if (ctx.hasItems) {
    detail.push(
      ctx.fetchedAt === null
        ? t('showingSaved')
        : t('showingSavedFrom', formatAge(ctx.fetchedAt, ctx.now)),
    );
  } else if (kind === 'offline') {
    detail.push(t('nothingSaved'));
  }
  return { message, detail: detail.join(' ') || null, action, actionLabel: t(label) };
}
