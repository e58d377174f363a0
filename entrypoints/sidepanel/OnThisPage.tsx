/**
 * "On this page": the trending hashtags the tab beside the panel shows, ranked as its marks are
 * (the default filters, to the highlight depth), with the list's own rows; on a video page, every
 * hashtag of the video's caption with its rank or "not trending". When the tab cannot tell, it
 * says why (page-watch.ts) and what to do. Loaded on demand by the side panel only.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { copyTag } from '../../components/copyTag';
import { ErrorNotice } from '../../components/ErrorNotice';
import { errorText } from '../../components/errorText';
import { filtersText } from '../../components/filtersText';
import { RankChange } from '../../components/RankChange';
import { TrendList, type RowMarks } from '../../components/TrendList';
import { formatAge, nextLocalMidnight } from '../../lib/format';
import { t, type MessageKey } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging';
import type { CaptionEntry, PageTagsView } from '../../lib/page/view';
import type { Hashtag } from '../../lib/trending/types';
import type { MarksStore } from '../popup/marks';
import { reloadTab, watchPage, type PageStatus, type PageWatch } from './page-watch';

export interface OnThisPageProps {
  /** Watched and selected hashtags, shared with the app's other views. */
  marks: MarksStore;
  /** The tab beside the panel is on tiktok.com (its script answered). */
  onTikTok: () => void;
}

const openOptions = () => void browser.runtime.openOptionsPage();

/** What "On this page" says of a tab whose content script did not answer (page-watch.ts). */
const SILENT_TAB: Record<'loading' | 'not-tiktok' | 'reload' | 'no-answer', MessageKey> = {
  loading: 'pageLoading',
  'not-tiktok': 'pageNotTikTok',
  reload: 'pageReload',
  'no-answer': 'pageNoAnswer',
};

/** A state without names: what it means, and the one thing to do about it. */
function Said({ text, action }: { text: string; action?: { label: string; run: () => void } }) {
  return (
    <div class="empty" role="status">
      <p>{text}</p>
      {action && (
        <button type="button" class="button" onClick={action.run}>
          {action.label}
        </button>
      )}
    </div>
  );
}

function CaptionList({ caption, depth }: { caption: CaptionEntry[]; depth: number }) {
  if (caption.length === 0) return <p class="page-note">{t('pageCaptionNone')}</p>;
  return (
    <ul class="caption-tags" aria-labelledby="caption-heading">
      {caption.map(({ name, tag }) => (
        <li key={name}>
          <span class="tag-name">#{name}</span>
          {tag ? (
            <span class="caption-rank">
              {t('rankN', tag.rank)} <RankChange tag={tag} />
            </span>
          ) : (
            <span class="caption-rank muted">{t('pageNotTrending', depth)}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function OnThisPage({ onTikTok, marks }: OnThisPageProps) {
  const [status, setStatus] = useState<PageStatus>({ kind: 'checking' });
  const [now, setNow] = useState(Date.now());
  const [expanded, setExpanded] = useState<string | null>(null);
  const [copiedId, setCopiedId] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const watch = useRef<PageWatch | null>(null);

  const [, setMarks] = useState(marks.get());
  useEffect(() => marks.subscribe(() => setMarks(marks.get())), [marks]);

  useEffect(() => {
    watch.current = watchPage((next) => {
      setStatus(next);
      if (next.kind === 'ready') onTikTok();
    });
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    return () => {
      watch.current?.stop();
      clearInterval(tick);
    };
  }, []);

  const retry = () => watch.current?.retry();
  const reload = (tabId: number) => () => void reloadTab(tabId).then(retry, retry);
  const copy = async (tag: Hashtag) => {
    const result = await copyTag(tag.name);
    setSaid(result.said);
    if (!result.copied) return;
    setCopiedId(tag.id);
    setTimeout(() => setCopiedId((id) => (id === tag.id ? null : id)), 1600);
  };

  let body;
  if (status.kind === 'checking') {
    body = (
      <p class="page-note" role="status" aria-busy="true">
        {t('pageChecking')}
      </p>
    );
  } else if (status.kind === 'failed') {
    body = <Said text={t('backgroundUnreachable')} action={{ label: t('tryAgain'), run: retry }} />;
  } else if (status.kind === 'ready') {
    body = (
      <Ready
        view={status.view}
        now={now}
        expanded={expanded}
        copiedId={copiedId}
        onToggle={(id) => setExpanded((open) => (open === id ? null : id))}
        onCopy={(tag) => void copy(tag)}
        onRetry={retry}
        marks={marks.rows()}
      />
    );
  } else {
    // A tab whose script did not answer: what that means, and a reload where one helps.
    const tabId = 'tabId' in status ? status.tabId : null;
    body = (
      <Said
        text={t(SILENT_TAB[status.kind])}
        action={tabId === null ? undefined : { label: t('reloadTab'), run: reload(tabId) }}
      />
    );
  }
  // The selection tray is the app's, in the header above.
  return (
    <div class="page-view">
      {body}
      <p class="sr-only" role="status">
        {said}
      </p>
    </div>
  );
}

interface ReadyProps {
  view: PageTagsView;
  now: number;
  expanded: string | null;
  copiedId: string | null;
  onToggle: (id: string) => void;
  onCopy: (tag: Hashtag) => void;
  onRetry: () => void;
  marks: RowMarks;
}

function Ready({ view, now, expanded, copiedId, onToggle, onCopy, onRetry, marks }: ReadyProps) {
  if (!view.highlight) {
    return <Said text={t('pageMarkingOff')} action={{ label: t('options'), run: openOptions }} />;
  }
  if (view.error) {
    const text = errorText(view.error, {
      now,
      fetchedAt: view.fetchedAt,
      hasItems: false,
      budgetResetsAt: nextLocalMidnight(now),
      dailyBudget: 0,
    });
    return (
      <ErrorNotice text={text} onAction={(a) => (a === 'options' ? openOptions() : onRetry())} />
    );
  }
  const age = view.fetchedAt ? t('updatedAge', formatAge(view.fetchedAt, now)) : t('notUpdated');
  return (
    <>
      <p class="page-note">
        {t('pageRankedBy', view.depth, filtersText(view.filters))} · {age}
      </p>
      <h2 id="found-heading" class="section-title">
        {t('pageFoundHeading', view.found.length)}
      </h2>
      {view.found.length > 0 ? (
        <TrendList
          items={view.found}
          expandedId={expanded}
          copiedId={copiedId}
          rankYesterday={view.rankYesterday}
          periodDays={view.filters.period}
          label={t('pageFoundHeading', view.found.length)}
          onToggle={onToggle}
          onCopy={onCopy}
          loadHistory={(name) => sendMessage('getRankHistory', { filters: view.filters, name })}
          marks={marks}
        />
      ) : (
        <Said
          text={view.reportedAt === null ? t('pageNothingYet') : t('pageNoneTrending', view.depth)}
        />
      )}
      {view.caption && (
        <section class="caption" aria-labelledby="caption-heading">
          <h2 id="caption-heading" class="section-title">
            {t('pageCaptionHeading')}
          </h2>
          <CaptionList caption={view.caption} depth={view.depth} />
        </section>
      )}
    </>
  );
}
