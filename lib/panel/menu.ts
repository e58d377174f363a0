/**
 * The context menu's "Look up #name in Hashtag Radar": on a text selection holding a hashtag on
 * tiktok.com, and on links to TikTok hashtag pages on any site. Browsers build a menu without
 * asking the extension, so the selection entry is kept up to date beforehand: hidden, until the
 * content script says the selection holds a hashtag (`reportSelection`), then titled with it. A
 * link's name is in its address, which a menu title cannot quote: that entry says "this hashtag".
 *
 * Menu item ids carry what the toolbar button opens (`lookup-link:panel`): a click must open the
 * panel or popup before anything is awaited, so the setting cannot be read then.
 */
import { browser, type Browser } from 'wxt/browser';
import { selectionTagName } from '../highlight/grammar';
import { t } from '../i18n';
import { TOOLBAR_OPENS, type ToolbarOpens } from '../settings';
import { TIKTOK_MATCHES, tagNameFromHref } from '../tiktok/selectors';
import { cleanTagName } from '../trending/names';

export type MenuKind = 'selection' | 'link';

/** Links to TikTok's hashtag pages, wherever they are (tiktok.com redirects to www). */
export const TAG_LINK_PATTERNS = [
  'https://www.tiktok.com/tag/*',
  'https://tiktok.com/tag/*',
  'https://m.tiktok.com/tag/*',
];

export function menuItemId(kind: MenuKind, opens: ToolbarOpens): string {
  return `lookup-${kind}:${opens}`;
}

/** What a clicked item id says, or null for an id that is not ours. Pure. */
export function parseMenuItemId(id: unknown): { kind: MenuKind; opens: ToolbarOpens } | null {
  const match = /^lookup-(selection|link):(\w+)$/.exec(String(id));
  if (!match || !TOOLBAR_OPENS.includes(match[2] as ToolbarOpens)) return null;
  return { kind: match[1] as MenuKind, opens: match[2] as ToolbarOpens };
}

/** The hashtag a click on our entry is about, from what the browser says was clicked. Pure. */
export function lookupName(
  kind: MenuKind,
  info: Pick<Browser.contextMenus.OnClickData, 'selectionText' | 'linkUrl'>,
): string | null {
  if (kind === 'link') return cleanTagName(tagNameFromHref(info.linkUrl ?? ''));
  return selectionTagName(info.selectionText);
}

/** Creates a menu item; an error (such as a duplicate id) is read, so it is not logged as unchecked. */
function create(properties: Browser.contextMenus.CreateProperties): void {
  browser.contextMenus.create(properties, () => void browser.runtime.lastError);
}

/** (Re)creates our entries for what the toolbar button opens. Menus outlive the worker. */
export async function createMenus(opens: ToolbarOpens): Promise<void> {
  await browser.contextMenus.removeAll();
  create({
    id: menuItemId('selection', opens),
    title: t('menuLookUpThis'),
    contexts: ['selection'],
    documentUrlPatterns: TIKTOK_MATCHES,
    visible: false,
  });
  create({
    id: menuItemId('link', opens),
    title: t('menuLookUpThis'),
    contexts: ['link'],
    targetUrlPatterns: TAG_LINK_PATTERNS,
  });
}

/** Shows the selection entry titled with `name`, or hides it (null). */
export async function showSelectionEntry(name: string | null, opens: ToolbarOpens): Promise<void> {
  await browser.contextMenus.update(
    menuItemId('selection', opens),
    name === null ? { visible: false } : { visible: true, title: t('menuLookUp', `#${name}`) },
  );
}
