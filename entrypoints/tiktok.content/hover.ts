/**
 * When the hover card shows: ~300 ms after a marked tag is hovered or focused; it hides when the
 * pointer leaves tag and card, on Escape, and on focus moving away. Tab on a focused tag with its
 * card open moves into the card. The card's code is loaded on first need (see card-api.ts).
 * Only trusted events (a person's pointer and keys) act: a page script dispatching its own events
 * opens no card and reaches no button.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { RANK_ATTRIBUTE } from '@/lib/highlight/scan';
import { normalizeTagName } from '@/lib/highlight/grammar';
import type { HighlightSet } from '@/lib/trending/types';
import {
  CARD_FILE,
  CARD_GLOBAL,
  type CardApi,
  type CardCallbacks,
  type CreateCard,
} from './card-api';

const OPEN_DELAY_MS = 300;
const CLOSE_DELAY_MS = 200;

export interface HoverOptions {
  ctx: ContentScriptContext;
  /** The normalized trending name of an element we marked, else undefined. */
  nameOf(element: Element): string | undefined;
  current(): HighlightSet | null;
  open(name: string): void;
  watch: CardCallbacks['watch'];
}

export function setupHover(options: HoverOptions): void {
  const { ctx } = options;
  let card: Promise<CardApi | null> | null = null;
  let loaded: CardApi | null = null;
  let openTimer: number | null = null;
  let closeTimer: number | null = null;
  let anchor: Element | null = null;
  let suppressFocus: Element | null = null;

  const loadCard = () =>
    (card ??= import(/* @vite-ignore */ browser.runtime.getURL(CARD_FILE))
      .then(() => {
        const create = (globalThis as Record<string, unknown>)[CARD_GLOBAL] as CreateCard;
        loaded = create(ctx, {
          enter: clearTimers,
          leave: scheduleClose,
          dismiss: () => close(true),
          open: (name) => {
            options.open(name);
            close(false);
          },
          watch: options.watch,
        });
        return loaded;
      })
      .catch(() => null));

  function clearTimers(): void {
    if (openTimer !== null) clearTimeout(openTimer);
    if (closeTimer !== null) clearTimeout(closeTimer);
    openTimer = closeTimer = null;
  }

  function close(returnFocus: boolean): void {
    clearTimers();
    const previous = anchor;
    anchor = null;
    loaded?.hide();
    if (returnFocus && previous instanceof HTMLElement && previous.isConnected) {
      suppressFocus = previous;
      previous.focus({ preventScroll: true });
    }
  }

  function scheduleClose(): void {
    if (closeTimer !== null) clearTimeout(closeTimer);
    closeTimer = ctx.setTimeout(() => close(false), CLOSE_DELAY_MS);
  }

  async function show(target: Element): Promise<void> {
    const name = options.nameOf(target);
    const set = options.current();
    const tag = set?.tags.find((t) => normalizeTagName(t.name) === name);
    if (!tag || !set) return;
    const api = await loadCard();
    if (!api || ctx.isInvalid || !target.isConnected) return;
    anchor = target;
    await api.show(target, tag, set);
  }

  function scheduleOpen(mark: Element): void {
    clearTimers();
    if (anchor === mark) return;
    void loadCard();
    openTimer = ctx.setTimeout(() => void show(mark), OPEN_DELAY_MS);
  }

  function markOf(event: Event): Element | null {
    if (!event.isTrusted) return null;
    const target = event.target;
    if (!(target instanceof Element)) return null;
    const mark = target.closest(`[${RANK_ATTRIBUTE}]`);
    return mark !== null && options.nameOf(mark) !== undefined ? mark : null;
  }

  ctx.addEventListener(document, 'pointerover', (event) => {
    const mark = markOf(event);
    if (mark) scheduleOpen(mark);
  });
  ctx.addEventListener(document, 'pointerout', (event) => {
    const mark = markOf(event);
    if (!mark) return;
    const to = event.relatedTarget;
    if (to instanceof Node && (mark.contains(to) || loaded?.contains(to))) return;
    if (anchor === null) clearTimers();
    else scheduleClose();
  });
  ctx.addEventListener(document, 'focusin', (event) => {
    const mark = markOf(event);
    if (!mark) return;
    if (suppressFocus === mark) {
      suppressFocus = null;
      return;
    }
    scheduleOpen(mark);
  });
  ctx.addEventListener(document, 'focusout', (event) => {
    const mark = markOf(event);
    const to = event.relatedTarget;
    if (!mark || (to instanceof Node && loaded?.contains(to))) return;
    if (anchor === mark) scheduleClose();
    else clearTimers();
  });
  ctx.addEventListener(document, 'keydown', (event) => {
    if (!event.isTrusted) return;
    if (event.key === 'Escape' && (anchor !== null || openTimer !== null)) {
      close(false);
    } else if (event.key === 'Tab' && !event.shiftKey && anchor !== null) {
      if (document.activeElement === anchor && loaded?.focus()) {
        event.preventDefault();
        clearTimers();
      }
    }
  });
  ctx.onInvalidated(() => {
    clearTimers();
    loaded?.remove();
  });
}
