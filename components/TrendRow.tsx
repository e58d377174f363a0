/** One ranked hashtag: rank, #name, numbers, sparkline, movement, and its actions. */
import { Component } from 'preact';
import { formatCompact } from '../lib/format';
import { t } from '../lib/i18n';
import { sameProps } from '../lib/same';
import type { Hashtag } from '../lib/trending/types';
import { Icon } from './icons';
import { sinceYesterday } from './movement';
import { Details } from './Details';
import { drawSpark } from './charts';
import { RankChange } from './RankChange';
import type { RankHistory } from './RowDetails';
import { TrendChart } from './TrendChart';

export interface TrendRowProps {
  tag: Hashtag;
  expanded: boolean;
  copied: boolean;
  rankYesterday: number | undefined;
  periodDays: number;
  onToggle: (id: string) => void;
  onCopy: (tag: Hashtag) => void;
  loadHistory: (name: string) => Promise<RankHistory>;
  /** Watched and selected (the popup's marks); without `onWatch` the row offers neither. */
  watched?: boolean;
  selected?: boolean;
  onWatch?: (name: string, watched: boolean) => void;
  onSelect?: (name: string) => void;
}

export function tagUrl(name: string): string {
  return `https://www.tiktok.com/tag/${encodeURIComponent(name)}`;
}

/**
 * A class so a row whose props are the same skips re-rendering: a newer list keeps unchanged
 * hashtags as the same objects (merge.ts), and Show more, a refresh or the clock re-render the list.
 */
export class TrendRow extends Component<TrendRowProps> {
  shouldComponentUpdate(next: TrendRowProps) {
    return !sameProps(this.props, next);
  }

  render(props: TrendRowProps) {
    return row(props);
  }
}

function row({
  tag,
  expanded,
  copied,
  rankYesterday,
  periodDays,
  onToggle,
  onCopy,
  loadHistory,
  watched,
  selected,
  onWatch,
  onSelect,
}: TrendRowProps) {
  const name = `#${tag.name}`;
  const copyLabel = copied ? t('copiedTag', name) : t('copyTag', name);
  const openLabel = t('openOnTikTok', name);
  const detailsId = `details-${tag.id}`;
  const since = sinceYesterday(tag.rank, rankYesterday);
  const extra = [tag.industry?.name, since].filter(Boolean).join(' · ');
  return (
    <li class={expanded ? 'row open' : 'row'} value={tag.rank}>
      <div class="row-main">
        {onSelect && (
          <input
            type="checkbox"
            class="select"
            aria-label={t('selectTag', name)}
            checked={selected}
            onChange={() => onSelect(tag.name)}
          />
        )}
        <span class="rank" aria-hidden="true">
          {tag.rank}
        </span>
        <button
          type="button"
          class="row-toggle"
          aria-expanded={expanded}
          aria-controls={expanded ? detailsId : undefined}
          onClick={() => onToggle(tag.id)}
        >
          <span class="tag-line">
            <span class="sr-only">{t('rowRank', tag.rank)} </span>
            <span class="tag-name">{name}</span>
            {tag.promoted && <span class="promoted">{t('promoted')}</span>}
          </span>
          <span class="meta">
            {t('postsAndViews', formatCompact(tag.posts), formatCompact(tag.views))}
          </span>
          {extra && <span class="meta meta-extra">{extra}</span>}
        </button>
        <TrendChart points={tag.trend} kind="spark" label={name} draw={drawSpark} />
        <RankChange tag={tag} />
        <div class="row-actions">
          <button
            type="button"
            class="icon-button"
            aria-label={copyLabel}
            title={copied ? t('copied') : copyLabel}
            onClick={() => onCopy(tag)}
          >
            <Icon name={copied ? 'check' : 'copy'} />
          </button>
          <a
            class="icon-button"
            href={tagUrl(tag.name)}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={openLabel}
            title={openLabel}
          >
            <Icon name="open" />
          </a>
          {onWatch && <WatchToggle name={tag.name} watched={!!watched} onWatch={onWatch} />}
        </div>
      </div>
      {expanded && (
        <Details
          tag={tag}
          id={detailsId}
          rankYesterday={rankYesterday}
          periodDays={periodDays}
          loadHistory={loadHistory}
          watch={
            onWatch && <WatchToggle name={tag.name} watched={!!watched} onWatch={onWatch} text />
          }
        />
      )}
    </li>
  );
}

/** "Watch #name", pressed while watched (the name stays; the pressed state and the icon change). */
export function WatchToggle({
  name,
  watched,
  onWatch,
  text,
}: {
  name: string;
  watched: boolean;
  onWatch: (name: string, watched: boolean) => void;
  /** With the word "Watch" beside the icon (the expanded row). */
  text?: boolean;
}) {
  const label = t('watchTag', `#${name}`);
  return (
    <button
      type="button"
      class={text ? 'button watch' : 'icon-button watch'}
      aria-label={text ? undefined : label}
      aria-pressed={watched}
      title={label}
      onClick={() => onWatch(name, !watched)}
    >
      <Icon name="star" />
      {text && (
        <>
          {t('watchText')}
          <span class="sr-only"> #{name}</span>
        </>
      )}
    </button>
  );
}
