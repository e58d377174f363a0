/**
 * Checks on what the mock API recorded, shared by the Chromium and the Firefox real-browser tests.
 */
import { expect } from 'vitest';
import { API_HOST, TRENDING_PATH, type MockServer } from './server';

/**
 * Waits for a trending request for `region`, then checks every trending request so far: a GET
 * with `Authorization: Bearer <key>`, the first for the region on page 1 with at most 20 items; and
 * that the key went to api.keyapi.ai and nowhere else.
 */
export async function expectKeyAndRegionAtApi(
  server: MockServer,
  key: string,
  region: string,
): Promise<void> {
  await expect
    .poll(() => server.apiRequests().filter((r) => r.query.region === region).length, {
      timeout: 20_000,
    })
    .toBeGreaterThan(0);
  const calls = server.apiRequests();
  for (const call of calls) {
    expect(call.method).toBe('GET');
    expect(call.headers.authorization).toBe(`Bearer ${key}`);
  }
  const first = calls.find((r) => r.query.region === region)!;
  expect(first.path).toBe(TRENDING_PATH);
  expect(first.query.page ?? '1').toBe('1');
  expect(Number(first.query.limit ?? '20')).toBeLessThanOrEqual(20);
  const elsewhere = server.requests.filter((r) => r.host !== API_HOST);
  expect(JSON.stringify(elsewhere.map((r) => [r.path, r.query, r.headers]))).not.toContain(key);
}
