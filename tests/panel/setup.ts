// Vitest setup (vitest.config.ts → setupFiles): WXT's fake browser has no context menus, commands,
// side panel or popup opening (its stubs throw "not implemented"), so the background could not
// start in unit tests. These stand-ins record what the extension asks for; `panelFakes` lets a
// test read that and make a call fail (as the browser does without a user gesture).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';

type Listener = (...args: never[]) => unknown;

function event() {
  const listeners = new Set<Listener>();
  return {
    addListener: (l: Listener) => void listeners.add(l),
    removeListener: (l: Listener) => void listeners.delete(l),
    hasListener: (l: Listener) => listeners.has(l),
    hasListeners: () => listeners.size > 0,
    /** Calls every listener as the browser would, and returns what they returned. */
    trigger: (...args: unknown[]) =>
      [...listeners].map((l) => (l as (...a: unknown[]) => unknown)(...args)),
    clear: () => listeners.clear(),
  };
}

export interface MenuItem {
  id: string;
  title?: string;
  contexts?: string[];
  visible?: boolean;
  documentUrlPatterns?: string[];
  targetUrlPatterns?: string[];
}

function createFakes() {
  return {
    menus: new Map<string, MenuItem>(),
    menuClicked: event(),
    command: event(),
    /** Calls made, in order, e.g. `sidePanel.open {"windowId":3}`. */
    calls: [] as string[],
    /** Calls that reject, by name (e.g. `sidePanel.open`), with the browser's message. */
    failing: new Map<string, string>(),
    popup: 'popup.html',
    panelBehavior: { openPanelOnActionClick: false },
    /** Windows whose side panel is open (runtime.getContexts SIDE_PANEL). */
    openPanels: new Set<number>(),
  };
}

export let panelFakes = createFakes();

function call(name: string, args?: unknown): Promise<void> {
  panelFakes.calls.push(args === undefined ? name : `${name} ${JSON.stringify(args)}`);
  const failure = panelFakes.failing.get(name);
  return failure ? Promise.reject(new Error(failure)) : Promise.resolve();
}

function install() {
  const f = panelFakes;
  const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  b.contextMenus = {
    create(props: MenuItem, done?: () => void) {
      f.menus.set(props.id, { ...props });
      done?.();
      return props.id;
    },
    async update(id: string, props: Partial<MenuItem>) {
      const item = f.menus.get(id);
      if (!item) throw new Error(`Cannot find menu item with id ${id}`);
      Object.assign(item, props);
    },
    async removeAll() {
      f.menus.clear();
    },
    onClicked: f.menuClicked,
  };
  b.commands = { onCommand: f.command, getAll: async () => [] };
  b.sidePanel = {
    open: (o: { windowId: number }) =>
      call('sidePanel.open', o).then(() => void f.openPanels.add(o.windowId)),
    close: (o: { windowId: number }) =>
      call('sidePanel.close', o).then(() => void f.openPanels.delete(o.windowId)),
    setPanelBehavior: async (behavior: { openPanelOnActionClick: boolean }) => {
      f.panelBehavior = behavior;
    },
  };
  Object.assign(b.action, {
    setPopup: async ({ popup }: { popup: string }) => {
      f.popup = popup;
    },
    openPopup: (o?: { windowId: number }) => call('action.openPopup', o),
  });
  b.runtime.getContexts = async () =>
    [...f.openPanels].map((windowId) => ({ contextType: 'SIDE_PANEL', windowId }));
}

beforeEach(() => {
  panelFakes = createFakes();
  install();
});
