/**
 * Credits spent per local day. A request is counted before it is sent (so two at once cannot both
 * slip under the budget) and given back only when it never left the machine (offline).
 */
import * as v from 'valibot';
import { localDay, nextLocalMidnight } from '../format';
import { defineVaultItem } from '../vault';
import { serialized } from './serial';
import { CREDITS_PER_REQUEST, type CreditStatus } from './types';

export interface DayCount {
  requests: number;
  credits: number;
}
export interface CreditLog {
  days: Record<string, DayCount>;
}

const KEEP_DAYS = 31;

const DayCountSchema = v.object({
  requests: v.pipe(v.number(), v.integer(), v.minValue(0)),
  credits: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A damaged day is dropped on its own; the other days are kept. */
const CreditLogSchema = v.pipe(
  v.object({ days: v.record(v.string(), v.unknown()) }),
  v.transform(({ days }): CreditLog => ({
    days: Object.fromEntries(
      Object.entries(days).filter(
        (entry): entry is [string, DayCount] =>
          DAY.test(entry[0]) && v.is(DayCountSchema, entry[1]),
      ),
    ),
  })),
);

/** In the vault: a page context must not be able to reset the day's spending and so the budget. */
export const creditsItem = defineVaultItem<CreditLog>('radar:credits', {
  fallback: { days: {} },
  schema: CreditLogSchema,
});

function readLog(): Promise<CreditLog> {
  return creditsItem.getValue();
}

function pruned(log: CreditLog, now: number): CreditLog {
  const oldest = localDay(now - KEEP_DAYS * 86_400_000);
  return { days: Object.fromEntries(Object.entries(log.days).filter(([day]) => day >= oldest)) };
}

export function spentToday(log: CreditLog, now: number): DayCount {
  return log.days[localDay(now)] ?? { requests: 0, credits: 0 };
}

/** Counts one request if today's budget allows it; returns the day it was counted on, or null. */
export function reserveRequest(budget: number, now = Date.now()): Promise<string | null> {
  return serialized('credits', async () => {
    const log = await readLog();
    const today = spentToday(log, now);
    if (today.credits + CREDITS_PER_REQUEST > budget) return null;
    const day = localDay(now);
    log.days[day] = {
      requests: today.requests + 1,
      credits: today.credits + CREDITS_PER_REQUEST,
    };
    await creditsItem.setValue(pruned(log, now));
    return day;
  });
}

/** Gives back a request that never reached the API. */
export function refundRequest(day: string): Promise<void> {
  return serialized('credits', async () => {
    const log = await readLog();
    const count = log.days[day];
    if (!count) return;
    log.days[day] = {
      requests: Math.max(0, count.requests - 1),
      credits: Math.max(0, count.credits - CREDITS_PER_REQUEST),
    };
    await creditsItem.setValue(log);
  });
}

export async function budgetLeft(budget: number, now = Date.now()): Promise<number> {
  return Math.max(0, budget - spentToday(await readLog(), now).credits);
}

export async function creditStatus(budget: number, now = Date.now()): Promise<CreditStatus> {
  const log = await readLog();
  const today = spentToday(log, now);
  const last7Days = Array.from({ length: 7 }, (_, i) => {
    const day = localDay(new Date(now).setHours(12, 0, 0, 0) - (6 - i) * 86_400_000);
    const count = log.days[day] ?? { requests: 0, credits: 0 };
    return { day, credits: count.credits, requests: count.requests };
  });
  return {
    day: localDay(now),
    requestsToday: today.requests,
    creditsToday: today.credits,
    dailyBudget: budget,
    resetsAt: nextLocalMidnight(now),
    last7Days,
  };
}
