/**
 * The toolbar badge. Globally: "!" while the saved key is not accepted, else the number of unseen
 * watchlist changes, else nothing. On a tiktok.com tab: that tab's count of trending tags, which
 * stands in for the global badge there. The two counts never look alike: each has its own colour and
 * a title that says which count it is. A tab without a count of its own takes the global colour and
 * title too (the browser keeps a tab's colour and title until told otherwise), so the tabs that got
 * a badge are remembered for the session and re-told whenever the global badge changes.
 */
import { storage } from 'wxt/utils/storage';
import { t } from '../i18n';
import { setBadge } from '../platform';
import { unseenChanges } from '../watch/store';
import { readKey } from './context';
import { readGates } from './gates';
import { serialized } from './serial';

const ALERT_COLOR = '#d93025';
const COUNT_COLOR = '#1a73e8';
const CHANGES_COLOR = '#7627bb';

interface BadgeState {
  text: string;
  color: string;
  title: string;
}

/** Tab id → its count of trending tags (0: none, the global badge shows), for this browser session. */
export const badgeTabsItem = storage.defineItem<Record<string, number>>('session:radar:badgeTabs', {
  fallback: {},
});

async function keyRejected(): Promise<boolean> {
  return !!(await readKey()) && !!(await readGates()).invalidKey;
}

export function badgeCount(count: unknown): string | null {
  const n = typeof count === 'number' && Number.isFinite(count) ? Math.trunc(count) : 0;
  if (n <= 0) return null;
  return n > 99 ? '99+' : String(n);
}

/** What the global badge says now. */
export async function globalBadge(): Promise<BadgeState> {
  if (await keyRejected()) return { text: '!', color: ALERT_COLOR, title: t('badgeKeyRejected') };
  const unseen = await unseenChanges();
  const text = badgeCount(unseen);
  if (!text) return { text: '', color: CHANGES_COLOR, title: t('extName') };
  const title = unseen === 1 ? t('badgeChangesOne') : t('badgeChangesMany', unseen);
  return { text, color: CHANGES_COLOR, title };
}

/** One tab's badge: its own count, or the global badge ("!" always wins). False if the tab is gone. */
function showTab(tabId: number, count: number, global: BadgeState): Promise<boolean> {
  const own = global.text === '!' ? null : badgeCount(count);
  if (own) return setBadge(own, { tabId, color: COUNT_COLOR, title: t('badgePageCount', own) });
  return setBadge(null, { tabId, color: global.color, title: global.title });
}

/** Shows the global badge (called at start and on every change of its inputs) and re-tells the tabs. */
export function syncGlobalBadge(): Promise<void> {
  return serialized('badge', async () => {
    const global = await globalBadge();
    await setBadge(global.text, { color: global.color, title: global.title });
    const tabs = await badgeTabsItem.getValue();
    const kept: Record<string, number> = {};
    for (const [id, count] of Object.entries(tabs)) {
      if (await showTab(Number(id), count, global)) kept[id] = count;
    }
    if (Object.keys(kept).length !== Object.keys(tabs).length) await badgeTabsItem.setValue(kept);
  });
}

/** A tab's own count of trending tags; 0 or nonsense falls back to the global badge. */
export function showPageCount(tabId: number, count: unknown): Promise<void> {
  return serialized('badge', async () => {
    const n = badgeCount(count) ? Math.trunc(count as number) : 0;
    const shown = await showTab(tabId, n, await globalBadge());
    const { [tabId]: _old, ...others } = await badgeTabsItem.getValue();
    await badgeTabsItem.setValue(shown ? { ...others, [tabId]: n } : others);
  });
}
