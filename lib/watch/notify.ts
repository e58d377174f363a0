/**
 * System notifications, opt-in: `notifications` is an optional permission, asked for by the options
 * switch when the user turns it on. The permission itself is the switch (per browser, never synced,
 * so it cannot say "on" where it was never granted). At most one notification per refresh, always
 * the same id, so a new one replaces the last; a click opens Hashtag Radar at its Changes view.
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { askPermissions } from '../platform';
import { summarizeEvents } from './summary';
import type { ChangeEvent } from './types';

export const NOTIFICATIONS_PERMISSION = { permissions: ['notifications'] };
export const CHANGES_NOTIFICATION = 'hashtag-radar-changes';
/** The popup opened as a tab at its Changes view. */
export const CHANGES_PAGE = '/popup.html#changes';

type ClickListener = (id: string) => void;
interface NotificationsApi {
  create(id: string, options: Record<string, unknown>): Promise<string>;
  clear(id: string): Promise<boolean>;
  onClicked: {
    addListener(listener: ClickListener): void;
    hasListener(listener: ClickListener): boolean;
  };
}
interface PermissionEvents {
  onAdded?: { addListener(listener: (p: { permissions?: string[] }) => void): void };
}

/** `browser.notifications` exists only while the permission is granted. */
const notificationsApi = () =>
  (browser as unknown as { notifications?: NotificationsApi }).notifications;
const permissionEvents = () =>
  (browser as unknown as { permissions?: PermissionEvents }).permissions;

export function notificationsAllowed(): Promise<boolean> {
  return askPermissions('contains', NOTIFICATIONS_PERMISSION, false);
}

/** Asks the user. Call it first thing in a click handler of an extension page (a user gesture). */
export function requestNotifications(): Promise<boolean> {
  return askPermissions('request', NOTIFICATIONS_PERMISSION, false);
}

export function withdrawNotifications(): Promise<boolean> {
  return askPermissions('remove', NOTIFICATIONS_PERMISSION, false);
}

/** One notification summing up a refresh's events, if the user allowed notifications. */
export async function notifyChanges(events: ChangeEvent[]): Promise<void> {
  const api = notificationsApi();
  if (!events.length || !api || !(await notificationsAllowed())) return;
  await api.create(CHANGES_NOTIFICATION, {
    type: 'basic',
    // The icons are copied into the build by wxt.config.ts, so WXT's path type does not list them.
    iconUrl: (browser.runtime.getURL as (path: string) => string)('/icon/128.png'),
    title: t('notificationTitle'),
    message: summarizeEvents(events),
  });
}

async function onClicked(id: string): Promise<void> {
  if (id !== CHANGES_NOTIFICATION) return;
  await browser.tabs.create({ url: browser.runtime.getURL(CHANGES_PAGE) });
  await notificationsApi()?.clear(id);
}

const handleClick: ClickListener = (id) => void onClicked(id).catch(() => undefined);

function listen(): void {
  const api = notificationsApi();
  if (api && !api.onClicked.hasListener(handleClick)) api.onClicked.addListener(handleClick);
}

/**
 * Listens for clicks on our notification: at once when the permission is granted (call it
 * synchronously at worker start, so a click that wakes the worker finds the listener), and as soon
 * as the user grants it otherwise.
 */
export function listenToNotificationClicks(): void {
  listen();
  try {
    permissionEvents()?.onAdded?.addListener((added) => {
      if (added.permissions?.includes('notifications')) listen();
    });
  } catch {
    // A browser without permission events: the listener is added at the next worker start.
  }
}
