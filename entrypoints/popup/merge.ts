/**
 * A newer list on top of the one on screen (the background's answer after the popup's own read, or
 * after a refresh landed): every hashtag that did not change stays the very object already shown,
 * so its row and sparkline are left alone; the list and yesterday's ranks stay the same objects when
 * nothing in them changed. Rows are keyed by id, so a changed list updates in place. Pure.
 */
import { sameData } from '../../lib/same';
import { filtersKey, type ListView } from '../../lib/trending/types';

export function mergeView<V extends ListView>(shown: ListView | null, next: V): V {
  if (!shown || filtersKey(shown.filters) !== filtersKey(next.filters)) return next;
  const byId = new Map(shown.items.map((item) => [item.id, item]));
  const items = next.items.map((item) => {
    const old = byId.get(item.id);
    return old && sameData(old, item) ? old : item;
  });
  const unchanged =
    items.length === shown.items.length && items.every((item, i) => item === shown.items[i]);
  return {
    ...next,
    items: unchanged ? shown.items : items,
    rankYesterday: sameData(shown.rankYesterday, next.rankYesterday)
      ? shown.rankYesterday
      : next.rankYesterday,
  };
}
