/**
 * The hashtags of a caption, read with the highlighter's grammar (`lib/highlight/grammar.ts`), so a
 * tag the panel counts is a tag the highlighter would mark. Pure string logic.
 */
import { findTagTokens, normalizeTagName } from '../highlight/grammar';

export interface CaptionTag {
  /** As first written in the caption, without `#`. */
  name: string;
  /** `normalizeTagName(name)`: what names are compared by. */
  key: string;
  /** How often the caption has it. */
  count: number;
}

/** Every hashtag token of the caption, repeats included: what TikTok's limit counts. */
export function countHashtags(caption: string): number {
  return findTagTokens(caption).length;
}

/** The caption's hashtags, each once (first spelling), in the order they first appear. */
export function captionTags(caption: string): CaptionTag[] {
  const byKey = new Map<string, CaptionTag>();
  for (const token of findTagTokens(caption)) {
    const key = normalizeTagName(token.name);
    const seen = byKey.get(key);
    if (seen) seen.count++;
    else byKey.set(key, { name: token.name, key, count: 1 });
  }
  return [...byKey.values()];
}

/** A character after which `#name` would not start a tag (rule 4: `word#tag` is no tag). */
const GLUES = /[\p{L}\p{M}\p{N}_#]$/u;

/**
 * What to type for `name` at a caret preceded (on its line) by `before`: `#name ` and, when the
 * caret sits right after a word, a space first, so the inserted text is a tag of its own.
 */
export function insertionText(name: string, before: string): string {
  return `${GLUES.test(before) ? ' ' : ''}#${name} `;
}
