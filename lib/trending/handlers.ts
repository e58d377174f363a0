/**
 * The background's answers to every message of the protocol. `handleMessages` has already checked
 * the sender; the data is still checked here, since a page of ours can be buggy too.
 */
import { browser } from 'wxt/browser';
import type { ExtensionStatus, Handlers } from '../messaging';
import { readSampleMode, readSettings } from './context';
import { creditStatus } from './credits';
import { showPageCount } from './badge';
import { clearHistory, rankSeries } from './history';
import { keyStatus, saveApiKey } from './keys';
import type { TrendingService } from './service';
import { clearCache } from './store';
import { normalizeFilters } from './types';
import { createWatchHandlers } from '../watch/handlers';

/** A hashtag name as the content script may pass it: no `#`, no control characters, not endless. */
export function cleanTagName(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const name = [...raw.trim().replace(/^#+/, '')]
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f)
    .join('');
  return name.length > 0 && name.length <= 200 ? name : null;
}

export function createHandlers(service: TrendingService): Handlers {
  return {
    getTrending: (data) =>
      service.getTrending({
        filters: normalizeFilters(data?.filters),
        pages: data?.pages,
        force: data?.force === true,
      }),

    async getStatus(): Promise<ExtensionStatus> {
      const settings = await readSettings();
      return {
        ...(await keyStatus()),
        sampleMode: await readSampleMode(),
        credits: await creditStatus(settings.dailyBudget),
      };
    },

    saveApiKey: (data) => saveApiKey(data?.key),
    testKey: (data) => service.testKey(data?.key),
    async clearCache() {
      await Promise.all([clearCache(), clearHistory()]);
      return undefined;
    },
    getHighlightSet: () => service.getHighlightSet(),

    async reportPageTags(data, sender) {
      const tabId = sender.tab?.id;
      if (typeof tabId === 'number' && tabId >= 0) await showPageCount(tabId, data?.count);
      return undefined;
    },

    async getRankHistory(data) {
      const name = cleanTagName(data?.name);
      return name ? rankSeries(normalizeFilters(data?.filters), name) : [];
    },

    async openInRadar(data) {
      const name = cleanTagName(data?.name);
      if (!name) throw new Error('No hashtag to open.');
      const url = `${browser.runtime.getURL('/popup.html')}#tag=${encodeURIComponent(name)}`;
      await browser.tabs.create({ url });
      return undefined;
    },

    ...createWatchHandlers(),
  };
}
