/** "Export CSV": the shown list as RFC 4180 CSV that spreadsheets open safely. Pure. */
import { movementText } from '../../components/movement';
import type { Hashtag, TrendFilters } from '../../lib/trending/types';

export const CSV_COLUMNS = [
  'rank',
  'name',
  'posts',
  'views',
  'movement',
  'industry',
  'promoted',
  'region',
  'period',
  'fetched_at',
] as const;

/**
 * One cell. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe; quotes, commas and line breaks are quoted.
 */
export function csvCell(value: string | number | boolean): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvInput {
  items: Hashtag[];
  filters: TrendFilters;
  fetchedAt: number | null;
}

export function buildCsv({ items, filters, fetchedAt }: CsvInput): string {
  const fetched = fetchedAt === null ? '' : new Date(fetchedAt).toISOString();
  const rows = items.map((h) =>
    [
      h.rank,
      h.name,
      h.posts,
      h.views,
      movementText(h).csv,
      h.industry?.name ?? '',
      h.promoted,
      filters.region,
      filters.period,
      fetched,
    ]
      .map(csvCell)
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/** `hashtag-radar-US-7d-2026-11-26.csv` */
export function csvFileName(
  filters: TrendFilters,
  fetchedAt: number | null,
  now = Date.now(),
): string {
  const day = new Date(fetchedAt ?? now).toISOString().slice(0, 10);
  const parts = ['hashtag-radar', filters.region, `${filters.period}d`];
  if (filters.industry !== 'nothing') parts.push(filters.industry);
  if (filters.newToTop100) parts.push('new');
  return `${parts.join('-')}-${day}.csv`;
}

/** Saves `text` as a file named `name` (the browser's download). */
export function download(name: string, text: string) {
  // The BOM lets spreadsheet apps read non-Latin hashtag names as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
