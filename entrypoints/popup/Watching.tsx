/**
 * The Watching view: each watched hashtag with its rank now for the default filters (or "not in
 * the top N", N being what was fetched), how far it moved since watching started, its rank over the
 * days of the local history, and since when it is out. Loaded when first opened.
 */
import './watch.css';
import { Component } from 'preact';
import { filtersText } from '../../components/filtersText';
import { TrendChart } from '../../components/TrendChart';
import { WatchToggle } from '../../components/TrendRow';
import { dayToTime } from '../../components/detail-charts';
import { formatAge } from '../../lib/format';
import { t } from '../../lib/i18n';
import { Empty, Pending } from './ViewStates';
import { sendMessage } from '../../lib/messaging';
import { watchKey } from '../../lib/watch/name';
import type { WatchRow, WatchView } from '../../lib/watch/types';
import type { MarksStore } from './marks';
import { drawRankSpark } from './rank-spark';

export interface WatchingProps {
  marks: MarksStore;
  /** Shows the hashtag's row in the list. */
  onOpen: (name: string) => void;
}

const day = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const date = (time: number) => day.format(new Date(time));

/** "#3", or "Not in the top 20 since Dec 2" (N as deep as the ranking known goes). */
export function rankText(row: WatchRow, depth: number): string {
  if (row.rank !== null) return t('rankN', row.rank);
  if (depth === 0) return t('watchNoRanking');
  return row.outSince === null
    ? t('watchNotInTop', depth)
    : t('watchOutSince', depth, date(row.outSince));
}

/** "Up 4 since you started watching (Dec 2)", or when it started, where no move is known. */
export function movedText(row: WatchRow): string {
  const since = date(row.since);
  if (row.moved === null) return t('watchSince', since);
  if (row.moved > 0) return t('watchMovedUp', row.moved, since);
  if (row.moved < 0) return t('watchMovedDown', -row.moved, since);
  return t('watchMovedNone', since);
}

interface State {
  view: WatchView | null;
  failed: string | null;
}

/** A row unwatched in this view, and where it was: it stays there until the view closes. */
interface Kept {
  row: WatchRow;
  index: number;
}

export class Watching extends Component<WatchingProps, State> {
  state: State = { view: null, failed: null };
  private stops: (() => void)[] = [];
  /** What the view was loaded for: the names watched and the unseen changes. */
  private loadedFor = '';
  /**
   * Rows unwatched here, by watchKey, kept in place with the star off so that a second press (the
   * background keeps the start for minutes) undoes a slip.
   */
  private kept = new Map<string, Kept>();
  /** Presses of this view's stars still being saved: the view asks once each is saved. */
  private saving = 0;

  componentDidMount() {
    void this.load();
    // A tag watched or unwatched, or a refresh that changed something: ask again.
    this.stops.push(
      this.props.marks.subscribe(() => {
        // The marks change as a star is pressed, before the background has saved it.
        if (this.saving === 0 && this.loadedFor !== this.basis()) void this.load();
      }),
    );
  }

  componentWillUnmount() {
    this.stops.forEach((stop) => stop());
  }

  private basis() {
    const { watched, unseen } = this.props.marks.get();
    return `${[...watched].join(' ')} ${unseen}`;
  }

  private async load() {
    this.loadedFor = this.basis();
    try {
      const view = await sendMessage('getWatchlist');
      // A kept row watched again is back in the list, with the start the background kept (an
      // answer given before the background saved an unwatch still lists it: not watched, kept).
      const { watched } = this.props.marks.get();
      for (const tag of view.tags) {
        if (watched.has(watchKey(tag.name))) this.kept.delete(watchKey(tag.name));
      }
      this.setState({ view, failed: null });
    } catch (error) {
      this.setState({ failed: error instanceof Error ? error.message : String(error) });
    }
  }

  render({ marks, onOpen }: WatchingProps, { view, failed }: State) {
    if (failed || !view) return <Pending failed={failed} loading={t('watchLoading')} />;
    const shown = [...view.tags];
    for (const [key, { row, index }] of this.kept) {
      if (!shown.some((r) => watchKey(r.name) === key)) shown.splice(index, 0, row);
    }
    if (shown.length === 0) {
      return (
        <Empty title={t('watchEmptyTitle')}>
          <p>{t('watchEmptyText')}</p>
          <p>{t('watchEmptyCost')}</p>
        </Empty>
      );
    }
    const rows = marks.rows();
    const onWatch = (name: string, watched: boolean) => {
      const key = watchKey(name);
      const index = shown.findIndex((r) => watchKey(r.name) === key);
      if (!watched && index >= 0) this.kept.set(key, { row: shown[index]!, index });
      this.saving++;
      void marks.setWatched(name, watched).then(() => {
        this.saving--;
        void this.load();
      });
    };
    const known =
      view.depth > 0
        ? t(
            'watchRankedBy',
            view.depth,
            filtersText(view.filters),
            view.fetchedAt ? formatAge(view.fetchedAt) : t('notUpdated'),
          )
        : t('watchNoRanking');
    return (
      <>
        <p class="page-note">
          {known}
          {view.source === 'sample' && ` · ${t('watchSample')}`}
        </p>
        <ul class="watch-list" aria-label={t('watchingView')}>
          {shown.map((row) => {
            const name = `#${row.name}`;
            const key = watchKey(row.name);
            const watched = rows.watched.has(key);
            return (
              <li key={key} class="watch-row">
                <input
                  type="checkbox"
                  class="select"
                  aria-label={t('selectTag', name)}
                  checked={rows.selected.has(key)}
                  onChange={() => rows.onSelect(row.name)}
                />
                <div class="watch-main">
                  <button type="button" class="link tag-name" onClick={() => onOpen(row.name)}>
                    {name}
                  </button>
                  <span class="watch-rank">{rankText(row, view.depth)}</span>
                  <span class="meta">{watched ? movedText(row) : t('watchStopped')}</span>
                </div>
                <TrendChart
                  points={row.series.map((p) => ({ time: dayToTime(p.day), value: p.rank }))}
                  kind="rank"
                  label={name}
                  draw={drawRankSpark}
                />
                <WatchToggle name={row.name} watched={watched} onWatch={onWatch} />
              </li>
            );
          })}
        </ul>
        <p class="page-note">{t('watchCount', view.tags.length, view.max)}</p>
      </>
    );
  }
}
