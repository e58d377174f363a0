/**
 * The background's answers to every message of the protocol. `handleMessages` has already checked
 * the sender; the data is still checked here, since a page of ours can be buggy too.
 */
import type { ExtensionStatus, Handlers } from '../messaging';
import { createPageHandlers } from '../page/handlers';
import { showInRadar } from '../panel/show';
import { readSampleMode, readSettings } from './context';
import { creditStatus } from './credits';
import { clearHistory, rankSeries } from './history';
import { keyStatus, saveApiKey } from './keys';
import type { TrendingService } from './service';
import { clearCache } from './store';
import { normalizeFilters } from './types';
import { createWatchHandlers } from '../watch/handlers';

import { cleanTagName } from './names';

export { cleanTagName };

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

    async getRankHistory(data) {
      const name = cleanTagName(data?.name);
      return name ? rankSeries(normalizeFilters(data?.filters), name) : [];
    },

    // Not async: the panel or popup is opened before the first `await` (lib/panel/show.ts).
    openInRadar(data, sender) {
      const name = cleanTagName(data?.name);
      if (!name) return Promise.reject(new Error('No hashtag to open.'));
      const opens = data?.opens === 'panel' ? 'panel' : 'popup';
      return showInRadar(name, opens, sender.tab?.windowId).then(() => undefined);
    },

    ...createWatchHandlers(),
    ...createPageHandlers(service),
  };
}
