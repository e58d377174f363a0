/**
 * When the search matches no row: "Watch #text" for a text that is a hashtag (the highlighter's
 * grammar), or what is wrong with it.
 */
import './watch.css';
import { Icon } from '../../components/icons';
import { t } from '../../lib/i18n';
import { checkWatchName, watchKey } from '../../lib/watch/name';
import type { MarksStore } from './marks';

export function WatchQuery({ query, marks }: { query: string; marks: MarksStore }) {
  const checked = checkWatchName(query);
  if (!checked.ok) return <p class="field-error">{checked.error}</p>;
  const { name } = checked;
  const watched = marks.get().watched.has(watchKey(name));
  return (
    <button
      type="button"
      class="button watch"
      aria-pressed={watched}
      onClick={() => void marks.setWatched(name, !watched)}
    >
      <Icon name="star" />
      {t('watchTag', `#${name}`)}
    </button>
  );
}
