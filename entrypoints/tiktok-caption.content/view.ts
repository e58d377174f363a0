/**
 * The panel's content, built from plain data: the caption's hashtags with rank and movement, and the
 * suggestions to insert. Page and API data are rendered as text, never as HTML.
 */
import { t } from '@/lib/i18n';
import { TIKTOK_HASHTAG_LIMIT, limitState } from '@/lib/caption/limit';
import type { Suggestion, Suggestions } from '@/lib/caption/suggest';
import type { CaptionTag } from '@/lib/caption/tags';
import type { HighlightTag, Movement } from '@/lib/trending/types';

export interface PanelModel {
  /** Hashtag tokens in the caption, repeats included. */
  count: number;
  tags: CaptionTag[];
  /** The trending list by normalized name; null when there is no live list to show. */
  trending: Map<string, HighlightTag> | null;
  suggestions: Suggestions | null;
}

type Child = Node | string | null | false;

/** `h('li', {class: 'x'}, child…)`: an element with attributes (true = present) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) node.setAttribute(name, '');
    else if (value !== false) node.setAttribute(name, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** Arrow and places for a movement, with what a screen reader says instead. */
const MOVES: Record<Movement, (places: number | null) => [string, string] | null> = {
  up: (n) => [n === null ? '▲' : `▲${n}`, n === null ? t('cardUp') : t('cardUpN', n)],
  down: (n) => [n === null ? '▼' : `▼${n}`, n === null ? t('cardDown') : t('cardDownN', n)],
  new: () => [t('cardNew'), t('cardNewLabel')],
  same: () => ['—', t('cardSame')],
  none: () => null,
};

/** Rank and movement of a trending tag as badges (spelled out for screen readers), else "not trending". */
function standing(tag: HighlightTag | null | undefined): Node[] {
  if (!tag) return [h('span', { class: 'quiet' }, t('captionNotTrending'))];
  const nodes = [badge('rank', `#${tag.rank}`, t('captionRank', tag.rank))];
  const move = MOVES[tag.movement](tag.rankDiff === null ? null : Math.abs(tag.rankDiff));
  if (move) nodes.push(badge(`move ${tag.movement}`, move[0], move[1]));
  return nodes;
}

/** A short visual badge whose screen-reader text is `spoken`. */
function badge(cls: string, shown: string, spoken: string): HTMLElement {
  return h(
    'span',
    { class: cls },
    h('span', { 'aria-hidden': 'true' }, shown),
    h('span', { class: 'sr' }, spoken),
  );
}

/** "2 of 5 hashtags", or the warning past five. */
export function countText(count: number): string {
  return limitState(count) === 'over'
    ? t('captionCountOver', count, TIKTOK_HASHTAG_LIMIT)
    : t('captionCount', count, TIKTOK_HASHTAG_LIMIT);
}

function captionList(model: PanelModel): HTMLElement {
  const section = h('div', { class: 'group' }, h('h3', {}, t('captionInCaption')));
  if (model.tags.length === 0) {
    section.append(h('p', { class: 'quiet' }, t('captionNoTags')));
    return section;
  }
  const list = h('ul', { class: 'tags' });
  for (const tag of model.tags) {
    const item = h('li', {}, h('span', { class: 'name' }, `#${tag.name}`));
    if (tag.count > 1) item.append(badge('quiet', `×${tag.count}`, t('captionTimes', tag.count)));
    if (model.trending) item.append(...standing(model.trending.get(tag.key)));
    list.append(item);
  }
  section.append(list);
  return section;
}

function suggestionList(title: string, suggestions: Suggestion[], full: boolean): HTMLElement {
  const group = h('div', { class: 'group' }, h('h3', {}, title));
  const list = h('ul', { class: 'suggestions' });
  for (const suggestion of suggestions) {
    const details = suggestion.tag ? standing(suggestion.tag) : [];
    const button = h(
      'button',
      {
        type: 'button',
        'data-insert': suggestion.name,
        'aria-disabled': full ? 'true' : false,
      },
      h('span', { class: 'name' }, `#${suggestion.name}`),
    );
    button.append(...details);
    // The name comes from the content ("#fyp rank 3 up 2 places"): what is seen is what is said.
    button.title = t('captionInsert', suggestion.name);
    list.append(h('li', {}, button));
  }
  group.append(list);
  return group;
}

/** The panel's body: the caption's tags, then what to insert (or why there is nothing). */
export function renderBody(model: PanelModel): HTMLElement[] {
  if (!model.trending || !model.suggestions) {
    return [h('p', { class: 'notice' }, t('captionUnavailable'))];
  }
  const full = limitState(model.count) !== 'room';
  const parts = [captionList(model)];
  const { selected, trending } = model.suggestions;
  if (selected.length) parts.push(suggestionList(t('captionSelection'), selected, full));
  if (trending.length) parts.push(suggestionList(t('captionTrending'), trending, full));
  if (!selected.length && !trending.length)
    parts.push(h('p', { class: 'quiet' }, t('captionAllUsed')));
  return parts;
}
