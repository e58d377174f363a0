/**
 * The handshake between the content script and its lazily loaded hover card (`tiktok-card.js`,
 * evaluated in the content script's isolated world): the card registers its API under this global.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HighlightSet, HighlightTag } from '@/lib/trending/types';

export const CARD_GLOBAL = '__hashtagRadarCard';
export const CARD_FILE = '/tiktok-card.js' as const;

export interface CardCallbacks {
  /** The pointer entered / left the card. */
  enter(): void;
  leave(): void;
  /** Escape or Tab inside the card: close it and give focus back to the tag. */
  dismiss(): void;
  open(name: string): void;
  /** Watch or unwatch `name`: its watched state afterwards, or the error to say. */
  watch(name: string, watched: boolean): Promise<WatchResult>;
}

export type WatchResult = { watched: boolean } | { error: string };

export interface CardApi {
  /** Shows the card for `tag` beside `target` (below it, or above when there is no room). */
  show(target: Element, tag: HighlightTag, set: HighlightSet): Promise<void>;
  hide(): void;
  /** Moves focus into the card; false when no card is shown. */
  focus(): boolean;
  /** Whether a node is inside the card's shadow host. */
  contains(node: Node): boolean;
  remove(): void;
}

export type CreateCard = (ctx: ContentScriptContext, callbacks: CardCallbacks) => CardApi;
