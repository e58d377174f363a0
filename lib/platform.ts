/**
 * Browser differences in one place, so the background never calls a Chrome-only API directly:
 * - the toolbar button is `action` (MV3) or `browserAction` (MV2), and some browsers lack some badge
 *   methods (`setBadgeTextColor` needs Chrome 110; mobile and embedded browsers trim the API);
 * - `alarms` have a minimum period (Chrome ≥ 120: 30 s, older Chrome: 1 min when packed);
 * - `storage.session` exists from Chrome 102 / Firefox 115 only;
 * - Firefox lets the user withdraw the api.keyapi.ai host permission after install.
 * Every wrapper reads `browser` when called, degrades to doing less, and never throws for a missing API.
 */
import { browser } from 'wxt/browser';

interface BadgeDetails {
  tabId?: number;
}
/** The subset of the toolbar button API we use; each method may be missing on some browser. */
interface ToolbarAction {
  setBadgeText?: (details: BadgeDetails & { text: string | null }) => Promise<void> | void;
  setBadgeBackgroundColor?: (details: BadgeDetails & { color: string }) => Promise<void> | void;
  setBadgeTextColor?: (details: BadgeDetails & { color: string }) => Promise<void> | void;
  setTitle?: (details: BadgeDetails & { title: string }) => Promise<void> | void;
}

/** `action` where it exists (MV3), else `browserAction` (MV2), else undefined. */
export function toolbarAction(): ToolbarAction | undefined {
  const api = browser as unknown as { action?: ToolbarAction; browserAction?: ToolbarAction };
  return api.action ?? api.browserAction;
}

/** Runs a cosmetic call that may be missing or may reject (e.g. the tab closed): true when it ran. */
async function attempt(call: (() => Promise<void> | void) | undefined): Promise<boolean> {
  if (!call) return false;
  try {
    await call();
    return true;
  } catch {
    return false;
  }
}

export interface BadgeOptions {
  /** Only this tab's badge; otherwise the global one. */
  tabId?: number;
  /** Badge background, e.g. '#d93025'. Skipped where the browser cannot colour badges. */
  color?: string;
  /** Badge text colour. Skipped where unsupported. */
  textColor?: string;
  /** Tooltip of the toolbar button: says in words what the badge says in a few characters. */
  title?: string;
}

/**
 * Sets the toolbar badge text and, where supported, its colours and the button's title.
 * '' clears the badge; null with a tabId drops that tab's own text so it shows the global badge again.
 * Resolves to whether the text was set; never rejects.
 */
export async function setBadge(text: string | null, options: BadgeOptions = {}): Promise<boolean> {
  const action = toolbarAction();
  if (!action || typeof action.setBadgeText !== 'function') return false;
  const scope: BadgeDetails = options.tabId === undefined ? {} : { tabId: options.tabId };
  if (text === null && options.tabId === undefined) text = ''; // null is only meaningful per tab
  const { color, textColor, title } = options;
  // Colours first, so the new text never shows in the old colour.
  if (color && action.setBadgeBackgroundColor) {
    await attempt(() => action.setBadgeBackgroundColor!({ ...scope, color }));
  }
  if (textColor && action.setBadgeTextColor) {
    await attempt(() => action.setBadgeTextColor!({ ...scope, color: textColor }));
  }
  if (title !== undefined && action.setTitle) {
    await attempt(() => action.setTitle!({ ...scope, title }));
  }
  return attempt(() => action.setBadgeText!({ ...scope, text }));
}

/**
 * The shortest alarm period/delay every supported browser honours, in minutes. Chrome ≥ 120 allows
 * 0.5 and older packed Chrome 1; Firefox documents no floor. Below it Chrome rounds up with a warning.
 */
export const MIN_ALARM_MINUTES = 1;

/** A period or delay for `alarms.create`, raised to the browser minimum. */
export function alarmPeriodMinutes(minutes: number): number {
  if (Number.isNaN(minutes)) throw new RangeError('An alarm period must be a number of minutes.');
  return Math.max(MIN_ALARM_MINUTES, minutes);
}

/**
 * Creates (or replaces) a repeating alarm with its period and first delay clamped to the minimum.
 * `delayMinutes` defaults to the period.
 */
export async function createRepeatingAlarm(
  name: string,
  periodMinutes: number,
  delayMinutes: number = periodMinutes,
): Promise<void> {
  await browser.alarms.create(name, {
    periodInMinutes: alarmPeriodMinutes(periodMinutes),
    delayInMinutes: alarmPeriodMinutes(delayMinutes),
  });
}

/** The part of a storage area used for per-session state. */
export interface SessionArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** In-memory stand-in for storage.session: lives as long as the background context does. */
export function memorySessionArea(): SessionArea {
  const data = new Map<string, unknown>();
  const list = (keys: string | string[]) => (Array.isArray(keys) ? keys : [keys]);
  return {
    async get(keys) {
      const wanted = keys == null ? [...data.keys()] : list(keys);
      const out: Record<string, unknown> = {};
      for (const key of wanted) if (data.has(key)) out[key] = structuredClone(data.get(key));
      return out;
    },
    async set(items) {
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
    },
    async remove(keys) {
      for (const key of list(keys)) data.delete(key);
    },
  };
}

let fallbackSession: SessionArea | undefined;

/**
 * `storage.session` where the browser has it; otherwise one shared in-memory area, so callers keep
 * working (they must treat session data as a cache that can vanish, which is true in both cases).
 */
export function sessionArea(): SessionArea {
  const session = (browser.storage as { session?: SessionArea }).session;
  if (session && typeof session.get === 'function') return session;
  fallbackSession ??= memorySessionArea();
  return fallbackSession;
}

/** The host the background calls. Chrome grants it at install; Firefox lets the user withdraw it. */
export const API_HOST_PERMISSION = { origins: ['https://api.keyapi.ai/*'] };

/** What `permissions.*` take: API permissions and host patterns. */
export interface PermissionSet {
  permissions?: string[];
  origins?: string[];
}

interface PermissionsApi {
  contains?: (p: PermissionSet) => Promise<boolean>;
  request?: (p: PermissionSet) => Promise<boolean>;
  remove?: (p: PermissionSet) => Promise<boolean>;
}
const permissionsApi = () => (browser as unknown as { permissions?: PermissionsApi }).permissions;

/**
 * Asks the permissions API (`contains`, `request` or `remove`) about `wanted`; `otherwise` when the
 * API is missing or fails. `request` needs a user gesture: call it first thing in a click handler.
 */
export async function askPermissions(
  call: keyof PermissionsApi,
  wanted: PermissionSet,
  otherwise: boolean,
): Promise<boolean> {
  const method = permissionsApi()?.[call];
  if (typeof method !== 'function') return otherwise;
  try {
    return await method(wanted);
  } catch {
    return otherwise;
  }
}

/**
 * Whether the extension may call api.keyapi.ai. In Firefox the user can withdraw a host permission
 * from the extensions menu; then requests fail with a bare network error, and this tells why.
 * True where the browser cannot say (no permissions API): the request itself will tell.
 */
export function hasApiAccess(): Promise<boolean> {
  return askPermissions('contains', API_HOST_PERMISSION, true);
}

/** Asks the user to allow api.keyapi.ai again. Call it from a click handler on an extension page. */
export function requestApiAccess(): Promise<boolean> {
  return askPermissions('request', API_HOST_PERMISSION, false);
}
