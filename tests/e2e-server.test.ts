/**
 * The e2e mock server checked on its own (no browser): the trending endpoint as the OpenAPI file
 * describes it, every selectable misbehaviour, request recording, and the tiktok.com fixture routes.
 * Requests go through real TLS with the server's certificate checked for each mocked hostname.
 */
import { request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  API_ERROR_MESSAGES,
  EVERYDAY_TAGS,
  fixtureFileFor,
  startMockServer,
  TRENDING_PATH,
  type ApiErrorStatus,
  type ApiItem,
  type MockServer,
} from '../e2e/server';

const KEY = 'sk_live_selftest0123';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: () => any;
}

let server: MockServer;

function get(
  host: string,
  path: string,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
  servername = host,
): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        servername,
        ca: server.cert,
        headers: { host, ...headers },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          done({
            status: res.statusCode!,
            headers: res.headers,
            text,
            json: () => JSON.parse(text),
          });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', fail);
    req.end();
  });
}

const api = (query = '', key: string | null = KEY) =>
  get(
    'api.keyapi.ai',
    `${TRENDING_PATH}${query ? `?${query}` : ''}`,
    key === null ? {} : { authorization: `Bearer ${key}` },
  );

const ITEM_KEYS = [
  'country_info',
  'creators',
  'hashtag_id',
  'hashtag_name',
  'industry_info',
  'is_promoted',
  'publish_cnt',
  'rank',
  'rank_diff_type',
  'trend',
  'video_views',
];

const names = (items: ApiItem[]) => items.map((i) => i.hashtag_name);

beforeAll(async () => {
  server = await startMockServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.api.respondWith({ kind: 'ok' });
  server.api.acceptKeys(null);
  server.resetRequests();
});

describe('trending endpoint', () => {
  test('answers 401 with the API body when there is no Bearer key', async () => {
    const variants: Record<string, string>[] = [
      {},
      { authorization: KEY },
      { authorization: 'Bearer ' },
    ];
    for (const headers of variants) {
      const res = await get('api.keyapi.ai', TRENDING_PATH, headers);
      expect(res.status).toBe(401);
      expect(res.json()).toEqual({ code: 401, data: null, message: 'apiKey is null' });
    }
  });

  test('pages the 100 items of the default filter set like the OpenAPI example', async () => {
    const res = await api(
      'page=1&limit=20&period=7&region=all_regions&industry_id=nothing&new_to_top_100=false',
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json();
    expect(body).toMatchObject({ code: 0, message: 'success' });
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.data.pagination).toEqual({ page: 1, size: 20, total: 100, has_more: true });
    expect(body.data.list).toEqual(server.api.hashtags().slice(0, 20));
    const item: ApiItem = body.data.list[0];
    expect(Object.keys(item).sort()).toEqual(ITEM_KEYS);
    expect(item).toMatchObject({ hashtag_name: 'fyp', rank: 1 });
    expect(Object.keys(item.country_info).sort()).toEqual(['id', 'label', 'value']);
    expect(typeof item.industry_info.id).toBe('number');
    expect(item.industry_info.label).toBe(`label_${item.industry_info.id}`);
    expect(item.trend).toHaveLength(7);
    expect(Math.max(...item.trend.map((p) => p.value))).toBe(1);
    expect(item.trend[6]!.time - item.trend[0]!.time).toBe(6 * 86_400);
    expect(item.creators[0]).toEqual({
      nick_name: expect.any(String),
      avatar_url: expect.stringMatching(/^https:\/\/p16-sign-sg\.tiktokcdn\.com\//),
    });
    expect([1, 2, 3, 4]).toContain(item.rank_diff_type);
  });

  test('uses the documented defaults and treats limit above 20 as 20', async () => {
    const plain = (await api()).json();
    expect(plain.data.pagination).toEqual({ page: 1, size: 20, total: 100, has_more: true });
    expect(plain.data.list).toEqual(server.api.hashtags().slice(0, 20));

    const big = (await api('limit=50')).json();
    expect(big.data.list).toHaveLength(20);
    expect(big.data.pagination.size).toBe(20);

    const small = (await api('page=3&limit=7')).json();
    expect(small.data.list.map((i: ApiItem) => i.rank)).toEqual([15, 16, 17, 18, 19, 20, 21]);

    const last = (await api('page=5&limit=20')).json();
    expect(last.data.list.map((i: ApiItem) => i.rank)).toEqual(
      Array.from({ length: 20 }, (_, i) => 81 + i),
    );
    expect(last.data.pagination.has_more).toBe(false);

    const beyond = (await api('page=6')).json();
    expect(beyond.data.list).toEqual([]);
    expect(beyond.data.pagination).toEqual({ page: 6, size: 20, total: 100, has_more: false });
  });

  test('rejects values the API does not know with 400', async () => {
    for (const [query, param] of [
      ['limit=0', 'limit'],
      ['page=zero', 'page'],
      ['period=14', 'period'],
      ['region=us', 'region'],
      ['industry_id=1', 'industry_id'],
      ['new_to_top_100=yes', 'new_to_top_100'],
    ]) {
      const res = await api(query);
      expect(res.status, query).toBe(400);
      expect(res.json()).toEqual({ code: 400, data: null, message: `Invalid parameter: ${param}` });
    }
  });

  test('gives each filter set its own deterministic 100 hashtags', async () => {
    const sets = [
      {},
      { region: 'JP' as const },
      { region: 'US' as const },
      { period: 30 as const },
      { industry: '27000000000' as const },
      { newToTop100: true },
    ];
    const tops = sets.map((f) => names(server.api.hashtags(f)).slice(0, 10).join(' '));
    expect(new Set(tops).size).toBe(sets.length);
    for (const f of sets) {
      const items = server.api.hashtags(f);
      expect(items).toEqual(server.api.hashtags(f));
      expect(items.map((i) => i.rank)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      expect(new Set(names(items)).size).toBe(100);
      expect(names(items)).toEqual(expect.arrayContaining([...EVERYDAY_TAGS]));
    }
    const fallback = names(server.api.hashtags());
    expect(fallback.slice(0, 5)).toEqual(['fyp', 'foryou', 'foryoupage', 'viral', 'trending']);
    expect(fallback.filter((n) => /[^\p{ASCII}]/u.test(n)).length).toBeGreaterThanOrEqual(10);
    expect(fallback.slice(0, 20)).toEqual(expect.arrayContaining(['おすすめ', 'café', 'اكسبلور']));

    const jp = (await api('region=JP')).json().data.list as ApiItem[];
    expect(jp).toEqual(server.api.hashtags({ region: 'JP' }).slice(0, 20));
    expect(new Set(jp.map((i) => i.country_info.id))).toEqual(new Set(['JP']));
    expect(jp.slice(0, 10).map((i) => i.hashtag_name)).toContain('おすすめ');

    const food = server.api.hashtags({ industry: '27000000000' });
    expect(new Set(food.map((i) => i.industry_info.id))).toEqual(new Set([27_000_000_000]));
    expect(server.api.hashtags({ newToTop100: true }).every((i) => i.rank_diff_type === 4)).toBe(
      true,
    );
    expect(server.api.hashtags({ period: 120 })[0]!.trend).toHaveLength(120);
  });
});

describe('selectable behaviours', () => {
  test.each([400, 401, 402, 403, 429, 500, 503] as ApiErrorStatus[])(
    'status %i with the API error body',
    async (status) => {
      server.api.respondWith({ kind: 'status', status });
      const res = await api();
      expect(res.status).toBe(status);
      expect(res.json()).toEqual({ code: status, data: null, message: API_ERROR_MESSAGES[status] });
    },
  );

  test('the documented messages and custom ones, with extra headers', async () => {
    expect(API_ERROR_MESSAGES).toMatchObject({
      400: 'Missing required parameter: handle',
      401: 'apiKey is null',
      402: 'apiKey quota is not enough',
      429: 'qps limit exceeded',
      500: 'Internal server error',
    });
    server.api.respondWith({
      kind: 'status',
      status: 429,
      message: 'slow down',
      headers: { 'retry-after': '7' },
    });
    const res = await api();
    expect(res.headers['retry-after']).toBe('7');
    expect(res.json().message).toBe('slow down');
  });

  test('code != 0 on HTTP 200, a non-JSON body and a wrong shape', async () => {
    server.api.nextResponses(
      { kind: 'code', code: 402, message: 'apiKey quota is not enough' },
      { kind: 'nonJson' },
      { kind: 'nonJson', status: 502 },
      { kind: 'wrongShape' },
    );
    const code = await api();
    expect(code.status).toBe(200);
    expect(code.json()).toEqual({ code: 402, data: null, message: 'apiKey quota is not enough' });
    const html = await api();
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(() => html.json()).toThrow();
    expect((await api()).status).toBe(502);
    const shape = (await api()).json();
    expect(shape.code).toBe(0);
    expect(shape.data.list).toBeUndefined();
  });

  test('one-shot behaviours are used in order, then the standing one', async () => {
    server.api.respondWith({ kind: 'status', status: 500 });
    server.api.nextResponses({ kind: 'ok' }, { kind: 'status', status: 429 });
    expect((await api()).status).toBe(200);
    expect((await api()).status).toBe(429);
    expect((await api()).status).toBe(500);
    expect((await api()).status).toBe(500);
  });

  test('a delay answers late, as its `then` or the standing behaviour', async () => {
    server.api.nextResponses(
      { kind: 'delay', ms: 300 },
      { kind: 'delay', ms: 50, then: { kind: 'status', status: 402 } },
    );
    const start = Date.now();
    const late = await api();
    expect(Date.now() - start).toBeGreaterThanOrEqual(290);
    expect(late.status).toBe(200);
    expect((await api()).status).toBe(402);
  });

  test('a stall never answers', async () => {
    server.api.nextResponses({ kind: 'stall' });
    await expect(
      get('api.keyapi.ai', TRENDING_PATH, { authorization: `Bearer ${KEY}` }, 400),
    ).rejects.toThrow('timeout');
    expect(server.apiRequests()).toHaveLength(1);
    expect((await api()).status).toBe(200);
  });

  test('exact items, paged, with their own total', async () => {
    const items = server.api.hashtags({ region: 'FR' }).slice(0, 3);
    server.api.respondWith({ kind: 'items', items });
    const body = (await api()).json();
    expect(body.data.list).toEqual(items);
    expect(body.data.pagination).toEqual({ page: 1, size: 20, total: 3, has_more: false });
    server.api.respondWith({ kind: 'items', items, total: 100 });
    expect((await api('limit=2&page=2')).json().data).toEqual({
      list: items.slice(2),
      pagination: { page: 2, size: 2, total: 100, has_more: true },
    });
  });

  test('a bad item lacks its name and rank; the others are whole', async () => {
    server.api.respondWith({ kind: 'badItem' });
    const list: Partial<ApiItem>[] = (await api()).json().data.list;
    expect(list).toHaveLength(20);
    expect(list[2]).not.toHaveProperty('hashtag_name');
    expect(list[2]).not.toHaveProperty('rank');
    expect(list.filter((i) => i.hashtag_name === undefined)).toHaveLength(1);
  });

  test('a huge body is still valid JSON of the right shape', async () => {
    server.api.respondWith({ kind: 'huge', bytes: 3_000_000 });
    const res = await api();
    expect(Buffer.byteLength(res.text)).toBeGreaterThanOrEqual(3_000_000);
    expect(res.json().data.list).toEqual(server.api.hashtags().slice(0, 20));
  });

  test('acceptKeys turns other keys away with 401', async () => {
    server.api.acceptKeys([KEY]);
    expect((await api()).status).toBe(200);
    const wrong = await api('', 'sk_live_other');
    expect(wrong.status).toBe(401);
    expect(wrong.json()).toEqual({ code: 401, data: null, message: 'apiKey is invalid' });
  });
});

describe('request recording', () => {
  test('records host, path, query and headers of every request', async () => {
    const before = Date.now();
    await api('region=JP&limit=5');
    await get('api.keyapi.ai', '/v1/other');
    await get('www.tiktok.com', '/basic?lang=en');
    expect(server.requests.map((r) => `${r.host}${r.path}`)).toEqual([
      `api.keyapi.ai${TRENDING_PATH}`,
      'api.keyapi.ai/v1/other',
      'www.tiktok.com/basic',
    ]);
    const [call] = server.apiRequests();
    expect(server.apiRequests()).toHaveLength(1);
    expect(call).toMatchObject({ method: 'GET', query: { region: 'JP', limit: '5' } });
    expect(call!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(call!.time).toBeGreaterThanOrEqual(before);
    expect(server.requests[2]!.query).toEqual({ lang: 'en' });
    server.resetRequests();
    expect(server.requests).toHaveLength(0);
  });

  test('unknown API paths are 404 and unknown hosts 421', async () => {
    expect((await get('api.keyapi.ai', '/v1/other')).json()).toEqual({
      code: 404,
      data: null,
      message: 'Not found',
    });
    // A name Chromium is not told to map; TLS still names a mocked host, as the Host header may differ.
    expect((await get('example.com', '/', {}, 10_000, 'api.keyapi.ai')).status).toBe(421);
  });
});

describe('tiktok.com fixtures', () => {
  test('routes paths the way the site does', () => {
    expect(fixtureFileFor('/')).toBe('index.html');
    expect(fixtureFileFor('/foryou')).toBe('index.html');
    expect(fixtureFileFor('/@mochi.cafe/video/7301234567890')).toBe('video.html');
    expect(fixtureFileFor('/tag/%E7%8C%AB')).toBe('tag.html');
    expect(fixtureFileFor('/search')).toBe('search.html');
    expect(fixtureFileFor('/search/video')).toBe('search.html');
    expect(fixtureFileFor('/feed')).toBe('feed.html');
    expect(fixtureFileFor('/basic')).toBe('basic.html');
    // TikTok Studio's upload page and the older ones, at their real paths.
    expect(fixtureFileFor('/tiktokstudio/upload')).toBe('upload.html');
    expect(fixtureFileFor('/creator-center/upload')).toBe('upload.html');
    expect(fixtureFileFor('/upload')).toBe('upload.html');
    expect(fixtureFileFor('/tiktokstudio/content')).toBeNull();
    expect(fixtureFileFor('/build/upload-editor.js')).toBe('build/upload-editor.js');
    expect(fixtureFileFor('/static/feed.js')).toBe('static/feed.js');
    expect(fixtureFileFor('/../server.ts')).toBeNull();
    expect(fixtureFileFor('/a/b')).toBeNull();
  });

  test('serves fixture pages on both hostnames, overrides, and 404s', async () => {
    for (const host of ['www.tiktok.com', 'tiktok.com']) {
      const page = await get(host, '/basic');
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.text).toContain('data-e2e="browse-video-desc"');
      expect(page.text).toContain('href="/tag/%E3%81%8A%E3%81%99%E3%81%99%E3%82%81"');
    }
    server.tiktok.setPage('/basic', '<p>override</p>');
    server.tiktok.setPage('/made-up', '<p>made up</p>');
    expect((await get('www.tiktok.com', '/basic')).text).toBe('<p>override</p>');
    expect((await get('www.tiktok.com', '/made-up')).text).toBe('<p>made up</p>');
    expect((await get('www.tiktok.com', '/no-such-page')).status).toBe(404);
    expect((await get('www.tiktok.com', '/%2e%2e/server.ts')).status).toBe(404);
    expect((await get('www.tiktok.com', '/favicon.ico')).status).toBe(204);
  });
});
