/** The default filters' ranking as the cache holds it: what watching reads instead of asking the API. */
import { SAMPLE_FETCHED_AT, sampleHashtags } from '../sample';
import { highlightPages, readSampleMode, readSettings } from '../trending/context';
import { readEntries, type CacheEntry } from '../trending/store';
import { PAGE_SIZE, type TrendFilters } from '../trending/types';
import type { Ranking } from './engine';
import type { KnownRanking } from './view';

/** The ranks a set of cached pages holds: null unless every page has been fetched. */
export function rankingFromEntries(
  filters: TrendFilters,
  entries: (CacheEntry | null)[],
  source: Ranking['source'],
): Ranking | null {
  const depth = entries.length * PAGE_SIZE;
  if (!entries.length || entries.some((e) => !e?.data || e.fetchedAt === null)) return null;
  const names: string[] = [];
  for (const item of entries.flatMap((e) => e!.data!.items)) {
    if (item.rank < 1 || item.rank > depth || names[item.rank - 1]) continue;
    while (names.length < item.rank - 1) names.push('');
    names[item.rank - 1] = item.name;
  }
  return { filters, depth, source, pagesFetchedAt: entries.map((e) => e!.fetchedAt!), names };
}

/** The whole top N the schedule fetches (N = the highlight depth), or null while a page is missing. */
export async function scheduledRanking(): Promise<Ranking | null> {
  const settings = await readSettings();
  const entries = await readEntries(settings.defaults, highlightPages(settings));
  const source = (await readSampleMode()) ? 'sample' : 'live';
  return rankingFromEntries(settings.defaults, entries, source);
}

/** As much of that top N as is known now (the pages fetched so far, or the sample data). */
export async function knownRanking(): Promise<KnownRanking> {
  const settings = await readSettings();
  const filters = settings.defaults;
  const pages = highlightPages(settings);
  if (await readSampleMode()) {
    const names = sampleHashtags(filters)
      .slice(0, pages * PAGE_SIZE)
      .map((h) => h.name);
    return {
      filters,
      source: 'sample',
      names,
      depth: pages * PAGE_SIZE,
      fetchedAt: SAMPLE_FETCHED_AT,
    };
  }
  const entries = await readEntries(filters, pages);
  const missing = entries.findIndex((e) => !e?.data || e.fetchedAt === null);
  const loaded = missing < 0 ? entries : entries.slice(0, missing);
  const ranking = rankingFromEntries(filters, loaded, 'live');
  return {
    filters,
    source: 'live',
    names: ranking?.names ?? [],
    depth: loaded.length * PAGE_SIZE,
    fetchedAt: ranking ? Math.min(...ranking.pagesFetchedAt) : null,
  };
}
