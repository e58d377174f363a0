/**
 * Where the list is shown, and the browser differences of opening it: Chrome's side panel
 * (`sidePanel`, Chrome 114+; `close` 141+) and Firefox's sidebar (`sidebarAction`), the toolbar
 * popup (`action.openPopup`), and what a click on the toolbar button opens. Like lib/platform.ts,
 * every call reads `browser` when made and a missing API rejects or does nothing, never throws.
 *
 * Browsers open a panel or a popup only in answer to the user: a context-menu click, a shortcut, a
 * click in one of our pages — or, in Chrome, a click in our content script that sent a message.
 * The permission lasts while the listener runs: the opening call must come before any `await`.
 */
import { browser } from 'wxt/browser';
import type { ToolbarOpens } from '../settings';

/** Chrome's command that toggles the side panel (Firefox has `_execute_sidebar_action`). */
export const TOGGLE_PANEL_COMMAND = 'toggle-side-panel';
export const POPUP_PAGE = 'popup.html';

interface WindowTarget {
  windowId: number;
}
interface SidePanelApi {
  open?: (target: WindowTarget) => Promise<void>;
  close?: (target: WindowTarget) => Promise<void>;
  setPanelBehavior?: (behavior: { openPanelOnActionClick: boolean }) => Promise<void>;
}
interface SidebarApi {
  open?: () => Promise<void>;
  toggle?: () => Promise<void>;
  isOpen?: (details: { windowId?: number }) => Promise<boolean>;
}
interface ActionApi {
  setPopup?: (details: { popup: string }) => Promise<void>;
  openPopup?: (options?: { windowId: number }) => Promise<void>;
}
interface ContextsApi {
  getContexts?: (filter: { contextTypes: string[] }) => Promise<{ windowId: number }[]>;
}

const api = () =>
  browser as unknown as {
    sidePanel?: SidePanelApi;
    sidebarAction?: SidebarApi;
    action?: ActionApi;
    runtime: ContextsApi;
    windows?: { WINDOW_ID_CURRENT?: number };
  };

/** `chrome.windows.WINDOW_ID_CURRENT`: the window a call comes from. */
const CURRENT_WINDOW = -2;

const missing = (what: string) => Promise.reject(new Error(`${what} is not available here.`));

/** Runs a browser call that may throw synchronously (a bad argument) as a promise. */
function attempt(call: () => Promise<void>): Promise<void> {
  try {
    return Promise.resolve(call());
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Opens the side panel (Firefox: the sidebar) in `windowId`, default the current window. Call it first in a gesture's listener. */
export function openPanel(windowId?: number): Promise<void> {
  const { sidePanel, sidebarAction } = api();
  if (sidePanel?.open)
    return attempt(() => sidePanel.open!({ windowId: windowId ?? CURRENT_WINDOW }));
  if (sidebarAction?.open) return attempt(() => sidebarAction.open!());
  return missing('A side panel');
}

/** Opens the toolbar popup in `windowId` (default: the focused window). Call it first in a gesture's listener. */
export function openPopup(windowId?: number): Promise<void> {
  const { action } = api();
  if (!action?.openPopup) return missing('The popup');
  return attempt(() => action.openPopup!(windowId === undefined ? undefined : { windowId }));
}

/** Whether the side panel (sidebar) of `windowId` is open; false where the browser cannot say. */
export async function panelIsOpen(windowId?: number): Promise<boolean> {
  const { sidePanel, sidebarAction, runtime } = api();
  try {
    if (sidePanel && runtime.getContexts) {
      const panels = await runtime.getContexts({ contextTypes: ['SIDE_PANEL'] });
      // Chromium 156 reports the global panel's window as -1: then any panel counts.
      return panels.some(
        (p) => windowId === undefined || p.windowId === windowId || p.windowId === -1,
      );
    }
    if (sidebarAction?.isOpen) return await sidebarAction.isOpen(windowId ? { windowId } : {});
  } catch {
    // A browser that cannot say: as if closed.
  }
  return false;
}

/**
 * Chrome's side-panel shortcut: opens the panel in the user's gesture, and closes it if it was
 * open already. The browser answers `panelIsOpen` (asked first) before it handles the opening, so
 * it tells how things were before the key was pressed.
 */
export function togglePanel(windowId: number | undefined): Promise<void> {
  const wasOpen = panelIsOpen(windowId);
  const opened = openPanel(windowId);
  const { sidePanel } = api();
  return Promise.all([wasOpen, opened]).then(([open]) => {
    if (open && sidePanel?.close) return sidePanel.close({ windowId: windowId ?? CURRENT_WINDOW });
  });
}

/**
 * Makes the toolbar button open `opens`. A button with a popup opens it; without one, Chrome opens
 * the side panel itself (`openPanelOnActionClick`) and Firefox tells us (`onToolbarClick`).
 * Chrome keeps the panel behaviour across restarts but not the popup change: call at every start.
 */
export async function applyToolbarChoice(opens: ToolbarOpens): Promise<void> {
  const { action, sidePanel } = api();
  await action?.setPopup?.({ popup: opens === 'panel' ? '' : POPUP_PAGE });
  await sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: opens === 'panel' });
}

/** The toolbar button was clicked with no popup set (side panel chosen): Firefox toggles its sidebar. */
export function onToolbarClick(windowId: number | undefined): Promise<void> {
  const { sidePanel, sidebarAction } = api();
  if (!sidePanel && sidebarAction?.toggle) return attempt(() => sidebarAction.toggle!());
  return openPanel(windowId);
}
