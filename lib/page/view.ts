/**
 * "On this page" as the side panel shows it: the names a tab reported, ranked by the list the page
 * is marked with (the default filters, as deep as the highlighting). Pure.
 */
import { normalizeTagName } from '../highlight/grammar';
import type { Hashtag, TrendError, TrendFilters, TrendView } from '../trending/types';
import type { StoredPage } from './store';

export interface CaptionEntry {
  /** As the caption writes it. */
  name: string;
  /** The trending hashtag, or null: not in the list to `depth`. */
  tag: Hashtag | null;
}

export interface PageTagsView {
  /** The list the names are ranked by. */
  filters: TrendFilters;
  /** How deep: the ranks the page is marked to. */
  depth: number;
  source: TrendView['source'];
  fetchedAt: number | null;
  /** Why there is no list (no key, an error) when there is none. */
  error: TrendError | null;
  /** Marking is on: the content script reads the page. */
  highlight: boolean;
  /** When the tab last reported, or null: nothing from it yet. */
  reportedAt: number | null;
  /** The tab was open before this version started: its page may run an older script, or none. */
  olderTab: boolean;
  /** Trending hashtags found on the page, by rank. */
  found: Hashtag[];
  /** On a video page, the caption's hashtags in its order; otherwise null. */
  caption: CaptionEntry[] | null;
  rankYesterday: Record<string, number>;
}

export interface PageTagsInput {
  page: StoredPage | null;
  view: TrendView;
  depth: number;
  highlight: boolean;
  olderTab: boolean;
}

export function buildPageTagsView({
  page,
  view,
  depth,
  highlight,
  olderTab,
}: PageTagsInput): PageTagsView {
  const byName = new Map<string, Hashtag>();
  for (const tag of view.items) {
    const key = normalizeTagName(tag.name);
    if (tag.rank <= depth && !byName.has(key)) byName.set(key, tag);
  }
  const found = (page?.names ?? [])
    .map((name) => byName.get(normalizeTagName(name)))
    .filter((tag): tag is Hashtag => tag !== undefined)
    .sort((a, b) => a.rank - b.rank);
  const seen = new Set<string>();
  const caption =
    page?.caption?.flatMap((name) => {
      const key = normalizeTagName(name);
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ name, tag: byName.get(key) ?? null }];
    }) ?? null;
  const shown = [...found, ...(caption ?? []).flatMap((c) => (c.tag ? [c.tag] : []))];
  const rankYesterday: Record<string, number> = {};
  for (const tag of shown) {
    const key = tag.name.toLowerCase();
    if (view.rankYesterday[key] !== undefined) rankYesterday[key] = view.rankYesterday[key];
  }
  return {
    filters: view.filters,
    depth,
    source: view.source,
    fetchedAt: view.fetchedAt,
    error: view.items.length === 0 ? view.error : null,
    highlight,
    reportedAt: page?.at ?? null,
    olderTab,
    found: [...new Set(found)],
    caption,
    rankYesterday,
  };
}
