/**
 * Marks trending hashtags on tiktok.com. The trending set comes from the background by message
 * (never the key); storage changes announce new data or settings, and the set is asked for again.
 * The highlighting itself (grammar, scan, batching) lives in lib/highlight.
 */
import './style.css';
import { normalizeTagName } from '@/lib/highlight/grammar';
import { Highlighter } from '@/lib/highlight/highlighter';
import { sendMessage } from '@/lib/messaging';
import { TIKTOK_MATCHES } from '@/lib/tiktok/selectors';
import { onHighlightSetChange } from '@/lib/highlight/set-changes';
import type { HighlightSet } from '@/lib/trending/types';
import { setupHover } from './hover';
import { setupPageReport } from './page-report';
import { setupSelectionReport } from './selection';

/** The `<html>` attribute the stylesheet keys the mark style on. */
const STYLE_ATTRIBUTE = 'data-hashtag-radar-style';

export default defineContentScript({
  matches: TIKTOK_MATCHES,
  cssInjectionMode: 'manifest',
  // From the start: the set is asked for at once, and what the parser adds is marked in the frame
  // before it is first laid out, so marking a loading page costs no render of its own
  // (bench/highlight.mjs measures this against marking a page already loaded).
  runAt: 'document_start',
  main(ctx) {
    let current: HighlightSet | null = null;

    // The page's counts and names go to the background as the marks change (page-report.ts).
    let page: { schedule(): void } | null = null;
    const highlighter = new Highlighter(document, {
      signal: ctx.signal,
      onUpdate: () => page?.schedule(),
    });
    page = setupPageReport(ctx, highlighter);
    setupSelectionReport(ctx);

    let asked = 0;
    const refresh = async () => {
      const ask = ++asked;
      let set: HighlightSet;
      try {
        set = await sendMessage('getHighlightSet');
      } catch {
        return; // The extension is reloading or the worker failed; the next change asks again.
      }
      // Only the newest answer counts when asks overlap.
      if (ctx.isInvalid || ask !== asked) return;
      current = set;
      // Unchanged, it is not set again: a change restyles every mark on the page.
      const root = document.documentElement;
      if (root.getAttribute(STYLE_ATTRIBUTE) !== set.style)
        root.setAttribute(STYLE_ATTRIBUTE, set.style);
      highlighter.setTags(set.tags, set.enabled);
    };

    onHighlightSetChange(ctx, () => void refresh());

    // In-app navigation swaps the page's content (and the caption); the observer marks it, and
    // the page is reported again.
    ctx.addEventListener(window, 'wxt:locationchange', () => highlighter.recount());

    setupHover({
      ctx,
      nameOf: (element) => highlighter.nameOf(element),
      current: () => current,
      open: (name) =>
        void sendMessage('openInRadar', { name, opens: current?.opens }).catch(() => undefined),
      watch: (name, watched) =>
        sendMessage('setWatched', { name, watched }).then(
          (state) => {
            // Shown at once; the storage change brings the same set a moment later.
            if (current) {
              const others = current.watched.filter((n) => n !== normalizeTagName(state.name));
              current = {
                ...current,
                watched: state.watched ? [...others, normalizeTagName(state.name)] : others,
              };
            }
            return { watched: state.watched };
          },
          (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
        ),
    });

    ctx.onInvalidated(() => document.documentElement?.removeAttribute(STYLE_ATTRIBUTE));

    void refresh();
  },
});
