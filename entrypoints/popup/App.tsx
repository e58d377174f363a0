/** The popup: header with filters and search, then the ranked list or the state that replaces it. */
import { Component, createRef, type ComponentChild } from 'preact';
import { browser } from 'wxt/browser';
import type { ErrorAction } from '../../components/errorText';
import { Filters } from '../../components/Filters';
import { Icon } from '../../components/icons';
import { lazy } from '../../components/lazy';
import { isSearchShortcut } from '../../components/listKeys';
import { Skeleton } from '../../components/Skeleton';
import { OptionsButton, StatusBar } from '../../components/StatusBar';
import { focusRow, TrendList } from '../../components/TrendList';
import { ViewTabs } from '../../components/ViewTabs';
import type { MarksStore } from './marks';
import { t } from '../../lib/i18n';
import { regionName } from '../../lib/markets';
import {
  CREDITS_PER_REQUEST,
  DEFAULT_FILTERS,
  PAGE_SIZE,
  type Hashtag,
} from '../../lib/trending/types';
import { copyTag } from '../../components/copyTag';
import { filtersText } from '../../components/filtersText';
import { tagFromHash, type Radar } from './radar';

const openOptions = () => void browser.runtime.openOptionsPage();

/** States most openings never show, loaded when shown: the first-run welcome, an empty list. */
const Welcome = lazy(() => import('../../components/Welcome').then((m) => m.Welcome));
const EmptyState = lazy(() => import('../../components/EmptyState').then((m) => m.EmptyState));
/** The watchlist's two views, loaded when first opened. */
const Watching = lazy(() => import('./Watching').then((m) => m.Watching));
const Changes = lazy(() => import('./Changes').then((m) => m.Changes));
/** A failure's notice, in words (Notice.tsx). */
const Notice = lazy(() => import('./Notice').then((m) => m.Notice));
/** The selection tray: its module loads as the popup opens, ahead of the first pick. */
const SelectionTray = lazy(() =>
  import('../../components/SelectionTray').then((m) => m.SelectionTray),
);
/** "Watch #text" for a search that matches no row. */
const WatchQuery = lazy(() => import('./WatchQuery').then((m) => m.WatchQuery));

/** The views, each a tab; `page` ("On this page") is the side panel's own. */
export type Tab = 'trending' | 'watching' | 'changes' | 'page';

interface AppProps {
  radar: Radar;
  /** The radar's first answer (main.tsx asks before the first render). */
  ready: Promise<void>;
  marks: MarksStore;
  /** The side panel's "On this page", a first tab, kept mounted (it watches the tab beside). */
  page?: ComponentChild;
  /** The view shown, where the host decides it (the side panel); else the app's own state. */
  tab?: Tab;
  /** A view picked, by a person or by a lookup (which shows the list). */
  onTab?: (tab: Tab) => void;
}

interface AppState {
  now: number;
  copiedId: string | null;
  /** The last confirmation for screen readers (copied, exported). */
  said: string;
  /** A looked-up hashtag that is not in the list: said above the search for it. */
  notListed: string | null;
  /** `popup.html#changes` (a notification's click) opens at the changes. Unless `props.tab`. */
  tab: Tab;
}

/** A class so the popup needs no preact/hooks (1 KB gzip of its 45 KB budget). */
export class App extends Component<AppProps, AppState> {
  state: AppState = {
    now: Date.now(),
    copiedId: null,
    said: '',
    notListed: null,
    tab: location.hash === '#changes' ? 'changes' : 'trending',
  };
  private search = createRef<HTMLInputElement>();
  /** The list's view (not On this page's, which lists rows too). */
  private list = createRef<HTMLDivElement>();
  private stops: (() => void)[] = [];
  private gone = false;

  componentDidMount() {
    const { radar, ready } = this.props;
    const tick = setInterval(() => this.setState({ now: Date.now() }), 30_000);
    const onKey = (e: KeyboardEvent) => {
      const search = this.search.current;
      if (!isSearchShortcut(e) || !search) return;
      e.preventDefault();
      search.select();
    };
    document.addEventListener('keydown', onKey);
    this.stops.push(
      radar.subscribe(() => this.forceUpdate()),
      this.props.marks.subscribe(() => this.forceUpdate()),
      () => clearInterval(tick),
      () => document.removeEventListener('keydown', onKey),
      radar.stop,
    );
    // A change between the first render and the subscription would otherwise be missed.
    this.forceUpdate();
    const wanted = tagFromHash(location.hash);
    void ready.then(() => wanted && this.reveal(wanted));
    // Lookups (context menu, hover card) with their module, after the first paint.
    void import('../../lib/panel/lookup').then(({ watchLookups }) => {
      if (this.gone) return;
      this.stops.push(
        watchLookups((name) => {
          this.setTab('trending');
          void ready.then(() => this.reveal(name));
        }),
      );
    });
  }

  componentWillUnmount() {
    this.gone = true;
    this.stops.forEach((stop) => stop());
  }

  /** What has focus before an update (a newer list may move rows: see componentDidUpdate). */
  getSnapshotBeforeUpdate(): Element | null {
    return document.activeElement;
  }

  /**
   * A newer list updates the rows in place (keyed by id). Preact moves a row with moveBefore, which
   * keeps focus, where the browser has it (Chrome 133, Firefox 144); before those a moved row is
   * taken out of the document and put back, which drops focus: it goes back where it was.
   */
  componentDidUpdate(_props: AppProps, _state: AppState, focused: Element | null) {
    if (
      focused instanceof HTMLElement &&
      focused !== document.body &&
      focused.isConnected &&
      document.activeElement !== focused
    ) {
      focused.focus({ preventScroll: true });
    }
  }

  /**
   * A lookup (tiktok.com's "Open in Hashtag Radar", a right-click, `#tag=`): expand that row, or
   * search for the name and say it is not in the list.
   */
  private reveal = (name: string) => {
    const { radar } = this.props;
    this.setTab('trending');
    const lower = name.toLocaleLowerCase();
    const { items } = radar.get();
    const index = items.findIndex((t) => t.name.toLocaleLowerCase() === lower);
    this.setState({ notListed: index < 0 && items.length > 0 ? name : null });
    if (index < 0) {
      radar.setQuery(name);
      return;
    }
    if (radar.get().query) radar.setQuery('');
    if (radar.get().expanded !== items[index].id) radar.toggle(items[index].id);
    requestAnimationFrame(() => {
      const ol = this.list.current?.querySelector('ol') ?? null;
      focusRow(ol, index);
      ol?.children[index]?.scrollIntoView({ block: 'center' });
    });
  };

  private async copy(tag: Hashtag) {
    const { copied, said } = await copyTag(tag.name);
    this.setState(copied ? { copiedId: tag.id, said } : { said });
    if (copied) {
      setTimeout(() => this.state.copiedId === tag.id && this.setState({ copiedId: null }), 1600);
    }
  }

  /** The CSV module loads when it is first needed. */
  private async exportCsv() {
    const { view, shown } = this.props.radar.get();
    const { buildCsv, csvFileName, download } = await import('./csv');
    download(
      csvFileName(view!.filters, view!.fetchedAt, this.state.now),
      buildCsv({ items: shown, filters: view!.filters, fetchedAt: view!.fetchedAt }),
    );
    this.setState({ said: t('exportedCsv', shown.length) });
  }

  /** One function for every render: rows that did not change skip re-rendering (TrendRow). */
  private onCopy = (tag: Hashtag) => void this.copy(tag);

  private act = (action: ErrorAction) => {
    const { radar } = this.props;
    if (action === 'options') openOptions();
    else if (action === 'reset-filters') void radar.setFilters(DEFAULT_FILTERS);
    else void radar.retry();
  };

  private say = (said: string) => this.setState({ said });

  private setTab = (tab: Tab) =>
    this.props.onTab ? this.props.onTab(tab) : this.setState({ tab });

  render({ radar, marks: store, page }: AppProps, { now, copiedId, said, notListed }: AppState) {
    const tab = this.props.tab ?? this.state.tab;
    /** The app's own view: the list stays mounted (hidden) under On this page. */
    const listTab = tab === 'page' ? 'trending' : tab;
    const s = radar.get();
    const marks = store.get();
    const search = this.search;
    const list = this.list;
    const act = this.act;
    const exportCsv = () => void this.exportCsv();
    if (s.needsKey) {
      return (
        <>
          <header class="top">
            <div class="bar">
              <h1 class="title">{t('extName')}</h1>
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
    const loading = view ? items.length === 0 && view.refreshing && !view.error : !s.failure;
    const setFilters = (patch: Parameters<Radar['setFilters']>[0]) => void radar.setFilters(patch);

    return (
      <>
        <header class="top">
          <StatusBar
            view={view}
            credits={s.credits}
            budget={s.dailyBudget}
            now={now}
            busy={s.pending || !!view?.refreshing}
            onRefresh={() => void radar.refresh()}
            onOptions={openOptions}
          />
          <ViewTabs
            class="tabs"
            label={t('popupViews')}
            current={tab}
            onPick={this.setTab}
            tabs={[
              ...(page ? [{ id: 'page' as const, label: t('onThisPage') }] : []),
              { id: 'trending', label: t('listView') },
              { id: 'watching', label: t('watchingView') },
              {
                id: 'changes',
                label: t('changesView'),
                title: marks.unseen ? t('unseenChanges', marks.unseen) : undefined,
                extra: marks.unseen > 0 && (
                  <span class="count" aria-hidden="true">
                    {marks.unseen}
                  </span>
                ),
              },
            ]}
          />
          {tab === 'trending' && <Filters value={filters} onChange={setFilters} />}
          {tab === 'trending' && (
            <div class="tools">
              <input
                ref={search}
                class="search"
                type="search"
                aria-label={t('searchHashtags')}
                placeholder={t('searchPlaceholder')}
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
              <button
                type="button"
                class="button"
                disabled={shown.length === 0}
                onClick={exportCsv}
              >
                <Icon name="download" />
                {t('exportCsv')}
              </button>
            </div>
          )}
          <SelectionTray
            selection={marks.selection}
            onClear={store.clearSelection}
            onSaid={this.say}
          />
        </header>
        <main>
          {marks.refused && (
            <p class="notice notice-info" role="alert">
              {marks.refused}
            </p>
          )}
          {page && (
            <div role="tabpanel" id="view-page" aria-labelledby="tab-page" hidden={tab !== 'page'}>
              {page}
            </div>
          )}
          <div
            ref={list}
            role="tabpanel"
            id={`view-${listTab}`}
            aria-labelledby={`tab-${listTab}`}
            hidden={tab === 'page'}
          >
            {tab === 'watching' ? (
              <Watching marks={store} onOpen={this.reveal} />
            ) : tab === 'changes' ? (
              <Changes marks={store} onOpen={this.reveal} />
            ) : (
              <>
                {s.sample && (
                  <p class="sample-label">
                    <strong>{t('sampleNotLive')}</strong>{' '}
                    <button type="button" class="link" onClick={openOptions}>
                      {t('addYourApiKey')}
                    </button>{' '}
                    {t('sampleForToday')}
                  </p>
                )}
                {s.storageCleared && (
                  <p class="notice notice-info" role="status">
                    {t('storageCleared')}
                  </p>
                )}
                {(s.failure || view?.error) && <Notice s={s} now={now} onAction={act} />}
                {loading ? (
                  <Skeleton />
                ) : view && items.length === 0 && !view.error ? (
                  <EmptyState filters={filters} onChange={setFilters} />
                ) : (
                  <>
                    {notListed !== null && query === notListed && (
                      <p class="notice notice-info" role="status">
                        {t('notInTop', `#${notListed}`, items.length, filtersText(filters))}
                      </p>
                    )}
                    {query && shown.length === 0 && items.length > 0 && (
                      <div class="empty">
                        <p>{t('noSearchMatch', query)}</p>
                        <WatchQuery query={query} marks={store} />
                        <button type="button" class="button" onClick={() => radar.setQuery('')}>
                          {t('clearSearch')}
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
                        label={t('listLabel', regionName(filters.region), filters.period)}
                        onToggle={radar.toggle}
                        onCopy={this.onCopy}
                        loadHistory={radar.rankHistory}
                        marks={store.rows()}
                      />
                    )}
                    {s.canShowMore && (
                      <button
                        type="button"
                        class="button more"
                        disabled={s.pending}
                        onClick={() => void radar.showMore()}
                      >
                        {t('showMore')}
                        <span class="cost">
                          {t(
                            'showMoreRanks',
                            items.length + 1,
                            Math.min(items.length + PAGE_SIZE, 100),
                            s.sample || view?.nextPageCached
                              ? t('costFree')
                              : t('costCredits', CREDITS_PER_REQUEST),
                          )}
                        </span>
                      </button>
                    )}
                  </>
                )}
              </>
            )}
          </div>
        </main>
        <p class="sr-only" role="status">
          {said}
        </p>
      </>
    );
  }
}
