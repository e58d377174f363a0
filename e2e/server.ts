/**
 * One loopback HTTPS server that plays api.keyapi.ai (the trending endpoint of
 * shared/api/trending-hashtags.openapi.yaml, plus whatever misbehaviour a test selects) and
 * www.tiktok.com (the fixture pages in e2e/fixtures/tiktok/). Chromium reaches it through the real
 * hostnames (see browser.ts), so the shipped manifest and build are what is tested.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { isIndustryFilter } from '../lib/industries';
import { isRegion } from '../lib/markets';
import { PAGE_SIZE, type TrendFilters } from '../lib/trending/types';
import { selfSignedCertificate, writeInPieces } from './loopback.mjs';
import { apiHashtags, type ApiItem } from './mock-hashtags';

export { apiHashtags, EVERYDAY_TAGS, type ApiItem } from './mock-hashtags';

export const API_HOST = 'api.keyapi.ai';
export const TIKTOK_HOSTS = ['www.tiktok.com', 'tiktok.com'] as const;
export const TRENDING_PATH = '/v1/tiktok/trending/hashtags';
export const FIXTURES_DIR = fileURLToPath(new URL('./fixtures/tiktok/', import.meta.url));

export interface RecordedRequest {
  /** The Host header without the port, e.g. `api.keyapi.ai`. */
  host: string;
  method: string;
  /** Path without the query string, e.g. `/v1/tiktok/trending/hashtags`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** When it arrived (ms since epoch). */
  time: number;
}

export type ApiErrorStatus = 400 | 401 | 402 | 403 | 429 | 500 | 503;

/** How the mock trending endpoint answers. */
export type ApiBehaviour =
  /** 100 deterministic hashtags per filter set, paged by page/limit (limit above 20 counts as 20). */
  | { kind: 'ok' }
  /** An error status with the API's `{code, data: null, message}` body; `headers` e.g. Retry-After. */
  | { kind: 'status'; status: ApiErrorStatus; message?: string; headers?: Record<string, string> }
  /** HTTP 200 whose body says `code != 0`. */
  | { kind: 'code'; code: number; message: string }
  /** An HTML page instead of JSON (a proxy's error page), HTTP 200 unless `status` says otherwise. */
  | { kind: 'nonJson'; status?: number }
  /** Valid JSON with `code: 0` but no `data.list` array. */
  | { kind: 'wrongShape' }
  /** Waits `ms`, then answers as `then` (default: the current `respondWith` behaviour). */
  | { kind: 'delay'; ms: number; then?: ApiBehaviour }
  /** Never answers (until the client gives up or the server closes). */
  | { kind: 'stall' }
  /** Exactly these items, paged by page/limit; pagination total is `total` or their count. */
  | { kind: 'items'; items: ApiItem[]; total?: number }
  /** A normal page in which the third item lacks `hashtag_name` and `rank`. */
  | { kind: 'badItem' }
  /** A normal page padded with an unknown field to about `bytes` (default 8 MB) of valid JSON. */
  | { kind: 'huge'; bytes?: number };

/** The API's own messages (shared/api/trending-hashtags.openapi.yaml; 403 and 503 are not listed). */
export const API_ERROR_MESSAGES: Record<ApiErrorStatus, string> = {
  400: 'Missing required parameter: handle',
  401: 'apiKey is null',
  402: 'apiKey quota is not enough',
  403: 'Forbidden',
  429: 'qps limit exceeded',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export interface MockApi {
  /** Sets the behaviour for all following requests (after any queued one-shot ones). */
  respondWith(behaviour: ApiBehaviour): void;
  /** Queues one-shot behaviours, used by the next requests in order. */
  nextResponses(...behaviours: ApiBehaviour[]): void;
  /** Only these keys are accepted (others get 401 'apiKey is invalid'); null (default) accepts any. */
  acceptKeys(keys: string[] | null): void;
  /** The mock's 100 items for a filter set (defaults: all regions, 7 days, any industry, all). */
  hashtags(filters?: Partial<TrendFilters>): ApiItem[];
}

export interface MockTikTok {
  /** Serves `html` at `path` (exact path, no query) instead of the fixture files. */
  setPage(path: string, html: string): void;
  /**
   * Serves a page at `path` in pieces, `gapMs` apart, as a slow network delivers a big page: the
   * browser parses (and renders) each piece before the next arrives.
   */
  setStreamedPage(path: string, chunks: string[], gapMs: number): void;
}

export interface MockServer {
  port: number;
  /** The self-signed certificate (PEM), for node clients that want to verify it. */
  cert: string;
  requests: RecordedRequest[];
  /** Only the trending endpoint's requests on api.keyapi.ai. */
  apiRequests(): RecordedRequest[];
  resetRequests(): void;
  api: MockApi;
  tiktok: MockTikTok;
  close(): Promise<void>;
}

interface Certificate {
  key: string;
  cert: string;
}

let certificate: Promise<Certificate> | undefined;

/** A throwaway self-signed certificate for the mocked hostnames, made once per process. */
function makeCertificate(): Promise<Certificate> {
  certificate ??= selfSignedCertificate([API_HOST, ...TIKTOK_HOSTS]);
  certificate.catch(() => (certificate = undefined));
  return certificate;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function apiError(res: ServerResponse, status: number, message: string, headers = {}): void {
  sendJson(res, status, { code: status, data: null, message }, headers);
}

type Parsed =
  { ok: true; filters: TrendFilters; page: number; limit: number } | { ok: false; message: string };

/** Reads the query as the API does: strings with defaults; limit above 20 is handled as 20. */
function parseQuery(q: Record<string, string>): Parsed {
  const page = Number(q.page ?? '1');
  if (!Number.isInteger(page) || page < 1) return { ok: false, message: 'Invalid parameter: page' };
  const limitAsked = Number(q.limit ?? String(PAGE_SIZE));
  if (!Number.isInteger(limitAsked) || limitAsked < 1)
    return { ok: false, message: 'Invalid parameter: limit' };
  const period = Number(q.period ?? '7');
  if (period !== 7 && period !== 30 && period !== 120)
    return { ok: false, message: 'Invalid parameter: period' };
  const region = q.region ?? 'all_regions';
  if (!isRegion(region)) return { ok: false, message: 'Invalid parameter: region' };
  const industry = q.industry_id ?? 'nothing';
  if (!isIndustryFilter(industry)) return { ok: false, message: 'Invalid parameter: industry_id' };
  const fresh = q.new_to_top_100 ?? 'false';
  if (fresh !== 'true' && fresh !== 'false')
    return { ok: false, message: 'Invalid parameter: new_to_top_100' };
  return {
    ok: true,
    filters: { region, period, industry, newToTop100: fresh === 'true' },
    page,
    limit: Math.min(limitAsked, PAGE_SIZE),
  };
}

function pageBody(items: ApiItem[], page: number, limit: number, total = items.length) {
  const list = items.slice((page - 1) * limit, page * limit);
  return {
    code: 0,
    message: 'success',
    data: { list, pagination: { page, size: limit, total, has_more: page * limit < total } },
    requestId: randomUUID(),
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
};

/** Maps a tiktok.com path to a fixture file name, as the real site's routes go. */
export function fixtureFileFor(path: string): string | null {
  if (path === '/' || path === '/foryou' || path === '/foryou/') return 'index.html';
  if (/^\/@[^/]+\/video\/[^/]+\/?$/.test(path)) return 'video.html';
  if (/^\/tag\/[^/]+\/?$/.test(path)) return 'tag.html';
  if (path === '/search' || path.startsWith('/search/')) return 'search.html';
  if (path === '/feed' || path === '/feed/') return 'feed.html';
  // TikTok Studio's upload page and the older creator-center one (/upload is a single segment).
  if (/^\/(?:tiktokstudio|creator-center)\/upload\/?$/.test(path)) return 'upload.html';
  const single = /^\/([\w-]+)\/?$/.exec(path);
  if (single) return `${single[1]}.html`;
  // Static files next to the pages (scripts, styles, images), never outside the fixture folder.
  if (/^\/[\w./-]+\.\w+$/.test(path) && !path.includes('..')) return path.slice(1);
  return null;
}

export async function startMockServer(): Promise<MockServer> {
  const { key, cert } = await makeCertificate();
  const requests: RecordedRequest[] = [];
  const pages = new Map<string, string>();
  const streamedPages = new Map<string, { chunks: string[]; gapMs: number }>();
  const queue: ApiBehaviour[] = [];
  let current: ApiBehaviour = { kind: 'ok' };
  let accepted: Set<string> | null = null;

  async function answerApi(
    req: IncomingMessage,
    res: ServerResponse,
    query: Record<string, string>,
    behaviour: ApiBehaviour,
  ): Promise<void> {
    switch (behaviour.kind) {
      case 'delay':
        await new Promise((done) => setTimeout(done, behaviour.ms));
        if (res.destroyed) return;
        return answerApi(req, res, query, behaviour.then ?? current);
      case 'stall':
        return; // The socket stays open; close() ends it.
      case 'status':
        return apiError(
          res,
          behaviour.status,
          behaviour.message ?? API_ERROR_MESSAGES[behaviour.status],
          behaviour.headers,
        );
      case 'code':
        return sendJson(res, 200, { code: behaviour.code, data: null, message: behaviour.message });
      case 'nonJson': {
        const html =
          '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
        res.writeHead(behaviour.status ?? 200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(html);
        return;
      }
    }
    // The rest carry data, so they need a key like the real endpoint.
    const auth = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    if (!auth) return apiError(res, 401, API_ERROR_MESSAGES[401]);
    if (accepted && !accepted.has(auth[1]!)) return apiError(res, 401, 'apiKey is invalid');
    const parsed = parseQuery(query);
    if (!parsed.ok) return apiError(res, 400, parsed.message);
    const { filters, page, limit } = parsed;
    switch (behaviour.kind) {
      case 'ok':
        return sendJson(res, 200, pageBody(apiHashtags(filters), page, limit));
      case 'items':
        return sendJson(res, 200, pageBody(behaviour.items, page, limit, behaviour.total));
      case 'badItem': {
        const body = pageBody(apiHashtags(filters), page, limit);
        const broken: Partial<ApiItem> | undefined = body.data.list[2];
        if (broken) {
          delete broken.hashtag_name;
          delete broken.rank;
        }
        return sendJson(res, 200, body);
      }
      case 'wrongShape':
        return sendJson(res, 200, {
          code: 0,
          message: 'success',
          data: { hashtags: apiHashtags(filters).slice(0, limit), page },
          requestId: randomUUID(),
        });
      case 'huge': {
        const body = pageBody(apiHashtags(filters), page, limit);
        const size = Buffer.byteLength(JSON.stringify(body));
        const padding = 'x'.repeat(Math.max(0, (behaviour.bytes ?? 8_000_000) - size));
        return sendJson(res, 200, { ...body, data: { ...body.data, extra: padding } });
      }
    }
  }

  async function answerTikTok(path: string, res: ServerResponse): Promise<void> {
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const streamed = streamedPages.get(path);
    if (streamed !== undefined) {
      res.writeHead(200, { 'content-type': CONTENT_TYPES['.html']! });
      await writeInPieces(res, streamed.chunks, streamed.gapMs);
      return;
    }
    const page = pages.get(path);
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': CONTENT_TYPES['.html']! });
      res.end(page);
      return;
    }
    const name = fixtureFileFor(path);
    const file = name ? resolve(FIXTURES_DIR, name) : null;
    if (file && file.startsWith(resolve(FIXTURES_DIR) + sep)) {
      try {
        const body = await readFile(file);
        res.writeHead(200, {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        });
        res.end(body);
        return;
      } catch {
        // Falls through to the 404 page.
      }
    }
    res.writeHead(404, { 'content-type': CONTENT_TYPES['.html']! });
    res.end('<!doctype html><title>Page not available</title><h1>Page not available</h1>');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', 'https://mock.invalid');
    const query = Object.fromEntries(url.searchParams);
    requests.push({
      host,
      method: req.method ?? 'GET',
      path: url.pathname,
      query,
      headers: req.headers,
      time: Date.now(),
    });
    if (host === API_HOST) {
      if (url.pathname !== TRENDING_PATH) return apiError(res, 404, 'Not found');
      if (req.method !== 'GET') return apiError(res, 405, 'Method not allowed');
      return answerApi(req, res, query, queue.shift() ?? current);
    }
    if ((TIKTOK_HOSTS as readonly string[]).includes(host)) return answerTikTok(url.pathname, res);
    res.writeHead(421, { 'content-type': 'text/plain' });
    res.end(`The e2e mock does not serve ${host || 'requests without a Host header'}`);
  }

  const server: Server = createServer({ key, cert }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`e2e mock server error: ${String(error)}`);
    });
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ready());
  });

  return {
    port: (server.address() as AddressInfo).port,
    cert,
    requests,
    apiRequests: () => requests.filter((r) => r.host === API_HOST && r.path === TRENDING_PATH),
    resetRequests: () => {
      requests.length = 0;
    },
    api: {
      respondWith: (behaviour) => {
        current = behaviour;
      },
      nextResponses: (...behaviours) => {
        queue.push(...behaviours);
      },
      acceptKeys: (keys) => {
        accepted = keys ? new Set(keys) : null;
      },
      hashtags: (filters) => apiHashtags(filters),
    },
    tiktok: {
      setPage: (path, html) => {
        pages.set(path, html);
      },
      setStreamedPage: (path, chunks, gapMs) => {
        streamedPages.set(path, { chunks, gapMs });
      },
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
