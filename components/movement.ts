/** Rank movement in words and symbols, for the list, screen readers and the CSV. Pure. */
import { t } from '../lib/i18n';
import type { Hashtag } from '../lib/trending/types';

export interface MovementText {
  /** What the row shows: "↑3", "↓12", "=", "NEW", "–". */
  symbol: string;
  /** The same for screen readers and tooltips: "Up 3 places". */
  label: string;
  /** Plain text for the CSV: "up 3", "down 12", "same", "new", "". */
  csv: string;
  tone: 'up' | 'down' | 'same' | 'new' | 'none';
}

/** The API's movement over the chosen period, with the number of places where it has one. */
export function movementText(tag: Pick<Hashtag, 'movement' | 'rankDiff'>): MovementText {
  const diff = tag.rankDiff === null ? null : Math.abs(tag.rankDiff);
  switch (tag.movement) {
    case 'up':
      return diff
        ? {
            symbol: `↑${diff}`,
            label: diff === 1 ? t('moveUpOne') : t('moveUpN', diff),
            csv: `up ${diff}`,
            tone: 'up',
          }
        : { symbol: '↑', label: t('moveUp'), csv: 'up', tone: 'up' };
    case 'down':
      return diff
        ? {
            symbol: `↓${diff}`,
            label: diff === 1 ? t('moveDownOne') : t('moveDownN', diff),
            csv: `down ${diff}`,
            tone: 'down',
          }
        : { symbol: '↓', label: t('moveDown'), csv: 'down', tone: 'down' };
    case 'same':
      return { symbol: '=', label: t('moveSame'), csv: 'same', tone: 'same' };
    case 'new':
      return { symbol: t('moveNewSymbol'), label: t('moveNew'), csv: 'new', tone: 'new' };
    default:
      return { symbol: '–', label: t('moveNone'), csv: '', tone: 'none' };
  }
}

/**
 * The change against yesterday's rank from the local history: "↑2 since yesterday". Null when the
 * history has no rank for yesterday.
 */
export function sinceYesterday(rank: number, yesterday: number | undefined): string | null {
  if (yesterday === undefined || !Number.isFinite(yesterday)) return null;
  const diff = yesterday - rank;
  if (diff > 0) return t('upSinceYesterday', diff);
  if (diff < 0) return t('downSinceYesterday', -diff);
  return t('sameAsYesterday');
}
