/**
 * The numeric settings' ranges and their check, apart from the rest of settings.ts, so a page that
 * only reads them (the popup's first read) does not carry the settings' repair and its notices.
 */
export const REFRESH_HOURS = { min: 1, max: 24, default: 12 } as const;
export const DAILY_BUDGET = { min: 2, max: 100_000, default: 100 } as const;

/** `value` if it is a whole number within `range`, else the range's default. */
export function inRangeOr(value: unknown, range: { min: number; max: number; default: number }) {
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= range.min &&
    value <= range.max
    ? value
    : range.default;
}
