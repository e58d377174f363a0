/** Change events in words, for the notification (and any view that lists them). */
import { t } from '../i18n';
import type { ChangeEvent, ChangeKind } from './types';

/** What a notification leads with: a watched tag entering or leaving, then the biggest move. */
const PRIORITY: Record<ChangeKind, number> = {
  entered: 0,
  dropped: 1,
  up: 2,
  down: 2,
  newcomer: 3,
};

export function describeEvent(e: ChangeEvent): string {
  const tag = `#${e.tag}`;
  switch (e.kind) {
    case 'entered':
      return t('changeEntered', tag, e.depth, e.newRank ?? 0);
    case 'dropped':
      return t('changeDropped', tag, e.depth, e.oldRank ?? 0);
    case 'up':
      return t('changeUp', tag, e.oldRank ?? 0, e.newRank ?? 0);
    case 'down':
      return t('changeDown', tag, e.oldRank ?? 0, e.newRank ?? 0);
    case 'newcomer':
      return t('changeNewcomer', tag, e.newRank ?? 0);
  }
}

function moveSize(e: ChangeEvent): number {
  return Math.abs((e.oldRank ?? 0) - (e.newRank ?? 0));
}

/** One line for a refresh's events: "#booktok entered the top 20 at #14; 2 more changes". */
export function summarizeEvents(events: ChangeEvent[]): string {
  const lead = [...events].sort(
    (a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || moveSize(b) - moveSize(a),
  )[0];
  if (!lead) return '';
  const more = events.length - 1;
  if (more === 0) return describeEvent(lead);
  if (more === 1) return t('changesOneMore', describeEvent(lead));
  return t('changesMore', describeEvent(lead), more);
}
