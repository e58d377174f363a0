/**
 * The one place that calls keyapi.ai. One request per call: no retries here (the service decides
 * when to ask again). Every failure becomes a `TrendFailure` with a `TrendError` inside.
 */
import { PAGE_SIZE } from '../trending/types';
import {
  apiError,
  kindForStatus,
  parseRetryAfter,
  redactKey,
  trendError,
  TrendFailure,
} from './errors';
import { parseTrendingBody, readEnvelope, type TrendingPage } from './parse';
import { API_ORIGIN, trendingHeaders, trendingUrl, type PageRequest } from './request';
import { t } from '../i18n';

export const REQUEST_TIMEOUT_MS = 15_000;
/** A real page is ~30 KB; anything past this is not a page of 20 hashtags. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface FetchOptions extends PageRequest {
  key: string;
  timeoutMs?: number;
  origin?: string;
  maxBytes?: number;
}

export type FetchPage = (options: FetchOptions) => Promise<TrendingPage>;

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** Reads the body up to `maxBytes`; a longer body is cancelled and refused. */
async function readText(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new TrendFailure(tooLarge(response.status));
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new TrendFailure(tooLarge(response.status));
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function tooLarge(status: number) {
  return trendError('bad-response', t('apiTooLarge'), {
    status,
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const fetchTrendingPage: FetchPage = async (options) => {
  const { key, timeoutMs = REQUEST_TIMEOUT_MS, maxBytes = MAX_BODY_BYTES } = options;
  const limit = options.limit ?? PAGE_SIZE;
  const signal = AbortSignal.timeout(timeoutMs);
  const redact = (message: string) => redactKey(message, key);
  let response: Response;
  try {
    response = await fetch(trendingUrl(options, options.origin ?? API_ORIGIN), {
      headers: trendingHeaders(key),
      credentials: 'omit',
      cache: 'no-store',
      // The key goes to api.keyapi.ai only: a redirect elsewhere is refused, not followed.
      redirect: 'error',
      signal,
    });
  } catch (error) {
    // No answer at all: the only case the request may be given back to the budget.
    const timedOut = signal.aborted || isTimeout(error);
    throw new TrendFailure(trendError(timedOut ? 'timeout' : 'offline'), false);
  }
  try {
    const body = parseJson(await readText(response, maxBytes));
    if (!response.ok) {
      const message = readEnvelope(body)?.message;
      const retryAt = parseRetryAfter(response.headers.get('retry-after'));
      throw new TrendFailure(
        apiError(kindForStatus(response.status), message && redact(message), {
          status: response.status,
          ...(retryAt ? { retryAt } : {}),
        }),
      );
    }
    if (body === undefined)
      throw new TrendFailure(trendError('bad-response', null, { status: 200 }));
    return parseTrendingBody(body, options.page, limit, redact);
  } catch (error) {
    if (error instanceof TrendFailure) throw error;
    // The answer began but did not arrive whole (connection dropped, timed out mid-body).
    const timedOut = signal.aborted || isTimeout(error);
    throw new TrendFailure(
      timedOut
        ? trendError('timeout', null, { status: response.status })
        : trendError('offline', t('apiCutOff'), { status: response.status }),
    );
  }
};
