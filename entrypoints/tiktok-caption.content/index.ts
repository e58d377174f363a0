/**
 * The caption assistant on TikTok's upload pages (issue 17): while the caption editor has focus, a
 * panel beside it counts the caption's hashtags against TikTok's five and offers trending ones to
 * insert. The caption is read here, in the page, and never sent: the only message is the content
 * script's usual `getHighlightSet` (no key, nothing about the page). Injected on TikTok Studio and
 * the creator center, it acts only on upload pages (`isUploadPage`), which Studio may reach by
 * in-app navigation. No editor, no panel: nothing happens and nothing is logged.
 */
import { mayInsert, TIKTOK_HASHTAG_LIMIT } from '@/lib/caption/limit';
import { chooseSuggestions, hasLiveTrending, tagsByKey } from '@/lib/caption/suggest';
import { captionTags, countHashtags, insertionText } from '@/lib/caption/tags';
import { themeOfBackgrounds } from '@/lib/caption/theme';
import { normalizeTagName } from '@/lib/highlight/grammar';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { captionPanelCollapsedItem } from '@/lib/storage';
import {
  CAPTION_CONTAINER_SELECTOR,
  CAPTION_EDITOR_SELECTOR,
  EDITOR_ROOT_SELECTOR,
  UPLOAD_SCRIPT_MATCHES,
  isUploadPage,
} from '@/lib/tiktok/selectors';
import { onHighlightSetChange } from '@/lib/highlight/set-changes';
import type { HighlightSet } from '@/lib/trending/types';
import { captionText, focusAtCaret, rangeIn, textBeforeCaret, typeIntoEditor } from './editor';
import { createPanel, type Panel } from './panel';
import type { PanelModel } from './view';

/** A re-ask on focus waits this long after the last one (the background rate-limits each tab). */
const REASK_MS = 10_000;

/** Computed backgrounds from `element` up to the root, for the theme. */
function backgroundsUp(element: Element): string[] {
  const out: string[] = [];
  for (let e: Element | null = element; e; e = e.parentElement) {
    out.push(getComputedStyle(e).backgroundColor);
  }
  return out;
}

export default defineContentScript({
  matches: UPLOAD_SCRIPT_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    let set: HighlightSet | null = null;
    let askedAt = -Infinity;
    let collapsed = false;
    let editor: HTMLElement | null = null;
    /** The caret while the caption had focus, for an insertion from the keyboard. */
    let caret: Range | null = null;
    let panel: Panel | null = null;
    let frame: number | null = null;

    const enabled = () => set?.caption?.enabled === true;

    const model = (text: string): PanelModel => {
      const tags = captionTags(text);
      const live = hasLiveTrending(set) ? set : null;
      return {
        count: countHashtags(text),
        tags,
        trending: live ? tagsByKey(live.tags) : null,
        suggestions: live
          ? chooseSuggestions(
              live.tags,
              live.caption?.selection ?? [],
              new Set(tags.map((tag) => tag.key)),
            )
          : null,
      };
    };

    const render = () => {
      if (!panel || !editor) return;
      if (!editor.isConnected || !enabled() || !isUploadPage(location.href)) {
        panel.hide();
        return;
      }
      const root = editor.closest(EDITOR_ROOT_SELECTOR) ?? editor;
      const frame = editor.closest(CAPTION_CONTAINER_SELECTOR) ?? root;
      const theme = themeOfBackgrounds(backgroundsUp(editor));
      panel.show(root, frame, model(captionText(editor)), theme, collapsed);
    };

    const renderSoon = () => {
      if (frame !== null) return;
      frame = requestAnimationFrame(() => {
        frame = null;
        render();
      });
    };

    let asking = 0;
    const ask = async () => {
      const ask = ++asking;
      askedAt = Date.now();
      try {
        const answer = await sendMessage('getHighlightSet');
        if (ctx.isInvalid || ask !== asking) return;
        set = answer;
      } catch {
        return; // Reloading, worker gone or rate-limited: keep what was shown; the next change asks.
      }
      renderSoon();
    };

    const insert = async (name: string) => {
      if (!panel || !editor) return;
      const target = editor;
      const before = captionText(target);
      if (!mayInsert(countHashtags(before))) {
        panel.say(t('captionFull', TIKTOK_HASHTAG_LIMIT, name));
        return;
      }
      const at = rangeIn(target) ?? caret;
      const text = insertionText(name, at ? textBeforeCaret(target, at) : '');
      const key = normalizeTagName(name);
      const had = captionTags(before).find((tag) => tag.key === key)?.count ?? 0;
      const typed = typeIntoEditor(target, caret, text);
      // The editor re-renders within the event; one frame later the text is there or refused.
      await new Promise((done) => requestAnimationFrame(done));
      // An editor that re-mounted is a new element: read the one on the page now.
      const current = target.isConnected
        ? target
        : document.querySelector<HTMLElement>(CAPTION_EDITOR_SELECTOR);
      const now = current
        ? (captionTags(captionText(current)).find((tag) => tag.key === key)?.count ?? 0)
        : 0;
      if (typed && now > had) {
        panel.say(t('captionInserted', name));
        return;
      }
      try {
        await navigator.clipboard.writeText(`#${name} `);
        panel.say(t('captionCopied', name));
      } catch {
        panel.say(t('captionCopyFailed', name));
      }
    };

    let starting: Promise<void> | null = null;
    const start = () =>
      (starting ??= (async () => {
        collapsed = await captionPanelCollapsedItem.getValue().catch(() => false);
        panel = createPanel(ctx, {
          toggle() {
            collapsed = !collapsed;
            void captionPanelCollapsedItem.setValue(collapsed).catch(() => undefined);
            render();
          },
          insert: (name) => void insert(name),
          leave() {
            if (editor) focusAtCaret(editor, caret);
          },
        });
      })());

    ctx.addEventListener(
      document,
      'focusin',
      (event) => {
        const target = event.target;
        if (panel?.owns(target)) return;
        if (
          !(target instanceof HTMLElement) ||
          !target.matches(CAPTION_EDITOR_SELECTOR) ||
          !isUploadPage(location.href)
        ) {
          if (editor) panel?.hide();
          return;
        }
        if (editor !== target) caret = null;
        editor = target;
        if (Date.now() - askedAt > REASK_MS) void ask();
        void start().then(renderSoon);
      },
      { capture: true },
    );
    // Focus leaving for the page itself (a click on nothing) hides the panel too.
    const saveCaret = () => {
      const range = editor ? rangeIn(editor) : null;
      if (range) caret = range.cloneRange();
    };
    ctx.addEventListener(
      document,
      'focusout',
      (event) => {
        // The caret as focus leaves the caption: a `selectionchange` for the last key press may
        // still be queued when Tab moves on.
        if (event.target === editor) saveCaret();
        ctx.setTimeout(() => {
          const active = document.activeElement;
          if (active !== editor && !panel?.owns(active)) panel?.hide();
        }, 0);
      },
      { capture: true },
    );
    ctx.addEventListener(document, 'selectionchange', saveCaret);
    ctx.addEventListener(
      document,
      'input',
      (event) => {
        if (editor && event.target instanceof Node && editor.contains(event.target)) renderSoon();
      },
      { capture: true },
    );
    const follow = () => panel?.place();
    ctx.addEventListener(window, 'scroll', follow, { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', follow, { passive: true });
    ctx.addEventListener(window, 'wxt:locationchange', renderSoon);

    // Nothing is asked before the first caption focus on an upload page.
    onHighlightSetChange(
      ctx,
      () => void ask(),
      () => askedAt !== -Infinity,
    );
  },
});
