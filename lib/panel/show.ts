/**
 * Shows the list at a hashtag (right-click lookup, the hover card's "Open in Hashtag Radar") in
 * what the user chose for the toolbar button. Where the browser refuses to open it (Firefox gives a
 * content script's message no gesture; no focused window), the list opens in a tab instead.
 */
import { browser } from 'wxt/browser';
import type { ToolbarOpens } from '../settings';
import { clearLookup, requestLookup } from './lookup';
import { openPanel, openPopup, panelIsOpen, POPUP_PAGE } from './surfaces';

/** The list in a tab, at `name` (`#tag=`, read by the popup's App). */
export function tagPageUrl(name: string): string {
  return `${browser.runtime.getURL(`/${POPUP_PAGE}`)}#tag=${encodeURIComponent(name)}`;
}

/**
 * Opens the panel or popup in `windowId` and hands it `name`. Call it synchronously from the
 * gesture's listener: the opening call is made before anything is awaited.
 */
export function showInRadar(name: string, opens: ToolbarOpens, windowId?: number): Promise<void> {
  const opening = opens === 'panel' ? openPanel(windowId) : openPopup(windowId);
  const opened = opening.then(
    () => true,
    () => false,
  );
  return Promise.all([opened, requestLookup(name)]).then(async ([ok]) => {
    if (ok) return;
    // Firefox: a sidebar that is open already shows the lookup; it just could not be opened.
    if (opens === 'panel' && (await panelIsOpen(windowId))) return;
    await clearLookup();
    await browser.tabs.create({ url: tagPageUrl(name) });
  });
}
