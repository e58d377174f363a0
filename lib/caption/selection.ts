/**
 * The popup's selection as stored (`session:captionSelection`): hashtag names in the order picked.
 * Read values are checked here, so a damaged item loses only what is not a name. Pure.
 */
import { normalizeTagName, wholeTextTagName } from '../highlight/grammar';

/** Names kept at most; the tray is for picking five, a longer list is damage. */
export const MAX_SELECTION = 100;

/** Valid names (with or without `#`), each once, in order; anything else is dropped. */
export function sanitizeSelection(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const names: string[] = [];
  for (const value of raw) {
    if (typeof value !== 'string' || value.length > 200) continue;
    const name = wholeTextTagName(value);
    if (name === null) continue;
    const key = normalizeTagName(name);
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(name);
    if (names.length >= MAX_SELECTION) break;
  }
  return names;
}
