import { describe, expect, it } from 'vitest';
import { nextLocalMidnight } from '../format';
import { trendError } from '../keyapi/errors';
import {
  afterFailure,
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  blockingError,
  gatesOpenAt,
  NO_GATES,
  type Gates,
} from './gates';

const NOW = new Date(2026, 10, 26, 15, 0, 0).getTime();

describe('gates', () => {
  it('backs off exponentially after 429/5xx/network trouble, capped', () => {
    let gates: Gates = NO_GATES;
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      gates = afterFailure(gates, trendError(i % 2 ? 'server' : 'rate-limited'), NOW);
      waits.push(gates.backoff!.until - NOW);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60].map((m) => m * BACKOFF_BASE_MS));
    expect(waits.at(-1)).toBe(BACKOFF_CAP_MS);
  });

  it('honours a longer Retry-After, within reason', () => {
    const later = afterFailure(
      NO_GATES,
      trendError('rate-limited', null, { retryAt: NOW + 600_000 }),
      NOW,
    );
    expect(later.backoff!.until).toBe(NOW + 600_000);
    const absurd = afterFailure(
      NO_GATES,
      trendError('rate-limited', null, { retryAt: NOW + 9e12 }),
      NOW,
    );
    expect(absurd.backoff!.until).toBe(NOW + 6 * 3_600_000);
  });

  it('does not gate on errors that concern one request only', () => {
    for (const kind of ['bad-request', 'forbidden', 'bad-response'] as const) {
      expect(afterFailure(NO_GATES, trendError(kind), NOW)).toEqual(NO_GATES);
    }
  });

  it('stops after 402 for the rest of the local day, unless the user asks', () => {
    const gates = afterFailure(NO_GATES, trendError('out-of-credits'), NOW);
    expect(blockingError(gates, NOW)?.kind).toBe('out-of-credits');
    expect(blockingError(gates, NOW, { userAsked: true })).toBeNull();
    expect(blockingError(gates, nextLocalMidnight(NOW))).toBeNull();
    expect(gatesOpenAt(gates, NOW)).toBe(nextLocalMidnight(NOW));
  });

  it('stops after 401 until the key changes, whoever asks', () => {
    const gates = afterFailure(NO_GATES, trendError('invalid-key'), NOW);
    expect(blockingError(gates, NOW + 7 * 86_400_000, { userAsked: true })?.kind).toBe(
      'invalid-key',
    );
    expect(gatesOpenAt(gates, NOW)).toBe(Infinity);
  });

  it('lets the user retry through a network back-off, not through a server one', () => {
    const offline = afterFailure(NO_GATES, trendError('offline'), NOW);
    expect(blockingError(offline, NOW)?.kind).toBe('offline');
    expect(blockingError(offline, NOW, { userAsked: true })).toBeNull();
    const limited = afterFailure(NO_GATES, trendError('rate-limited'), NOW);
    expect(blockingError(limited, NOW, { userAsked: true })?.kind).toBe('rate-limited');
    expect(blockingError(limited, NOW + BACKOFF_BASE_MS)).toBeNull();
  });
});
