/**
 * Which hashtags the panel offers: the popup's selection first (in the order picked), then the
 * trending list by rank, leaving out what the caption already has. Pure.
 */
import { normalizeTagName } from '../highlight/grammar';
import type { HighlightSet, HighlightTag } from '../trending/types';

/** Trending suggestions shown at most (the selection comes on top of these). */
export const MAX_TRENDING_SUGGESTIONS = 10;
/** Selected hashtags shown at most: the popup's tray allows more than five, not endlessly. */
export const MAX_SELECTED_SUGGESTIONS = 10;

export interface Suggestion {
  name: string;
  /** Its entry in the trending list, when it is in it. */
  tag: HighlightTag | null;
}

export interface Suggestions {
  selected: Suggestion[];
  trending: Suggestion[];
}

/** The trending list as a lookup by normalized name (the best rank where a name repeats). */
export function tagsByKey(tags: readonly HighlightTag[]): Map<string, HighlightTag> {
  const byKey = new Map<string, HighlightTag>();
  for (const tag of tags) {
    const key = normalizeTagName(tag.name);
    const seen = byKey.get(key);
    if (!seen || tag.rank < seen.rank) byKey.set(key, tag);
  }
  return byKey;
}

export function chooseSuggestions(
  tags: readonly HighlightTag[],
  selection: readonly string[],
  inCaption: ReadonlySet<string>,
): Suggestions {
  const byKey = tagsByKey(tags);
  const taken = new Set(inCaption);
  const selected: Suggestion[] = [];
  for (const name of selection) {
    const key = normalizeTagName(name);
    if (taken.has(key) || selected.length >= MAX_SELECTED_SUGGESTIONS) continue;
    taken.add(key);
    selected.push({ name, tag: byKey.get(key) ?? null });
  }
  const trending: Suggestion[] = [];
  for (const tag of [...byKey.values()].sort((a, b) => a.rank - b.rank)) {
    if (trending.length >= MAX_TRENDING_SUGGESTIONS) break;
    if (taken.has(normalizeTagName(tag.name))) continue;
    trending.push({ name: tag.name, tag });
  }
  return { selected, trending };
}

/**
 * Whether the set can back suggestions: live data with at least one hashtag. No data yet, an error
 * (the background then sends no tags) and sample mode all mean nothing to insert.
 */
export function hasLiveTrending(set: HighlightSet | null): set is HighlightSet {
  return set !== null && set.source === 'live' && set.tags.length > 0;
}
