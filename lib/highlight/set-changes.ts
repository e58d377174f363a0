/**
 * How the content scripts hear that their highlight set changed: a storage change that affects it
 * (the list, the settings, the caption selection), once the writes of one refresh have settled.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { affectsHighlightSet } from '../trending/types';

/** Storage writes of one refresh come in a burst: one call for them all. */
export const SET_CHANGE_SETTLE_MS = 150;

/**
 * Calls `changed` once a burst of storage changes that affect the highlight set has settled, while
 * `wanted()` (asked as each change arrives) says the script wants to hear; stops with `ctx`.
 */
export function onHighlightSetChange(
  ctx: ContentScriptContext,
  changed: () => void,
  wanted: () => boolean = () => true,
): void {
  let timer: number | null = null;
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (!affectsHighlightSet(changes, area) || !wanted()) return;
    if (timer !== null) clearTimeout(timer);
    timer = ctx.setTimeout(() => {
      timer = null;
      changed();
    }, SET_CHANGE_SETTLE_MS);
  };
  browser.storage.onChanged.addListener(onChanged);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onChanged));
}
