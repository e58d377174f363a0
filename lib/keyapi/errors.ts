/** Maps every way a request can fail onto the small set of `TrendError` kinds the UI speaks about. */
import { t, type MessageKey } from '../i18n';
import type { TrendError, TrendErrorKind } from '../trending/types';

/** Our words (messages.json), used when the API sent none of its own; the API's own text is kept as is. */
export const DEFAULT_MESSAGES: Record<TrendErrorKind, MessageKey> = {
  'no-key': 'apiNoKey',
  'invalid-key': 'apiInvalidKey',
  'out-of-credits': 'apiOutOfCredits',
  forbidden: 'apiForbidden',
  'rate-limited': 'apiRateLimited',
  'bad-request': 'apiBadRequest',
  server: 'apiServer',
  offline: 'apiOffline',
  timeout: 'apiTimeout',
  'bad-response': 'apiBadResponse',
  'budget-reached': 'apiBudgetReached',
  'storage-full': 'apiStorageFull',
};

const MAX_MESSAGE_LENGTH = 300;

/** A failed request, carrying the error the UI will show. */
export class TrendFailure extends Error {
  readonly error: TrendError;
  /**
   * The API answered (status and headers arrived), so the request was charged, whatever went
   * wrong after. Only a request that got no answer at all may be given back to the budget.
   */
  readonly answered: boolean;
  constructor(error: TrendError, answered = true) {
    super(error.message);
    this.name = 'TrendFailure';
    this.error = error;
    this.answered = answered;
  }
}

export function trendError(
  kind: TrendErrorKind,
  message?: string | null,
  extra: Omit<TrendError, 'kind' | 'message'> = {},
): TrendError {
  const text = message?.trim().slice(0, MAX_MESSAGE_LENGTH);
  return { kind, message: text || t(DEFAULT_MESSAGES[kind]), ...extra };
}

/**
 * An error the API described in its own words (`message` of its body, already without the key):
 * kept as the message and marked `byApi`, so the UI shows it beside its own.
 */
export function apiError(
  kind: TrendErrorKind,
  apiMessage: string | null | undefined,
  extra: Omit<TrendError, 'kind' | 'message' | 'byApi'> = {},
): TrendError {
  const error = trendError(kind, apiMessage, extra);
  return apiMessage?.trim() ? { ...error, byApi: true } : error;
}

/**
 * The kind for an error `code` the API sent in an HTTP 200 body, where it is one it documents for
 * errors (400, 401, 402, 403, 429, 5xx); null for any other.
 */
export function kindForBodyCode(code: number): TrendErrorKind | null {
  const documented = [400, 401, 402, 403, 429].includes(code) || (code >= 500 && code <= 599);
  return documented ? kindForStatus(code) : null;
}

export function kindForStatus(status: number): TrendErrorKind {
  if (status === 401) return 'invalid-key';
  if (status === 402) return 'out-of-credits';
  if (status === 403) return 'forbidden';
  if (status === 429) return 'rate-limited';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server';
  if (status >= 400) return 'bad-request';
  return 'bad-response';
}

/** `Retry-After` in seconds or as an HTTP date, as ms since epoch; undefined when absent or nonsense. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return now + seconds * 1000;
  const date = Date.parse(header);
  return Number.isFinite(date) && date > now ? date : undefined;
}

/** Removes the key from a message, in case the API echoes it back (before it is cut to length). */
export function redactKey(message: string, key: string): string {
  return key.length >= 4 ? message.split(key).join('…') : message;
}
