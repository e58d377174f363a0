import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, type TrendFilters } from '../trending/types';
import { fetchTrendingPage, type FetchOptions } from './client';
import { TrendFailure } from './errors';
import { apiItem, okBody, pageItems } from './testing';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let origin = '';
let handler: Handler;
const seen: IncomingMessage[] = [];
const KEY = 'sk_live_abcdef1234567890';

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
  handler = json(200, okBody(pageItems(1)));
});

function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

function fetchPage(overrides: Partial<FetchOptions> = {}) {
  return fetchTrendingPage({ key: KEY, filters: DEFAULT_FILTERS, page: 1, origin, ...overrides });
}

async function thrown(promise: Promise<unknown>): Promise<TrendFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TrendFailure);
  return error as TrendFailure;
}

async function failure(promise: Promise<unknown>) {
  return (await thrown(promise)).error;
}

describe('request', () => {
  it('sends every parameter and the Bearer key', async () => {
    const filters: TrendFilters = {
      region: 'JP',
      period: 120,
      industry: '27000000000',
      newToTop100: true,
    };
    await fetchPage({ filters, page: 3, limit: 20 });
    expect(seen).toHaveLength(1);
    const url = new URL(seen[0]!.url!, origin);
    expect(url.pathname).toBe('/v1/tiktok/trending/hashtags');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      page: '3',
      limit: '20',
      period: '120',
      region: 'JP',
      industry_id: '27000000000',
      new_to_top_100: 'true',
    });
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(seen[0]!.headers.accept).toBe('application/json');
    expect(seen[0]!.method).toBe('GET');
  });

  it('sends the defaults as the API spells them and clamps page and limit', async () => {
    await fetchPage({ page: 9, limit: 50 });
    const url = new URL(seen[0]!.url!, origin);
    expect(url.search).toBe(
      '?page=5&limit=20&period=7&region=all_regions&industry_id=nothing&new_to_top_100=false',
    );
  });
});

describe('success', () => {
  it('maps every documented field', async () => {
    handler = json(
      200,
      okBody([
        apiItem(1, {
          hashtag_name: '#clean',
          rank_diff_type: 4,
          is_promoted: true,
          trend: [
            { time: 3, value: 0.5 },
            { time: 1, value: 0.25 },
            { time: 2, value: 0.4 },
          ],
        }),
      ]),
    );
    const page = await fetchPage();
    expect(page.dropped).toBe(0);
    expect(page.total).toBe(100);
    expect(page.hasMore).toBe(true);
    expect(page.items).toEqual([
      {
        id: '7001',
        name: 'clean',
        rank: 1,
        movement: 'new',
        rankDiff: null,
        country: { code: 'US', name: 'United States' },
        industry: { id: '11000000000', name: 'Vehicle & Transportation' },
        promoted: true,
        trend: [
          { time: 1, value: 0.5 },
          { time: 2, value: 0.8 },
          { time: 3, value: 1 },
        ],
        creators: [{ name: 'becky mae', avatarUrl: 'https://p16-sign-sg.tiktokcdn.com/a.png' }],
        posts: 48891,
        views: 151854087,
      },
    ]);
  });

  it('reads movement 1–4, shows unknown or missing movement as none, keeps rank_diff', async () => {
    handler = json(
      200,
      okBody([
        apiItem(1, { rank_diff_type: 1, rank_diff: 4 }),
        apiItem(2, { rank_diff_type: 2 }),
        apiItem(3, { rank_diff_type: 3, rank_diff: -2 }),
        apiItem(4, { rank_diff_type: 4 }),
        apiItem(5, { rank_diff_type: 9 }),
        apiItem(6, { rank_diff_type: 'up' }),
        apiItem(7, { rank_diff_type: undefined }),
      ]),
    );
    const { items, dropped } = await fetchPage();
    expect(dropped).toBe(0);
    expect(items.map((i) => i.movement)).toEqual([
      'up',
      'same',
      'down',
      'new',
      'none',
      'none',
      'none',
    ]);
    expect(items.map((i) => i.rankDiff)).toEqual([4, null, -2, null, null, null, null]);
  });

  it('keeps a flat or empty trend at zero, and refuses non-https avatars', async () => {
    handler = json(
      200,
      okBody([
        apiItem(1, {
          trend: [],
          creators: [{ nick_name: 'x', avatar_url: 'javascript:alert(1)' }],
        }),
        apiItem(2, { trend: [{ time: 1, value: 0 }], country_info: null, industry_info: null }),
      ]),
    );
    const { items } = await fetchPage();
    expect(items[0]!.trend).toEqual([]);
    expect(items[0]!.creators).toEqual([{ name: 'x', avatarUrl: null }]);
    expect(items[1]!.trend).toEqual([{ time: 1, value: 0 }]);
    expect(items[1]!.country).toBeNull();
    expect(items[1]!.industry).toBeNull();
  });

  it('drops malformed items, keeps the rest and counts them', async () => {
    const { hashtag_name: _name, ...noName } = apiItem(2);
    handler = json(
      200,
      okBody([
        apiItem(1),
        noName,
        apiItem(3, { rank: 'three' }),
        apiItem(4, { trend: [{ time: 'x', value: 1 }] }),
        apiItem(5, { publish_cnt: -1 }),
        'not an item',
        apiItem(6),
      ]),
    );
    const page = await fetchPage();
    expect(page.items.map((i) => i.rank)).toEqual([1, 6]);
    expect(page.dropped).toBe(5);
  });

  it('treats an empty list as no data, not an error', async () => {
    handler = json(200, okBody([], 1, 0));
    expect(await fetchPage()).toEqual({ items: [], total: 0, hasMore: false, dropped: 0 });
  });

  it('takes no more items than asked for', async () => {
    handler = json(200, okBody([...pageItems(1), ...pageItems(2)]));
    const page = await fetchPage({ limit: 5 });
    expect(page.items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('errors', () => {
  it.each([
    [400, 'bad-request', 'Missing required parameter: handle'],
    [401, 'invalid-key', 'apiKey is null'],
    [402, 'out-of-credits', 'apiKey quota is not enough'],
    [403, 'forbidden', 'not allowed'],
    [404, 'bad-request', 'no route'],
    [429, 'rate-limited', 'qps limit exceeded'],
    [500, 'server', 'Internal server error'],
    [503, 'server', 'maintenance'],
  ] as const)('maps HTTP %i to %s and keeps the message', async (status, kind, message) => {
    handler = json(status, { code: status, data: null, message });
    expect(await failure(fetchPage())).toEqual({ kind, message, status, byApi: true });
    expect(seen).toHaveLength(1);
  });

  it('uses its own words when the error body is not JSON', async () => {
    handler = (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    };
    expect(await failure(fetchPage())).toEqual({
      kind: 'server',
      message: 'keyapi.ai had a server error.',
      status: 502,
    });
  });

  it('reads Retry-After on 429', async () => {
    handler = json(429, { code: 429, data: null, message: 'slow' }, { 'retry-after': '120' });
    const before = Date.now();
    const error = await failure(fetchPage());
    expect(error.retryAt).toBeGreaterThanOrEqual(before + 120_000);
    expect(error.retryAt).toBeLessThan(before + 130_000);
  });

  it('never repeats the key in a message', async () => {
    handler = json(401, { code: 401, data: null, message: `apiKey ${KEY} is invalid` });
    const error = await failure(fetchPage());
    expect(error.message).toBe('apiKey … is invalid');
    expect(JSON.stringify(error)).not.toContain(KEY);
  });

  it('redacts the key before cutting a long message, so no part of it survives', async () => {
    // The key straddles character 300, where messages are cut.
    const message = `${'x'.repeat(290)} ${KEY} is invalid`;
    for (const body of [
      { status: 401, json: { code: 401, data: null, message } },
      { status: 200, json: { code: 401, data: null, message } },
      { status: 200, json: { code: 10001, data: null, message } },
    ]) {
      handler = json(body.status, body.json);
      const error = await failure(fetchPage());
      expect(error.message).toBe(`${'x'.repeat(290)} … is invalid`.slice(0, 300));
      expect(JSON.stringify(error)).not.toContain(KEY.slice(0, 8));
    }
  });

  it('refuses code != 0 on HTTP 200, keeping the message', async () => {
    handler = json(200, { code: 10001, data: null, message: 'region not supported' });
    expect(await failure(fetchPage())).toEqual({
      kind: 'bad-response',
      message: 'region not supported',
      status: 200,
      byApi: true,
    });
  });

  it.each([
    [400, 'bad-request'],
    [401, 'invalid-key'],
    [402, 'out-of-credits'],
    [403, 'forbidden'],
    [429, 'rate-limited'],
    [500, 'server'],
    [503, 'server'],
  ] as const)(
    "treats code %i in an HTTP 200 body as that error (%s), with the API's message",
    async (code, kind) => {
      handler = json(200, { code, data: null, message: `api says ${code}` });
      expect(await failure(fetchPage())).toEqual({
        kind,
        message: `api says ${code}`,
        status: 200,
        byApi: true,
      });
    },
  );

  it('uses its own words for a documented code that comes without a message', async () => {
    handler = json(200, { code: 401, data: null });
    expect(await failure(fetchPage())).toEqual({
      kind: 'invalid-key',
      message: 'keyapi.ai did not accept the API key.',
      status: 200,
    });
  });

  it('refuses a body that is not JSON', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Login</title>');
    };
    expect((await failure(fetchPage())).kind).toBe('bad-response');
  });

  it.each([
    ['no code', { data: { list: [] } }],
    ['no list', { code: 0, message: 'success', data: { items: [] } }],
    ['data null', { code: 0, message: 'success', data: null }],
    ['an array', [1, 2, 3]],
  ])('refuses the wrong shape: %s', async (_name, body) => {
    handler = json(200, body);
    expect((await failure(fetchPage())).kind).toBe('bad-response');
  });

  it('refuses a huge body with a content-length without reading it', async () => {
    handler = json(200, okBody([apiItem(1, { hashtag_name: 'x'.repeat(2_000_000) })]));
    const error = await failure(fetchPage());
    expect(error).toMatchObject({ kind: 'bad-response', status: 200 });
    expect(error.message).toMatch(/too large/);
  });

  it('refuses a huge streamed body', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = 'x'.repeat(64 * 1024);
      res.write('{"code":0,"data":{"list":["');
      for (let i = 0; i < 40; i++) res.write(chunk);
      res.end('"]}}');
    };
    expect((await failure(fetchPage({ maxBytes: 256 * 1024 }))).message).toMatch(/too large/);
  });

  it('times out on a stalled server', async () => {
    handler = () => undefined;
    const started = Date.now();
    expect(await failure(fetchPage({ timeoutMs: 150 }))).toEqual({
      kind: 'timeout',
      message: 'keyapi.ai did not answer in time.',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('times out when the body stalls after the headers', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"code":0,');
    };
    expect((await failure(fetchPage({ timeoutMs: 150 }))).kind).toBe('timeout');
  });

  it('reports offline when nothing listens: no answer, so not charged', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const failed = await thrown(fetchPage({ origin: `http://127.0.0.1:${port}` }));
    expect(failed.error.kind).toBe('offline');
    expect(failed.answered).toBe(false);
  });

  it('a stalled server never answered; a body that stalls after the headers did', async () => {
    handler = () => undefined;
    expect((await thrown(fetchPage({ timeoutMs: 150 }))).answered).toBe(false);
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"code":0,');
    };
    expect((await thrown(fetchPage({ timeoutMs: 150 }))).answered).toBe(true);
  });

  it('a connection dropped while the body arrives was answered (charged), and says so', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
      res.write('{"code":0,"data":{"list":[');
      setTimeout(() => res.socket?.destroy(), 20);
    };
    const failed = await thrown(fetchPage());
    expect(failed.answered).toBe(true);
    expect(failed.error).toEqual({
      kind: 'offline',
      message: 'The connection to keyapi.ai broke while its answer arrived.',
      status: 200,
    });
  });

  it('follows no redirect: the key goes to api.keyapi.ai only', async () => {
    const elsewhere: IncomingMessage[] = [];
    const other = createServer((req, res) => {
      elsewhere.push(req);
      res.end('{}');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as AddressInfo).port;
    handler = (_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${port}/steal` });
      res.end();
    };
    try {
      expect((await failure(fetchPage())).kind).toBe('offline');
      expect(elsewhere).toEqual([]);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });
});
