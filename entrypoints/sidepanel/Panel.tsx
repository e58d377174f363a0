/**
 * The side panel: the popup's app, with "On this page" (loaded on demand: the popup never needs it)
 * as its first tab. "On this page" is chosen at start when the tab beside the panel is on
 * tiktok.com, until the person picks a view; a lookup shows the list.
 */
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { App, type Tab } from '../popup/App';
import type { MarksStore } from '../popup/marks';
import type { Radar } from '../popup/radar';
import type { OnThisPageProps } from './OnThisPage';

export function Panel({
  radar,
  ready,
  marks,
}: {
  radar: Radar;
  ready: Promise<void>;
  marks: MarksStore;
}) {
  const [tab, setTab] = useState<Tab>('trending');
  const [PageView, setPageView] = useState<ComponentType<OnThisPageProps> | null>(null);
  const picked = useRef(false);

  useEffect(() => {
    void import('./OnThisPage').then((m) => setPageView(() => m.OnThisPage));
  }, []);

  const pick = (next: Tab) => {
    picked.current = true;
    setTab(next);
  };

  return (
    <App
      radar={radar}
      ready={ready}
      marks={marks}
      tab={tab}
      onTab={pick}
      page={
        PageView ? (
          <PageView
            marks={marks}
            onTikTok={() => {
              if (!picked.current) setTab('page');
            }}
          />
        ) : (
          <p class="page-note" role="status" aria-busy="true">
            {t('pageChecking')}
          </p>
        )
      }
    />
  );
}
