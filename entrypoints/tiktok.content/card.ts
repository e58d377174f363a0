/**
 * The hover card itself: rank, movement, trend, posts, views and data age in a closed shadow root
 * (`createShadowRootUi`), beside the tag, never over it. Loaded lazily on first hover (see
 * `entrypoints/tiktok-card.ts`); `hover.ts` decides when it shows. API data is rendered as text.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import { formatAge, formatCompact } from '@/lib/format';
import { t } from '@/lib/i18n';
import { normalizeTagName } from '@/lib/highlight/grammar';
import { OWN_UI_TAG } from '@/lib/highlight/scan';
import { sparklinePath } from '@/lib/highlight/sparkline';
import type { HighlightSet, HighlightTag, Movement } from '@/lib/trending/types';
import type { CardApi, CardCallbacks, WatchResult } from './card-api';

const CARD_WIDTH = 240;
const GAP = 8;
const SPARK_W = 208;
const SPARK_H = 36;

const CSS = `
.card { position: fixed; z-index: 2147483647; box-sizing: border-box; width: ${CARD_WIDTH}px; padding: 12px; border-radius: 10px;
  background: #1f1f23; color: #f1f1f2; border: 1px solid #3a3a40;
  box-shadow: 0 6px 24px rgba(0,0,0,.35); font: 13px/18px system-ui, -apple-system, sans-serif; }
.head { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; }
.name { font-weight: 700; font-size: 15px; overflow-wrap: anywhere; }
.rank { font-weight: 700; color: #ff4d6d; white-space: nowrap; }
.move { font-size: 12px; color: #b8b8bf; }
.move.up { color: #4ade80; } .move.down { color: #f87171; } .move.new { color: #25f4ee; }
svg { display: block; margin: 8px 0; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0 0 10px; }
dt { color: #b8b8bf; } dd { margin: 0; text-align: right; }
.age { font-size: 11px; color: #b8b8bf; margin: 0 0 10px; }
button { all: unset; box-sizing: border-box; display: block; width: 100%; padding: 7px 10px;
  border-radius: 6px; background: #e3113f; color: #fff; font-weight: 600; text-align: center;
  cursor: pointer; }
button:focus-visible { outline: 2px solid #25f4ee; outline-offset: 2px; }
.actions { display: grid; gap: 6px; }
.watch { padding: 6px 10px; background: transparent; color: #f1f1f2; border: 1px solid #6b6b74; }
.watch[aria-pressed="true"] { color: #25f4ee; border-color: #25f4ee; }
.watch-error { margin: 8px 0 0; font-size: 12px; color: #ff8a9b; }
.watch-error:empty { display: none; }
`;

function movementText(tag: HighlightTag): { text: string; label: string; cls: Movement } {
  const places = tag.rankDiff === null ? null : Math.abs(tag.rankDiff);
  const shown = places === null ? '' : ` ${places}`;
  switch (tag.movement) {
    case 'up':
      return {
        text: `▲${shown}`,
        label: places === null ? t('cardUp') : t('cardUpN', places),
        cls: 'up',
      };
    case 'down':
      return {
        text: `▼${shown}`,
        label: places === null ? t('cardDown') : t('cardDownN', places),
        cls: 'down',
      };
    case 'new':
      return { text: t('cardNew'), label: t('cardNewLabel'), cls: 'new' };
    case 'same':
      return { text: '—', label: t('cardSame'), cls: 'same' };
    default:
      return { text: '', label: '', cls: 'none' };
  }
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  cls?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}

/**
 * The watch toggle: its name stays "Watch #name"; the pressed state and the star say it is on.
 * Acts on a person's click only; shows the background's refusal (limit, rate) under the buttons.
 */
function watchToggle(
  tag: HighlightTag,
  watched: boolean,
  onWatch: (watched: boolean) => Promise<WatchResult>,
  error: HTMLElement,
): HTMLButtonElement {
  const button = el('button', undefined, 'watch');
  button.type = 'button';
  button.setAttribute('aria-label', t('cardWatch', `#${tag.name}`));
  const star = el('span');
  star.setAttribute('aria-hidden', 'true');
  button.append(star, ` ${t('cardWatchText')}`);
  const show = (on: boolean) => {
    button.setAttribute('aria-pressed', String(on));
    star.textContent = on ? '★' : '☆';
  };
  show(watched);
  let busy = false;
  button.addEventListener('click', (event) => {
    if (!event.isTrusted || busy) return;
    busy = true;
    void onWatch(button.getAttribute('aria-pressed') !== 'true').then((result) => {
      busy = false;
      if ('error' in result) error.textContent = result.error;
      else {
        error.textContent = '';
        show(result.watched);
      }
    });
  });
  return button;
}

/** Builds the card's content for one tag. */
function renderCard(
  tag: HighlightTag,
  set: HighlightSet,
  onOpen: () => void,
  onWatch: (watched: boolean) => Promise<WatchResult>,
): HTMLElement {
  const card = el('div', undefined, 'card');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', t('cardLabel', `#${tag.name}`, tag.rank));
  const head = el('div', undefined, 'head');
  head.append(el('span', `#${tag.name}`, 'name'), el('span', `#${tag.rank}`, 'rank'));
  card.append(head);
  const move = movementText(tag);
  if (move.text) {
    const m = el('div', move.text, `move ${move.cls}`);
    m.setAttribute('aria-label', move.label);
    m.title = move.label;
    card.append(m);
  }
  const d = sparklinePath(tag.trend, SPARK_W, SPARK_H);
  if (d) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', String(SPARK_W));
    svg.setAttribute('height', String(SPARK_H));
    svg.setAttribute('viewBox', `0 0 ${SPARK_W} ${SPARK_H}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', t('cardTrend', tag.trend.length));
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', '#25f4ee');
    path.setAttribute('stroke-width', '2');
    path.setAttribute('stroke-linejoin', 'round');
    svg.append(path);
    card.append(svg);
  }
  const stats = el('dl');
  stats.append(el('dt', t('posts')), el('dd', formatCompact(tag.posts)));
  stats.append(el('dt', t('views')), el('dd', formatCompact(tag.views)));
  card.append(stats);
  const age =
    set.source === 'sample'
      ? t('cardSample')
      : set.fetchedAt === null
        ? t('cardNotFetched')
        : t('cardUpdated', formatAge(set.fetchedAt));
  card.append(el('p', age, 'age'));
  const button = el('button', t('openInRadar'));
  button.type = 'button';
  // A page script cannot reach into the closed root, but an untrusted click must never act anyway.
  button.addEventListener('click', (event) => event.isTrusted && onOpen());
  const error = el('p', '', 'watch-error');
  error.setAttribute('role', 'status');
  const watched = set.watched.includes(normalizeTagName(tag.name));
  const actions = el('div', undefined, 'actions');
  actions.append(button, watchToggle(tag, watched, onWatch, error));
  card.append(actions, error);
  return card;
}

/** Below the tag if it fits, else above it; never over it. Positions the card, not the host. */
function place(card: HTMLElement, target: Element): void {
  card.style.visibility = 'hidden';
  card.style.left = '0px';
  card.style.top = '0px';
  const height = card.getBoundingClientRect().height;
  const rect = target.getBoundingClientRect();
  const below = rect.bottom + GAP;
  const above = rect.top - GAP - height;
  const fitsBelow = below + height <= window.innerHeight;
  const roomier = rect.top > window.innerHeight - rect.bottom ? above : below;
  const top = fitsBelow ? below : above >= 0 ? above : roomier;
  const left = Math.max(GAP, Math.min(rect.left, window.innerWidth - CARD_WIDTH - GAP));
  card.style.left = `${Math.round(left)}px`;
  card.style.top = `${Math.round(top)}px`;
  card.style.visibility = '';
}

export function createCard(ctx: ContentScriptContext, callbacks: CardCallbacks): CardApi {
  let ui: ShadowRootContentScriptUi<void> | null = null;
  const ready = createShadowRootUi(ctx, {
    name: OWN_UI_TAG,
    // Closed: the page's scripts get no handle on the card's nodes (its button opens our tabs).
    mode: 'closed',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: CSS,
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount() {},
  }).then((created) => {
    ui = created;
    created.mount();
    // The host is reset by WXT (`all: initial`); the card inside is what is positioned (fixed).
    const host = created.shadowHost;
    host.addEventListener('pointerenter', (event) => event.isTrusted && callbacks.enter());
    host.addEventListener('pointerleave', (event) => event.isTrusted && callbacks.leave());
    created.uiContainer.addEventListener('keydown', (event) => {
      if (!event.isTrusted) return;
      // Tab moves between the card's buttons; past the last (or before the first) it leaves the card.
      const buttons = [...created.uiContainer.querySelectorAll('button')];
      const at = buttons.indexOf(event.target as HTMLButtonElement);
      const leaves = event.shiftKey ? at <= 0 : at === buttons.length - 1;
      if (event.key === 'Escape' || (event.key === 'Tab' && leaves)) {
        event.preventDefault();
        callbacks.dismiss();
      }
    });
    return created;
  });

  return {
    async show(target, tag, set) {
      const created = await ready;
      if (ctx.isInvalid || !target.isConnected) return;
      const card = renderCard(
        tag,
        set,
        () => callbacks.open(tag.name),
        (watched) => callbacks.watch(tag.name, watched),
      );
      created.uiContainer.replaceChildren(card);
      place(card, target);
    },
    hide() {
      ui?.uiContainer.replaceChildren();
    },
    focus() {
      const button = ui?.uiContainer.querySelector('button');
      if (!button) return false;
      button.focus();
      return true;
    },
    contains(node) {
      return ui !== null && ui.shadowHost.contains(node);
    },
    remove() {
      ui?.remove();
    },
  };
}
