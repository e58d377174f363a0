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
import {
  onActionClicked,
  onCommand,
  onMenuClicked,
  onPanelInstalled,
  onPanelStorageChanged,
  setUpSurfaces,
} from '@/lib/panel/lifecycle';
import { createTrendingService } from '@/lib/trending/service';
import { watchVault } from '@/lib/vault';
import { listenToNotificationClicks } from '@/lib/watch/notify';

// Listeners are registered synchronously, so an event that wakes the worker finds them.
export default defineBackground(() => {
  const service = createTrendingService();
  handleMessages(createHandlers(service));
  browser.alarms.onAlarm.addListener((alarm) => logFailure('alarm', onAlarm(service, alarm)));
  browser.runtime.onInstalled.addListener((d) =>
    Promise.all([
      logFailure('install', onInstalled(d)),
      logFailure('panel install', onPanelInstalled()),
    ]),
  );
  browser.runtime.onStartup.addListener(() => logFailure('panel start', setUpSurfaces()));
  browser.storage.onChanged.addListener((changes, area) =>
    Promise.all([
      logFailure('storage change', onStorageChanged(changes, area)),
      logFailure('panel storage change', onPanelStorageChanged(changes, area)),
    ]),
  );
  // Menu clicks, shortcuts and toolbar clicks open the panel or popup at once (lib/panel/surfaces.ts).
  browser.contextMenus.onClicked.addListener((info, tab) =>
    logFailure('lookup', onMenuClicked(info, tab)),
  );
  browser.commands.onCommand.addListener((command, tab) =>
    logFailure('shortcut', onCommand(command, tab)),
  );
  browser.action.onClicked.addListener((tab) => logFailure('toolbar', onActionClicked(tab)));
  watchVault((key) => void logFailure('vault change', onVaultChanged(key)));
  listenToNotificationClicks();
  void logFailure('start', onWorkerStart());
});
