/**
 * The Changes view: the watchlist's change events, newest first, the unseen ones marked. Opening it
 * marks what it shows seen (up to the newest event shown, so one that arrives meanwhile stays
 * unseen), which clears the toolbar badge. Events that arrive while it is open (a refresh landed)
 * are added at the top, marked new like the first ones, and marked seen in turn. Each event opens
 * its hashtag's row. Loaded when opened.
 */
import './watch.css';
import { Component } from 'preact';
import { filtersText } from '../../components/filtersText';
import { formatAge } from '../../lib/format';
import { t } from '../../lib/i18n';
import { Empty, Pending } from './ViewStates';
import { sendMessage } from '../../lib/messaging';
import { describeEvent } from '../../lib/watch/summary';
import type { ChangeEvent } from '../../lib/watch/types';
import type { MarksStore } from './marks';

export interface ChangesProps {
  /** Its unseen count says when new events arrived. */
  marks: MarksStore;
  /** Shows the hashtag's row in the list. */
  onOpen: (name: string) => void;
}

interface State {
  events: ChangeEvent[] | null;
  failed: string | null;
}

export class Changes extends Component<ChangesProps, State> {
  state: State = { events: null, failed: null };
  /** Events unseen when this view showed them: they keep their "New" mark while it is open. */
  private fresh = new Set<string>();
  private loading = false;
  /** New events arrived while loading: load again once done. */
  private again = false;
  private stop?: () => void;

  componentDidMount() {
    void this.load();
    // Unseen events while open: a refresh brought new ones (those shown were marked seen).
    this.stop = this.props.marks.subscribe(() => {
      if (this.props.marks.get().unseen === 0) return;
      if (this.loading) this.again = true;
      else void this.load();
    });
  }

  componentWillUnmount() {
    this.stop?.();
  }

  private async load() {
    this.loading = true;
    try {
      const { events, unseen } = await sendMessage('getChanges');
      for (const e of events) if (!e.seen) this.fresh.add(e.id);
      this.setState({ events, failed: null });
      if (unseen > 0) await sendMessage('markChangesSeen', { upTo: events[0]!.time });
    } catch (error) {
      this.setState({ failed: error instanceof Error ? error.message : String(error) });
    } finally {
      this.loading = false;
    }
    if (this.again) {
      this.again = false;
      void this.load();
    }
  }

  render({ onOpen }: ChangesProps, { events, failed }: State) {
    if (failed || !events) return <Pending failed={failed} loading={t('changesLoading')} />;
    if (events.length === 0) {
      return (
        <Empty title={t('changesEmptyTitle')}>
          <p>{t('changesEmptyText')}</p>
        </Empty>
      );
    }
    const now = Date.now();
    return (
      <ol class="changes" aria-label={t('changesView')}>
        {events.map((e) => (
          <li key={e.id} class={this.fresh.has(e.id) ? 'change unseen' : 'change'}>
            <button type="button" class="change-open" onClick={() => onOpen(e.tag)}>
              {this.fresh.has(e.id) && <span class="new-mark">{t('changeNew')}</span>}
              <span class="change-text">{describeEvent(e)}</span>
              <span class="meta">
                {formatAge(e.time, now)} · {filtersText(e.filters)}
              </span>
            </button>
          </li>
        ))}
      </ol>
    );
  }
}
