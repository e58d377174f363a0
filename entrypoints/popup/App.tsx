/** The popup: header with filters and search, then the ranked list or the state that replaces it. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { errorText, type ErrorAction, type ErrorText } from '../../components/errorText';
import { Filters } from '../../components/Filters';
import { Icon } from '../../components/icons';
import { isSearchShortcut } from '../../components/listKeys';
import { Skeleton } from '../../components/Skeleton';
import { OptionsButton, StatusBar } from '../../components/StatusBar';
import { focusRow, TrendList } from '../../components/TrendList';
import { useStore } from '../../components/useStore';
import { Welcome } from '../../components/Welcome';
import { nextLocalMidnight } from '../../lib/format';
import { regionName } from '../../lib/markets';
import {
  CREDITS_PER_REQUEST,
  DEFAULT_FILTERS,
  PAGE_SIZE,
  type Hashtag,
} from '../../lib/trending/types';
import { buildCsv, csvFileName } from './csv';
import { tagFromHash, type Radar } from './radar';

const openOptions = () => void browser.runtime.openOptionsPage();

function download(name: string, text: string) {
  // The BOM lets spreadsheet apps read non-Latin hashtag names as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function App({ radar, ready }: { radar: Radar; ready: Promise<void> }) {
  const s = useStore(radar);
  const [now, setNow] = useState(Date.now);
  const [copiedId, setCopiedId] = useState<string | null>(null);
  const [said, say] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    const onKey = (e: KeyboardEvent) => {
      if (!isSearchShortcut(e) || !search.current) return;
      e.preventDefault();
      search.current.select();
    };
    document.addEventListener('keydown', onKey);
    const wanted = tagFromHash(location.hash);
    void ready.then(() => wanted && reveal(wanted));
    return () => {
      clearInterval(tick);
      document.removeEventListener('keydown', onKey);
      radar.stop();
    };
  }, []);

  /** Opened from tiktok.com's "Open in Hashtag Radar": expand that row, or search for it. */
  function reveal(name: string) {
    const lower = name.toLocaleLowerCase();
    const { items } = radar.get();
    const index = items.findIndex((t) => t.name.toLocaleLowerCase() === lower);
    if (index < 0) {
      radar.setQuery(name);
      return;
    }
    radar.toggle(items[index].id);
    requestAnimationFrame(() => {
      const ol = main.current?.querySelector('ol') ?? null;
      focusRow(ol, index);
      ol?.children[index]?.scrollIntoView({ block: 'center' });
    });
  }

  async function copy(tag: Hashtag) {
    const text = `#${tag.name}`;
    try {
      await navigator.clipboard.writeText(text);
      setCopiedId(tag.id);
      say(`Copied ${text}`);
      setTimeout(() => setCopiedId((id) => (id === tag.id ? null : id)), 1600);
    } catch {
      say(`Could not copy ${text}: the browser did not allow it.`);
    }
  }

  function exportCsv() {
    const v = s.view!;
    download(
      csvFileName(v.filters, v.fetchedAt, now),
      buildCsv({ items: s.shown, filters: v.filters, fetchedAt: v.fetchedAt }),
    );
    say(`Exported ${s.shown.length} hashtags as CSV`);
  }

  function act(action: ErrorAction) {
    if (action === 'options') openOptions();
    else if (action === 'reset-filters') void radar.setFilters(DEFAULT_FILTERS);
    else void radar.retry();
  }

  if (s.needsKey) {
    return (
      <>
        <header class="top">
          <div class="bar">
            <h1 class="title">Hashtag Radar</h1>
            <OptionsButton onClick={openOptions} />
          </div>
        </header>
        <main>
          <Welcome
            onOpenOptions={openOptions}
            onTrySample={() => void radar.useSampleData()}
            busy={s.pending}
          />
        </main>
      </>
    );
  }

  const { view, items, shown, query, filters } = s;
  const notice: ErrorText | null = s.failure
    ? {
        message: 'Hashtag Radar could not reach its background service.',
        detail: null,
        action: 'retry',
        actionLabel: 'Try again',
      }
    : view?.error
      ? errorText(view.error, {
          now,
          fetchedAt: view.fetchedAt,
          hasItems: items.length > 0,
          budgetResetsAt: s.credits?.resetsAt ?? nextLocalMidnight(now),
          dailyBudget: s.credits?.dailyBudget ?? 0,
        })
      : null;
  const loading = view ? items.length === 0 && view.refreshing && !view.error : !s.failure;
  const setFilters = (patch: Parameters<Radar['setFilters']>[0]) => void radar.setFilters(patch);

  return (
    <>
      <header class="top">
        <StatusBar
          view={view}
          credits={s.credits}
          now={now}
          busy={s.pending || !!view?.refreshing}
          onRefresh={() => void radar.refresh()}
          onOptions={openOptions}
        />
        <Filters value={filters} onChange={setFilters} />
        <div class="tools">
          <input
            ref={search}
            class="search"
            type="search"
            aria-label="Search hashtags"
            placeholder="Search hashtags  ( / )"
            autocomplete="off"
            spellcheck={false}
            value={query}
            onInput={(e) => radar.setQuery(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && query) {
                e.preventDefault();
                radar.setQuery('');
              }
            }}
          />
          <button type="button" class="button" disabled={shown.length === 0} onClick={exportCsv}>
            <Icon name="download" />
            Export CSV
          </button>
        </div>
      </header>
      <main ref={main}>
        {s.sample && (
          <p class="sample-label">
            <strong>Sample data — not live.</strong>{' '}
            <button type="button" class="link" onClick={openOptions}>
              Add your API key
            </button>{' '}
            for today's list.
          </p>
        )}
        {notice && <ErrorNotice text={notice} onAction={act} busy={s.pending} />}
        {loading ? (
          <Skeleton />
        ) : view && items.length === 0 && !view.error ? (
          <EmptyState filters={filters} onChange={setFilters} />
        ) : (
          <>
            {query && shown.length === 0 && items.length > 0 && (
              <div class="empty">
                <p>No loaded hashtag matches “{query}”.</p>
                <button type="button" class="button" onClick={() => radar.setQuery('')}>
                  Clear search
                </button>
              </div>
            )}
            {shown.length > 0 && (
              <TrendList
                items={shown}
                expandedId={s.expanded}
                copiedId={copiedId}
                rankYesterday={view?.rankYesterday ?? {}}
                periodDays={filters.period}
                label={`Trending hashtags, ${regionName(filters.region)}, last ${filters.period} days`}
                onToggle={radar.toggle}
                onCopy={(tag) => void copy(tag)}
                loadHistory={radar.rankHistory}
              />
            )}
            {s.canShowMore && (
              <button
                type="button"
                class="button more"
                disabled={s.pending}
                onClick={() => void radar.showMore()}
              >
                Show more
                <span class="cost">
                  · ranks {items.length + 1}–{Math.min(items.length + PAGE_SIZE, 100)} ·{' '}
                  {s.sample ? 'free' : `${CREDITS_PER_REQUEST} credits`}
                </span>
              </button>
            )}
          </>
        )}
      </main>
      <p class="sr-only" role="status">
        {said}
      </p>
    </>
  );
}
