/**
 * What the popup marks on its rows besides the ranking: which hashtags are watched, which are
 * selected for a caption, and how many watchlist changes are unseen. Read from storage directly
 * (like prefs.ts: lib/storage's items would pull @wxt-dev/storage into the popup), kept current by
 * `storage.onChanged`. Watching goes through the background (`setWatched`), the only writer of the
 * watchlist; the selection is the popup's own (`session:captionSelection`, names in the order
 * picked), which the caption assistant reads through the background.
 */
import { browser, type Browser } from 'wxt/browser';
import { sanitizeSelection } from '../../lib/caption/selection';
import { normalizeTagName } from '../../lib/highlight/grammar';
import { sendMessage } from '../../lib/messaging';
import type { RowMarks } from '../../components/TrendList';
import { split, touches, write, type StorageKey } from './prefs';

/** The items of lib/watch/store.ts and lib/storage.ts these mirror (marks.test.ts checks them). */
export const MARK_KEYS = {
  watchlist: 'sync:watchlist',
  changes: 'local:watch:changes',
  selection: 'session:captionSelection',
} as const;

export interface Marks {
  /** Watched names, compared as the highlighter does (NFC, lower case). */
  watched: ReadonlySet<string>;
  /** Selected names in the order picked. */
  selection: string[];
  unseen: number;
  /** Why the last watch or unwatch was refused (full watchlist, storage failed), until the next. */
  refused: string | null;
}

/** Names of a stored watchlist; anything damaged is left out (the background repairs it). */
export function watchedNames(raw: unknown): Set<string> {
  const list = Array.isArray(raw) ? (raw as { name?: unknown }[]) : [];
  return new Set(
    list.flatMap((tag) => (typeof tag?.name === 'string' ? [normalizeTagName(tag.name)] : [])),
  );
}

export function unseenIn(raw: unknown): number {
  return Array.isArray(raw) ? raw.filter((e: { seen?: unknown }) => e?.seen === false).length : 0;
}

/** The selection with `name` added at the end, or taken out when it is in it. Pure. */
export function toggleName(selection: string[], name: string): string[] {
  const key = normalizeTagName(name);
  const kept = selection.filter((n) => normalizeTagName(n) !== key);
  return kept.length < selection.length ? kept : [...selection, name];
}

async function read(key: StorageKey): Promise<unknown> {
  const [area, name] = split(key);
  try {
    return (await browser.storage[area].get(name))[name];
  } catch {
    return undefined;
  }
}

export function createMarks() {
  let marks: Marks = { watched: new Set(), selection: [], unseen: 0, refused: null };
  let rows: RowMarks | null = null;
  const listeners = new Set<() => void>();
  const set = (patch: Partial<Marks>) => {
    marks = { ...marks, ...patch };
    rows = null;
    listeners.forEach((l) => l());
  };
  const writeSelection = (selection: string[]) => {
    set({ selection });
    return write(MARK_KEYS.selection, selection);
  };

  /** Watches or stops watching; a refusal is kept in `refused` for the page to say. */
  async function setWatched(name: string, watched: boolean): Promise<void> {
    const key = normalizeTagName(name);
    const before = marks.watched;
    const next = new Set(before);
    if (watched) next.add(key);
    else next.delete(key);
    set({ watched: next, refused: null });
    try {
      await sendMessage('setWatched', { name, watched });
    } catch (error) {
      set({ watched: before, refused: error instanceof Error ? error.message : String(error) });
    }
  }

  const toggleSelected = (name: string) => writeSelection(toggleName(marks.selection, name));

  async function load() {
    const [watchlist, changes, selection] = await Promise.all(Object.values(MARK_KEYS).map(read));
    set({
      watched: watchedNames(watchlist),
      unseen: unseenIn(changes),
      selection: sanitizeSelection(selection),
    });
  }

  const onChange = (changes: Record<string, Browser.storage.StorageChange>, area: string) => {
    if (Object.values(MARK_KEYS).some((key) => touches(key, changes, area))) void load();
  };

  return {
    get: () => marks,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      browser.storage.onChanged.addListener(onChange);
      return load();
    },
    stop: () => browser.storage.onChanged.removeListener(onChange),
    /** Watches or stops watching; a refusal is said through `refused`. */
    setWatched,
    toggleSelected,
    clearSelection: () => writeSelection([]),
    /** What the rows need, the same object while nothing changed (rows skip re-rendering). */
    rows: (): RowMarks =>
      (rows ??= {
        watched: marks.watched,
        selected: new Set(marks.selection.map(normalizeTagName)),
        onWatch: (name, watched) => void setWatched(name, watched),
        onSelect: (name) => void toggleSelected(name),
      }),
  };
}

export type MarksStore = ReturnType<typeof createMarks>;
