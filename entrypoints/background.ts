import { browser } from 'wxt/browser';
import { handleMessages } from '@/lib/messaging';
import { createHandlers } from '@/lib/trending/handlers';
import { onAlarm, onInstalled, onStorageChanged, onWorkerStart } from '@/lib/trending/lifecycle';
import { createTrendingService } from '@/lib/trending/service';

// Listeners are registered synchronously, so an event that wakes the worker finds them.
export default defineBackground(() => {
  const service = createTrendingService();
  handleMessages(createHandlers(service));
  browser.alarms.onAlarm.addListener((alarm) => onAlarm(service, alarm));
  browser.runtime.onInstalled.addListener((details) => onInstalled(details));
  browser.storage.onChanged.addListener((changes, area) => onStorageChanged(changes, area));
  void onWorkerStart();
});
