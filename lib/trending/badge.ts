/** The toolbar badge: "!" while the saved key is not accepted, otherwise each tab's count of trending tags. */
import { t } from '../i18n';
import { setBadge } from '../platform';
import { readKey } from './context';
import { readGates } from './gates';

const ALERT_COLOR = '#d93025';
const COUNT_COLOR = '#1a73e8';

async function keyRejected(): Promise<boolean> {
  return !!(await readKey()) && !!(await readGates()).invalidKey;
}

/** Shows or clears the "!" to match the stored key state (called at start and on every change). */
export async function syncKeyBadge(): Promise<void> {
  if (await keyRejected()) {
    await setBadge('!', {
      color: ALERT_COLOR,
      title: t('badgeKeyRejected'),
    });
  } else {
    await setBadge('', { title: t('extName') });
  }
}

export function badgeCount(count: unknown): string | null {
  const n = typeof count === 'number' && Number.isFinite(count) ? Math.trunc(count) : 0;
  if (n <= 0) return null;
  return n > 99 ? '99+' : String(n);
}

/** A tab's own count; null falls back to the global badge (empty, or "!" while the key is rejected). */
export async function showPageCount(tabId: number, count: unknown): Promise<void> {
  const text = (await keyRejected()) ? null : badgeCount(count);
  await setBadge(text, {
    tabId,
    ...(text ? { color: COUNT_COLOR, title: t('badgePageCount', text) } : {}),
  });
}
