import { browser } from 'wxt/browser';
import { handleMessages } from '@/lib/messaging';
import { createHandlers } from '@/lib/trending/handlers';
import {
  logFailure,
  onAlarm,
  onInstalled,
  onStorageChanged,
  onVaultChanged,
  onWorkerStart,
} from '@/lib/trending/lifecycle';
import { createTrendingService } from '@/lib/trending/service';
import { watchVault } from '@/lib/vault';
import { listenToNotificationClicks } from '@/lib/watch/notify';

// Listeners are registered synchronously, so an event that wakes the worker finds them.
export default defineBackground(() => {
  const service = createTrendingService();
  handleMessages(createHandlers(service));
  browser.alarms.onAlarm.addListener((alarm) => logFailure('alarm', onAlarm(service, alarm)));
  browser.runtime.onInstalled.addListener((d) => logFailure('install', onInstalled(d)));
  browser.storage.onChanged.addListener((changes, area) =>
    logFailure('storage change', onStorageChanged(changes, area)),
  );
  watchVault((key) => void logFailure('vault change', onVaultChanged(key)));
  listenToNotificationClicks();
  void logFailure('start', onWorkerStart());
});
