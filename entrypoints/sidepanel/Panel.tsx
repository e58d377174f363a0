/**
 * The side panel's two views as tabs: "On this page" (loaded on demand: the popup never needs it)
 * and the popup's own app, unchanged. "On this page" is chosen at start when the tab beside the
 * panel is on tiktok.com, until the person picks a view; a lookup shows the list.
 */
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { App } from '../popup/App';
import type { Radar } from '../popup/radar';
import type { OnThisPageProps } from './OnThisPage';

type View = 'page' | 'list';
const VIEWS: View[] = ['page', 'list'];

export function Panel({ radar, ready }: { radar: Radar; ready: Promise<void> }) {
  const [view, setView] = useState<View>('list');
  const [PageView, setPageView] = useState<ComponentType<OnThisPageProps> | null>(null);
  const picked = useRef(false);
  const tabs = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void import('./OnThisPage').then((m) => setPageView(() => m.OnThisPage));
  }, []);

  const pick = (next: View, focus = false) => {
    picked.current = true;
    setView(next);
    if (focus) tabs.current?.querySelector<HTMLElement>(`#tab-${next}`)?.focus();
  };
  // Arrow keys, Home and End move between the tabs (the ARIA tabs pattern).
  const onKeyDown = (e: KeyboardEvent) => {
    const i = VIEWS.indexOf(view);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: VIEWS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    pick(VIEWS[(next + VIEWS.length) % VIEWS.length]!, true);
  };
  const tab = (id: View, label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      class="view-tab"
      aria-selected={view === id}
      aria-controls={`view-${id}`}
      tabIndex={view === id ? 0 : -1}
      onClick={() => pick(id)}
    >
      {label}
    </button>
  );

  return (
    <>
      <div
        class="views"
        role="tablist"
        aria-label={t('panelViews')}
        ref={tabs}
        onKeyDown={onKeyDown}
      >
        {tab('page', t('onThisPage'))}
        {tab('list', t('trendingView'))}
      </div>
      <div role="tabpanel" id="view-page" aria-labelledby="tab-page" hidden={view !== 'page'}>
        {PageView ? (
          <PageView
            onTikTok={() => {
              if (!picked.current) setView('page');
            }}
          />
        ) : null}
      </div>
      <div role="tabpanel" id="view-list" aria-labelledby="tab-list" hidden={view !== 'list'}>
        <App radar={radar} ready={ready} onLookup={() => pick('list')} />
      </div>
    </>
  );
}
