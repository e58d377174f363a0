/**
 * What stops the service from asking the API, kept in storage so a restarted worker still knows:
 * an invalid key (until a new key or a good answer), out of credits (until a new key, the user asks
 * again, or the day changes), and back-off after 429/5xx/network trouble (exponential, capped).
 */
import * as v from 'valibot';
import { localDay, nextLocalMidnight } from '../format';
import { defineVaultItem } from '../vault';
import { serialized } from './serial';
import { StoredErrorSchema } from './stored-schema';
import type { TrendError } from './types';

export interface Backoff {
  until: number;
  /** Failures in a row; the next wait doubles. */
  level: number;
  error: TrendError;
}

export interface Gates {
  invalidKey: TrendError | null;
  outOfCredits: { day: string; error: TrendError } | null;
  backoff: Backoff | null;
}

export const NO_GATES: Gates = { invalidKey: null, outOfCredits: null, backoff: null };
export const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_CAP_MS = 60 * 60_000;
/** A server's Retry-After is honoured up to this. */
const RETRY_AFTER_CAP_MS = 6 * 60 * 60_000;

/** A damaged gate is dropped on its own; the others are kept. */
const gate = <T extends v.GenericSchema>(schema: T) =>
  v.optional(v.fallback(v.nullable(schema), null), null);
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const GatesSchema = v.object({
  invalidKey: gate(StoredErrorSchema),
  outOfCredits: gate(v.object({ day: v.string(), error: StoredErrorSchema })),
  backoff: gate(
    v.object({ until: v.pipe(v.number(), v.finite()), level: count, error: StoredErrorSchema }),
  ),
}) as v.GenericSchema<unknown, Gates>;

/** In the vault: a page context must not be able to lift a back-off or an out-of-credits stop. */
export const gatesItem = defineVaultItem<Gates>('radar:gates', {
  fallback: NO_GATES,
  schema: GatesSchema,
});

const BACKOFF_KINDS = new Set(['rate-limited', 'server', 'offline', 'timeout', 'storage-full']);

export function readGates(): Promise<Gates> {
  return gatesItem.getValue();
}

export function backoffDelay(level: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, level - 1));
}

/** The gates after a failed request. */
export function afterFailure(gates: Gates, error: TrendError, now: number): Gates {
  if (error.kind === 'invalid-key') return { ...gates, invalidKey: error };
  if (error.kind === 'out-of-credits') {
    const retryAt = nextLocalMidnight(now);
    return { ...gates, outOfCredits: { day: localDay(now), error: { ...error, retryAt } } };
  }
  if (!BACKOFF_KINDS.has(error.kind)) return gates;
  const level = (gates.backoff?.level ?? 0) + 1;
  const serverSays = Math.min(error.retryAt ?? 0, now + RETRY_AFTER_CAP_MS);
  const until = Math.max(now + backoffDelay(level), serverSays);
  return { ...gates, backoff: { until, level, error: { ...error, retryAt: until } } };
}

export function updateGates(change: (gates: Gates) => Gates): Promise<Gates> {
  return serialized('gates', async () => {
    const next = change(await readGates());
    await gatesItem.setValue(next);
    return next;
  });
}

export interface GateOptions {
  /** The user asked (retry button, key test): out-of-credits and network back-off let one through. */
  userAsked?: boolean;
}

/** Why a request may not be sent now, or null when it may. */
export function blockingError(
  gates: Gates,
  now: number,
  options: GateOptions = {},
): TrendError | null {
  if (gates.invalidKey) return gates.invalidKey;
  if (gates.outOfCredits && gates.outOfCredits.day === localDay(now) && !options.userAsked) {
    return gates.outOfCredits.error;
  }
  const backoff = gates.backoff;
  if (backoff && backoff.until > now) {
    const userMayRetry = options.userAsked && ['offline', 'timeout'].includes(backoff.error.kind);
    if (!userMayRetry) return backoff.error;
  }
  return null;
}

/** When the next automatic request may go, given the gates (ms since epoch; Infinity = not until the user acts). */
export function gatesOpenAt(gates: Gates, now: number): number {
  if (gates.invalidKey) return Infinity;
  let at = now;
  if (gates.outOfCredits?.day === localDay(now)) at = Math.max(at, nextLocalMidnight(now));
  if (gates.backoff) at = Math.max(at, gates.backoff.until);
  return at;
}
