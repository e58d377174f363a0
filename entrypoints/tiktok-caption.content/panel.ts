/**
 * The caption assistant's panel: a closed shadow root (the page can neither style nor read it) placed
 * right after the Draft.js editor in the document, so Tab from the caption reaches it, and shown
 * beside the caption (fixed, px units). Light or dark like the page. Only trusted events act; a
 * pointer press keeps the caret in the caption.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '@/lib/i18n';
import { limitState } from '@/lib/caption/limit';
import type { Theme } from '@/lib/caption/theme';
import { countText, h, renderBody, type PanelModel } from './view';

/** The panel's host element; the highlighter never looks inside it (closed shadow root). */
export const PANEL_TAG = 'hashtag-radar-caption';
const WIDTH = 280;
const GAP = 12;

const CSS = `
.panel { position: fixed; z-index: 2147483646; box-sizing: border-box; width: ${WIDTH}px;
  max-height: 420px; overflow: auto; border-radius: 10px; border: 1px solid var(--line);
  background: var(--bg); color: var(--fg); box-shadow: 0 6px 24px rgba(0,0,0,.18);
  font: 13px/18px system-ui, -apple-system, 'Segoe UI', sans-serif; text-align: left; }
.panel.light { --bg: #ffffff; --fg: #161823; --muted: #5c5e66; --line: #d9d9de; --chip: #f1f1f2;
  --accent: #c8102e; --focus: #0b5cad; --up: #0f7b3a; --down: #b3261e; --new: #00727a; }
.panel.dark { --bg: #1f1f23; --fg: #f1f1f2; --muted: #b8b8bf; --line: #3a3a40; --chip: #2c2c32;
  --accent: #ff6b81; --focus: #25f4ee; --up: #4ade80; --down: #f87171; --new: #25f4ee; }
.panel[hidden] { display: none; }
button { font: inherit; color: inherit; }
.head { all: unset; box-sizing: border-box; display: flex; width: 100%; gap: 8px;
  align-items: baseline; justify-content: space-between; padding: 8px 12px; cursor: pointer; }
.brand { font-weight: 700; }
.count { white-space: nowrap; }
.count.over { color: var(--accent); font-weight: 700; }
.head::after { content: '▾'; color: var(--muted); }
.head[aria-expanded='false']::after { content: '▸'; }
.body { padding: 0 12px 10px; }
.body[hidden] { display: none; }
h3 { margin: 8px 0 4px; font-size: 12px; font-weight: 600; color: var(--muted); }
ul { list-style: none; margin: 0; padding: 0; }
.tags li { display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline; padding: 2px 0; }
.suggestions { display: flex; flex-wrap: wrap; gap: 6px; }
.suggestions button { all: unset; box-sizing: border-box; display: inline-flex; gap: 6px;
  align-items: baseline; padding: 3px 8px; border-radius: 12px; background: var(--chip);
  border: 1px solid var(--line); cursor: pointer; }
.suggestions button:hover { border-color: var(--fg); }
.suggestions button[aria-disabled='true'] { cursor: not-allowed; }
.head:focus-visible, .suggestions button:focus-visible { outline: 2px solid var(--focus);
  outline-offset: 1px; }
.name { font-weight: 600; overflow-wrap: anywhere; }
.rank { font-weight: 700; color: var(--accent); }
.move { font-size: 12px; }
.move.up { color: var(--up); } .move.down { color: var(--down); } .move.new { color: var(--new); }
.quiet, .move.same { color: var(--muted); }
p { margin: 6px 0; }
.notice { margin: 4px 0 2px; }
.status { margin: 0; padding: 0 12px; }
.status:not(:empty) { padding: 6px 12px 8px; border-top: 1px solid var(--line); }
.sr { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
`;

export interface PanelCallbacks {
  /** The header was activated by the user: collapse or expand. */
  toggle(): void;
  /** A suggestion was activated by the user. */
  insert(name: string): void;
  /** Escape in the panel: back to the caption. */
  leave(): void;
}

export interface Panel {
  /**
   * Shows the panel with this content: in the document right after `after` (the editor's root), on
   * screen beside `beside` (the caption's frame).
   */
  show(after: Element, beside: Element, model: PanelModel, theme: Theme, collapsed: boolean): void;
  hide(): void;
  /** Says `text` politely (and shows it) until the next `say`. */
  say(text: string): void;
  /** Follows the caption after scrolling or a layout change. */
  place(): void;
  /** Whether focus or an event target is the panel (its host, as the page sees it). */
  owns(node: EventTarget | null): boolean;
}

/** Events the page's shortcuts and click-outside handlers must not see from the panel. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'mousedown', 'mouseup', 'click'];

/**
 * A closed shadow root of our own rather than WXT's `createShadowRootUi`, whose CSS fetching and
 * auto-mounting this panel does not use and which would cost a third of the script's budget.
 */
export function createPanel(ctx: ContentScriptContext, callbacks: PanelCallbacks): Panel {
  let anchor: Element | null = null;
  let frame: Element | null = null;
  const host = document.createElement(PANEL_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  // The host takes no room in the page's layout and inherits nothing from it.
  style.textContent = `:host { all: initial !important; display: contents !important; }\n${CSS}`;
  shadow.append(style);
  for (const type of ISOLATED_EVENTS) {
    shadow.addEventListener(type, (event) => event.stopPropagation());
  }
  ctx.onInvalidated(() => host.remove());
  const head = h(
    'button',
    { type: 'button', class: 'head', 'aria-controls': 'hashtag-radar-caption-body' },
    h('span', { class: 'brand' }, 'Hashtag Radar'),
    h('span', { class: 'count' }),
  );
  const body = h('div', { class: 'body', id: 'hashtag-radar-caption-body' });
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const panel = h('section', {
    class: 'panel',
    'aria-label': t('captionPanelLabel'),
    hidden: true,
  });
  panel.append(head, body, status);
  shadow.append(panel);

  // A press on the panel keeps focus (and Draft's caret) in the caption.
  panel.addEventListener('mousedown', (event) => event.preventDefault());
  panel.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('.head')) return callbacks.toggle();
    const name = target?.closest('button[data-insert]')?.getAttribute('data-insert');
    if (name) callbacks.insert(name);
  });
  panel.addEventListener('keydown', (event) => {
    if (event.isTrusted && event.key === 'Escape') {
      event.preventDefault();
      callbacks.leave();
    }
  });

  function place(): void {
    if (!frame?.isConnected || panel.hidden) return;
    const box = frame.getBoundingClientRect();
    const height = panel.getBoundingClientRect().height;
    const right = box.right + GAP;
    const beside = right + WIDTH <= window.innerWidth - GAP;
    let left = beside ? right : Math.max(GAP, Math.min(box.left, window.innerWidth - WIDTH - GAP));
    let top = beside ? box.top : box.bottom + GAP;
    top = Math.max(GAP, Math.min(top, window.innerHeight - height - GAP));
    panel.style.left = `${Math.round(left)}px`;
    panel.style.top = `${Math.round(top)}px`;
    // A transformed ancestor makes `fixed` relative to itself: correct by what actually happened.
    const actual = panel.getBoundingClientRect();
    left += left - actual.left;
    top += top - actual.top;
    panel.style.left = `${Math.round(left)}px`;
    panel.style.top = `${Math.round(top)}px`;
  }

  return {
    show(after, beside, model, theme, collapsed) {
      frame = beside;
      if (anchor !== after || !host.isConnected) {
        anchor = after;
        // Right after the editor in document order: Tab from the caption comes here next.
        anchor.after(host);
      }
      // Keeps keyboard focus on the same control across a re-render.
      const active = shadow.activeElement;
      const focusKey = active?.getAttribute('data-insert');
      panel.className = `panel ${theme}`;
      panel.hidden = false;
      const count = head.querySelector('.count')!;
      count.textContent = countText(model.count);
      count.classList.toggle('over', limitState(model.count) === 'over');
      head.setAttribute('aria-expanded', String(!collapsed));
      body.hidden = collapsed;
      body.replaceChildren(...renderBody(model));
      if (focusKey) {
        const again = [...body.querySelectorAll('button[data-insert]')].find(
          (b) => b.getAttribute('data-insert') === focusKey,
        );
        (again as HTMLElement | undefined)?.focus();
      }
      place();
    },
    hide() {
      panel.hidden = true;
      status.textContent = '';
    },
    say(text) {
      status.textContent = text;
      place();
    },
    place,
    owns(node) {
      return node === host;
    },
  };
}
