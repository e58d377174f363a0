/** Reads a trending response body: envelope first, then each item on its own. */
import * as v from 'valibot';
import { MAX_RANK, type Hashtag } from '../trending/types';
import { apiError, kindForBodyCode, trendError, TrendFailure } from './errors';
import { toHashtag } from './map';
import { ApiItemSchema, EnvelopeSchema, SuccessDataSchema } from './schema';
import { t } from '../i18n';

/** One page of the top 100, as the service caches it. */
export interface TrendingPage {
  items: Hashtag[];
  /** Size of the whole ranking (at most 100). */
  total: number;
  hasMore: boolean;
  /** Items that were malformed and left out. */
  dropped: number;
}

/** The `{code, message}` of any JSON body, or null when it has none. */
export function readEnvelope(body: unknown): v.InferOutput<typeof EnvelopeSchema> | null {
  const result = v.safeParse(EnvelopeSchema, body);
  return result.success ? result.output : null;
}

/**
 * Validates a 200 body. `limit` caps the items taken: an answer longer than asked for is cut, not
 * trusted. Throws a TrendFailure when the envelope is wrong (`bad-response`) or `code != 0`: an
 * error code the API documents (401, 429, 5xx …) is that error, as the HTTP status would be; any
 * other is `bad-response`. The API's own message is kept, passed through `redact` first.
 */
export function parseTrendingBody(
  body: unknown,
  page: number,
  limit: number,
  redact: (message: string) => string = (message) => message,
): TrendingPage {
  const envelope = readEnvelope(body);
  if (!envelope) {
    throw new TrendFailure(trendError('bad-response', null, { status: 200 }));
  }
  if (envelope.code !== 0) {
    const kind = kindForBodyCode(envelope.code) ?? 'bad-response';
    const message = envelope.message ? redact(envelope.message) : null;
    throw new TrendFailure(apiError(kind, message, { status: 200 }));
  }
  const data = v.safeParse(SuccessDataSchema, envelope.data);
  if (!data.success) {
    throw new TrendFailure(
      trendError('bad-response', t('apiNoList'), {
        status: 200,
      }),
    );
  }
  const items: Hashtag[] = [];
  let dropped = 0;
  for (const raw of data.output.list.slice(0, limit)) {
    const item = v.safeParse(ApiItemSchema, raw);
    if (item.success) items.push(toHashtag(item.output));
    else dropped += 1;
  }
  const pagination = data.output.pagination ?? {};
  const total = Math.min(MAX_RANK, pagination.total ?? MAX_RANK);
  const hasMore = pagination.has_more ?? (data.output.list.length >= limit && page * limit < total);
  return { items, total, hasMore: hasMore && page * limit < total, dropped };
}
