/** Numbers, dates and ages for people, in the browser's locale. */
import { t } from './i18n';

const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat();

/** 48.2B, 1.2M, 12.5K, 999. */
export function formatCompact(n: number): string {
  return compact.format(n);
}

export function formatNumber(n: number): string {
  return whole.format(n);
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'long' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "updated 3 hours ago", "updated just now". */
export function formatAge(then: number, now = Date.now()): string {
  const diff = Math.max(0, now - then);
  for (const [unit, ms] of UNITS) {
    if (diff >= ms) return relative.format(-Math.floor(diff / ms), unit);
  }
  return t('justNow');
}

const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** A date from Unix seconds, short: "Nov 26". */
export function formatDay(unixSeconds: number): string {
  return dayFormat.format(new Date(unixSeconds * 1000));
}

/** Local calendar day `YYYY-MM-DD` (credits and history are counted per local day). */
export function localDay(time: number | Date = Date.now()): string {
  const d = new Date(time);
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  const dd = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${mm}-${dd}`;
}

/** The next local midnight after `time`, ms since epoch. */
export function nextLocalMidnight(time: number = Date.now()): number {
  const d = new Date(time);
  d.setHours(24, 0, 0, 0);
  return d.getTime();
}
