/** Every failure of the data service in plain words, with the one action that fixes it. Pure. */
import type { TrendError, TrendErrorKind } from '../lib/trending/types';
import { formatAge } from '../lib/format';

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
  return minutes < 60 ? `in ${minutes} min` : `in ${Math.round(minutes / 60)} h`;
}

/** "at 00:00 (in 5 h)" */
export function whenText(at: number, now: number): string {
  return `at ${timeOfDay.format(at)} (${fromNow(at, now)})`;
}

const KEY = 'Check your API key';
const RETRY = 'Try again';

/** Message, then the action's label; the action itself is in ACTIONS. */
const TEXTS: Record<TrendErrorKind, [string, string]> = {
  'no-key': ['Add your keyapi.ai API key to see live trending hashtags.', 'Add API key'],
  'invalid-key': ['keyapi.ai did not accept your API key.', KEY],
  forbidden: ['keyapi.ai refused the request: your key may lack access to trending hashtags.', KEY],
  'out-of-credits': ['Your keyapi.ai account is out of credits. Add credits on keyapi.ai.', RETRY],
  'budget-reached': ['', 'Change the budget'],
  'rate-limited': ['keyapi.ai is busy with too many requests. Try again in a minute.', RETRY],
  'bad-request': ['keyapi.ai did not accept these filters.', 'Reset filters'],
  server: ['keyapi.ai is having trouble right now. Try again in a few minutes.', RETRY],
  offline: ['You are offline.', RETRY],
  timeout: ['keyapi.ai took too long to answer.', RETRY],
  'bad-response': ['keyapi.ai sent an answer Hashtag Radar could not read.', RETRY],
};

export function errorText(error: TrendError, ctx: ErrorContext): ErrorText {
  const kind = error.kind;
  const [text, actionLabel] = TEXTS[kind] ?? ['Something went wrong while fetching.', RETRY];
  const action: ErrorAction =
    actionLabel === RETRY ? 'retry' : actionLabel === 'Reset filters' ? 'reset-filters' : 'options';
  let message = text;
  const detail: string[] = [];
  if (kind === 'budget-reached') {
    message = `Today's credit budget of ${ctx.dailyBudget} is used up, so nothing new is fetched.`;
    detail.push(`It resets ${whenText(error.retryAt ?? ctx.budgetResetsAt, ctx.now)}.`);
  } else if (kind === 'out-of-credits') {
    detail.push(`Your daily budget here resets ${whenText(ctx.budgetResetsAt, ctx.now)}.`);
  } else if (kind === 'rate-limited' && error.retryAt && error.retryAt > ctx.now) {
    detail.push(`Next try possible ${whenText(error.retryAt, ctx.now)}.`);
  }
  if (ctx.hasItems) {
    detail.push(
      ctx.fetchedAt === null
        ? 'Showing the saved list.'
        : `Showing the saved list from ${formatAge(ctx.fetchedAt, ctx.now)}.`,
    );
  } else if (kind === 'offline') {
    detail.push('Nothing is saved for these filters yet.');
  }
  return { message, detail: detail.join(' ') || null, action, actionLabel };
}
