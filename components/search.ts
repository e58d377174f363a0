/** The popup's search box: narrows the loaded list by name, no request. Pure. */
import type { Hashtag } from '../lib/trending/types';

/** The query as it is matched: trimmed, without leading `#`, case-folded. */
export function normalizeQuery(query: string): string {
  return query.trim().replace(/^#+/, '').toLocaleLowerCase();
}

export function filterByQuery<T extends Pick<Hashtag, 'name'>>(items: T[], query: string): T[] {
  const q = normalizeQuery(query);
  if (!q) return items;
  return items.filter((item) => item.name.toLocaleLowerCase().includes(q));
}
