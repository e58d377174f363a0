/**
 * The side panel's two views as tabs: "On this page" (loaded on demand: the popup never needs it)
 * and the popup's own app, unchanged. "On this page" is chosen at start when the tab beside the
 * panel is on tiktok.com, until the person picks a view; a lookup shows the list.
 */
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ViewTabs } from '../../components/ViewTabs';
import { t } from '../../lib/i18n';
import { App } from '../popup/App';
import type { MarksStore } from '../popup/marks';
import type { Radar } from '../popup/radar';
import type { OnThisPageProps } from './OnThisPage';

type View = 'page' | 'list';

export function Panel({
  radar,
  ready,
  marks,
}: {
  radar: Radar;
  ready: Promise<void>;
  marks: MarksStore;
}) {
  const [view, setView] = useState<View>('list');
  const [PageView, setPageView] = useState<ComponentType<OnThisPageProps> | null>(null);
  const picked = useRef(false);

  useEffect(() => {
    void import('./OnThisPage').then((m) => setPageView(() => m.OnThisPage));
  }, []);

  const pick = (next: View) => {
    picked.current = true;
    setView(next);
  };

  return (
    <>
      <ViewTabs
        class="views"
        label={t('panelViews')}
        tabs={[
          { id: 'page', label: t('onThisPage') },
          { id: 'list', label: t('trendingView') },
        ]}
        current={view}
        onPick={pick}
      />
      <div role="tabpanel" id="view-page" aria-labelledby="tab-page" hidden={view !== 'page'}>
        {PageView ? (
          <PageView
            marks={marks}
            onTikTok={() => {
              if (!picked.current) setView('page');
            }}
          />
        ) : null}
      </div>
      <div role="tabpanel" id="view-list" aria-labelledby="tab-list" hidden={view !== 'list'}>
        <App radar={radar} ready={ready} marks={marks} onLookup={() => pick('list')} />
      </div>
    </>
  );
}
