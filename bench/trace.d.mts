// Types for bench/trace.mjs (imported by bench/popup.bench.ts).
import type { CDPSession } from 'playwright-core';

export function startTrace(
  cdp: CDPSession,
  options?: { samples?: boolean },
): Promise<() => Promise<unknown[]>>;
export function printTrace(label: string, events: unknown[]): void;
export function pageTimeline(label: string, events: unknown[], url: string, until: number): string;
