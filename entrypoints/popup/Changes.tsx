/**
 * The Changes view: the watchlist's change events, newest first, the unseen ones marked. Opening it
 * marks what it shows seen (up to the newest event shown, so one that arrives meanwhile stays
 * unseen), which clears the toolbar badge. Each event opens its hashtag's row. Loaded when opened.
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

export interface ChangesProps {
  /** Shows the hashtag's row in the list. */
  onOpen: (name: string) => void;
}

interface State {
  events: ChangeEvent[] | null;
  failed: string | null;
}

export class Changes extends Component<ChangesProps, State> {
  state: State = { events: null, failed: null };

  componentDidMount() {
    void this.load();
  }

  private async load() {
    try {
      const { events, unseen } = await sendMessage('getChanges');
      this.setState({ events, failed: null });
      if (unseen > 0) await sendMessage('markChangesSeen', { upTo: events[0]!.time });
    } catch (error) {
      this.setState({ failed: error instanceof Error ? error.message : String(error) });
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
          <li key={e.id} class={e.seen ? 'change' : 'change unseen'}>
            <button type="button" class="change-open" onClick={() => onOpen(e.tag)}>
              {!e.seen && <span class="new-mark">{t('changeNew')}</span>}
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
