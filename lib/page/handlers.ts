/**
 * The background's answers for "On this page" and for what a tiktok.com tab opens: its content
 * script reports its page's names (checked, kept per tab) and the hashtag its selection holds (for
 * the context menu); the side panel asks for a tab's names, ranked.
 */
import type { Handlers } from '../messaging';
import { isTagName } from '../highlight/grammar';
import { showSelectionEntry } from '../panel/menu';
import { readSettings } from '../trending/context';
import { showPageCount } from '../trending/badge';
import type { TrendingService } from '../trending/service';
import { PAGE_SIZE } from '../trending/types';
import { checkPageReport } from './report';
import { isOlderTab, readPage, savePage } from './store';
import { buildPageTagsView } from './view';

type PageHandlers = Pick<Handlers, 'reportPageTags' | 'reportSelection' | 'getPageTags'>;

function isTabId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

export function createPageHandlers(service: TrendingService): PageHandlers {
  return {
    async reportPageTags(data, sender) {
      const tabId = sender.tab?.id;
      if (!isTabId(tabId)) return undefined;
      // Checked first: a report with a bad name changes nothing, not even the badge.
      const report = data?.names === undefined ? null : checkPageReport(data);
      await showPageCount(tabId, data?.count);
      if (report) await savePage(tabId, report);
      return undefined;
    },

    async reportSelection(data) {
      const name = data?.name ?? null;
      if (name !== null && !isTagName(name)) throw new Error('Not a hashtag name.');
      await showSelectionEntry(name, (await readSettings()).toolbarOpens);
      return undefined;
    },

    async getPageTags(data) {
      const tabId = data?.tabId;
      if (!isTabId(tabId)) throw new Error('No tab to read.');
      const [{ settings, view }, page, olderTab] = await Promise.all([
        service.getHighlightView(),
        readPage(tabId),
        isOlderTab(tabId),
      ]);
      const highlight = settings.highlight.enabled;
      return buildPageTagsView({
        page,
        view,
        depth: highlight ? settings.highlight.depth : PAGE_SIZE,
        highlight,
        olderTab,
      });
    },
  };
}
