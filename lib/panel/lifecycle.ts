/**
 * The background's side of the panel, the context menu and the shortcuts: what it sets up at
 * install and browser start, and what it does when the user clicks, presses or closes something.
 * Each listener is registered synchronously in `defineBackground`; gesture handlers open before
 * any `await` (see surfaces.ts).
 */
import { browser, type Browser } from 'wxt/browser';
import { rememberOlderTabs } from '../page/store';
import type { Settings } from '../settings';
import { readSettings } from '../trending/context';
import { createMenus, lookupName, parseMenuItemId } from './menu';
import { showInRadar } from './show';
import { applyToolbarChoice, onToolbarClick, TOGGLE_PANEL_COMMAND, togglePanel } from './surfaces';

/** The toolbar button and the menu entries as the settings say (install, start, a change). */
export async function setUpSurfaces(): Promise<void> {
  const { toolbarOpens } = await readSettings();
  await applyToolbarChoice(toolbarOpens);
  await createMenus(toolbarOpens);
}

/**
 * Installed or updated: set up, and remember the tabs open now. Chrome puts content scripts only
 * into pages loaded from now on, so those tabs' pages have none (or an old one) until reloaded.
 */
export async function onPanelInstalled(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await rememberOlderTabs(tabs.flatMap((tab) => (typeof tab.id === 'number' ? [tab.id] : [])));
  await setUpSurfaces();
}

/** A settings change that moves what the toolbar button opens. */
export async function onPanelStorageChanged(
  changes: Record<string, Browser.storage.StorageChange>,
  area: string,
): Promise<void> {
  const change = area === 'sync' ? changes.settings : undefined;
  if (!change) return;
  const before = (change.oldValue as Partial<Settings> | undefined)?.toolbarOpens;
  const after = (change.newValue as Partial<Settings> | undefined)?.toolbarOpens;
  if (before !== after) await setUpSurfaces();
}

/** "Look up #name in Hashtag Radar" was clicked. */
export function onMenuClicked(
  info: Browser.contextMenus.OnClickData,
  tab?: Browser.tabs.Tab,
): Promise<void> {
  const item = parseMenuItemId(info.menuItemId);
  const name = item && lookupName(item.kind, info);
  if (!item || !name) return Promise.resolve();
  return showInRadar(name, item.opens, tab?.windowId);
}

/** Chrome's side-panel shortcut (Firefox toggles its sidebar itself: `_execute_sidebar_action`). */
export function onCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  if (command !== TOGGLE_PANEL_COMMAND) return Promise.resolve();
  return togglePanel(tab?.windowId);
}

/** The toolbar button without a popup: the side panel was chosen. */
export function onActionClicked(tab?: Browser.tabs.Tab): Promise<void> {
  return onToolbarClick(tab?.windowId);
}
