/** Hashtag names from outside the background (a content script, a link's address), made safe to use. Pure. */

/** A hashtag name as the content script may pass it: no `#`, no control characters, not endless. */
export function cleanTagName(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const name = [...raw.trim().replace(/^#+/, '')]
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f)
    .join('');
  return name.length > 0 && name.length <= 200 ? name : null;
}
