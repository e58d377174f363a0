/**
 * A row's details: the trend with dates, the rank over the days of the local history, creators.
 * Loaded on the first expand (Details.tsx), with its charts and the creators' pictures.
 */
import './RowDetails.css';
import { Component, type ComponentChild } from 'preact';
import { formatNumber } from '../lib/format';
import { t } from '../lib/i18n';
import type { Hashtag, TrendPoint } from '../lib/trending/types';
import { Avatar } from './Avatar';
import { dayToTime, drawDetail, drawRank } from './detail-charts';
import { movementText, sinceYesterday } from './movement';
import { TrendChart } from './TrendChart';

export type RankHistory = { day: string; rank: number }[];

export interface RowDetailsProps {
  tag: Hashtag;
  id: string;
  rankYesterday: number | undefined;
  periodDays: number;
  loadHistory: (name: string) => Promise<RankHistory>;
  /** The row's watch toggle, offered again here. */
  watch?: ComponentChild;
}

/** "Up 3 places over 7 days; ↑2 since yesterday" */
export function changeText(tag: Hashtag, periodDays: number, rankYesterday?: number): string {
  const m = movementText(tag);
  const over =
    m.tone === 'new' || m.tone === 'none' ? m.label : t('changeOverDays', m.label, periodDays);
  const since = sinceYesterday(tag.rank, rankYesterday);
  return since ? t('changeAndSince', over, since.toLocaleLowerCase()) : over;
}

/** A class, like TrendChart, so the popup needs no preact/hooks. */
export class RowDetails extends Component<RowDetailsProps, { ranks: TrendPoint[] }> {
  state = { ranks: [] as TrendPoint[] };
  private gone = false;

  componentDidMount() {
    this.props.loadHistory(this.props.tag.name).then(
      (history) =>
        this.gone ||
        this.setState({ ranks: history.map((h) => ({ time: dayToTime(h.day), value: h.rank })) }),
      () => undefined,
    );
  }

  componentWillUnmount() {
    this.gone = true;
  }

  render(
    { tag, id, rankYesterday, periodDays, watch }: RowDetailsProps,
    { ranks }: { ranks: TrendPoint[] },
  ) {
    return (
      <div class="details" id={id}>
        <TrendChart
          points={tag.trend}
          kind="detail"
          label={t('tagOverDays', `#${tag.name}`, periodDays)}
          draw={drawDetail}
        />
        <dl class="facts">
          <div>
            <dt>{t('posts')}</dt>
            <dd>{formatNumber(tag.posts)}</dd>
          </div>
          <div>
            <dt>{t('views')}</dt>
            <dd>{formatNumber(tag.views)}</dd>
          </div>
          <div>
            <dt>{t('rankN', tag.rank)}</dt>
            <dd>{changeText(tag, periodDays, rankYesterday)}</dd>
          </div>
          {tag.industry && (
            <div>
              <dt>{t('industry')}</dt>
              <dd>{tag.industry.name}</dd>
            </div>
          )}
          {tag.country && (
            <div>
              <dt>{t('region')}</dt>
              <dd>{tag.country.name}</dd>
            </div>
          )}
        </dl>
        {watch}
        {ranks.length > 1 && (
          <>
            <h2 class="sub">{t('rankOnDaysLooked')}</h2>
            <TrendChart points={ranks} kind="rank" label={`#${tag.name}`} draw={drawRank} />
          </>
        )}
        {tag.creators.length > 0 && (
          <>
            <h2 class="sub">{t('topCreators')}</h2>
            <ul class="creators">
              {tag.creators.map((c, i) => (
                <li key={`${i}:${c.name}`}>
                  <Avatar creator={c} />
                  <span class="creator-name">{c.name}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    );
  }
}
