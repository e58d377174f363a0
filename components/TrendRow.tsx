/** One ranked hashtag: rank, #name, numbers, sparkline, movement, and its actions. */
import { formatCompact } from '../lib/format';
import { t } from '../lib/i18n';
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
}

export function tagUrl(name: string): string {
  return `https://www.tiktok.com/tag/${encodeURIComponent(name)}`;
}

export function TrendRow({
  tag,
  expanded,
  copied,
  rankYesterday,
  periodDays,
  onToggle,
  onCopy,
  loadHistory,
}: TrendRowProps) {
  const name = `#${tag.name}`;
  const detailsId = `details-${tag.id}`;
  const since = sinceYesterday(tag.rank, rankYesterday);
  const extra = [tag.industry?.name, since].filter(Boolean).join(' · ');
  return (
    <li class={expanded ? 'row open' : 'row'} value={tag.rank}>
      <div class="row-main">
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
            aria-label={copied ? t('copiedTag', name) : t('copyTag', name)}
            title={copied ? t('copied') : t('copyTag', name)}
            onClick={() => onCopy(tag)}
          >
            <Icon name={copied ? 'check' : 'copy'} />
          </button>
          <a
            class="icon-button"
            href={tagUrl(tag.name)}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t('openOnTikTok', name)}
            title={t('openOnTikTok', name)}
          >
            <Icon name="open" />
          </a>
        </div>
      </div>
      {expanded && (
        <Details
          tag={tag}
          id={detailsId}
          rankYesterday={rankYesterday}
          periodDays={periodDays}
          loadHistory={loadHistory}
        />
      )}
    </li>
  );
}
