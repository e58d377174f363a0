/**
 * Keeps the context menu's "Look up #name in Hashtag Radar" in line with the page's selection
 * (lib/panel/menu.ts): the browser builds its menu without asking the extension, so the script
 * says which hashtag the selection holds whenever that changes, as the person selects. Only the
 * name is sent, never the selected text; only selections a person makes count (trusted events).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isTagName, selectionTagName } from '@/lib/highlight/grammar';
import { sendMessage } from '@/lib/messaging';

const SETTLE_MS = 120;

/** The hashtag selected: a `#name` in the selection, or a word just after a `#` (a double-click). */
function selectedTagName(): string | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const text = selection.toString();
  const name = selectionTagName(text);
  if (!isTagName(name)) return null;
  if (text.includes('#')) return name;
  const { startContainer, startOffset } = selection.getRangeAt(0);
  const before =
    startContainer.nodeType === 3 ? (startContainer as Text).data.slice(0, startOffset) : '';
  return before.endsWith('#') ? name : null;
}

export function setupSelectionReport(ctx: ContentScriptContext): void {
  let said: string | null = null;
  let timer: number | null = null;
  const check = () => {
    timer = null;
    const name = selectedTagName();
    if (name === said) return;
    said = name;
    sendMessage('reportSelection', { name }).catch(() => {
      said = null;
    });
  };
  ctx.addEventListener(document, 'selectionchange', (event) => {
    if (!event.isTrusted) return;
    if (timer !== null) clearTimeout(timer);
    timer = ctx.setTimeout(check, SETTLE_MS);
  });
}
