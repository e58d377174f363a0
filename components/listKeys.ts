/** Keyboard helpers for the ranked list. Pure: they take the key and positions, return positions. */

/** Where focus goes for a navigation key in a list of `count` rows; null when the key is not one. */
export function nextRowIndex(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(current + 1, count - 1);
    case 'ArrowUp':
      return Math.max(current - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** True when keys typed at `target` are text for a field, so shortcuts like `/` must not fire. */
export function isTextEntry(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el?.matches) return false;
  return (
    el.isContentEditable ||
    el.matches('textarea, select, input:not([type=checkbox], [type=radio], [type=button])')
  );
}

/** Whether `/` (search) should be taken as the shortcut here. */
export function isSearchShortcut(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>,
): boolean {
  return e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTextEntry(e.target);
}
