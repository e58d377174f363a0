/**
 * A lookup handed from the background (context menu, hover card) to the popup or side panel it
 * opens: `{name, at}` in `storage.session`, which extension pages can read and content scripts
 * cannot. A page just opened takes a recent one once; a page already open is told by the change.
 * Plain `browser.storage` (not lib/storage's items): the popup's 45 KB budget (see popup/prefs.ts).
 */
import { browser, type Browser } from 'wxt/browser';

export const LOOKUP_ITEM = 'session:radar:lookup';
const KEY = LOOKUP_ITEM.slice('session:'.length);
/** Older than this, a lookup is not shown: it was for a popup that never opened. */
export const LOOKUP_MAX_AGE_MS = 30_000;

export interface Lookup {
  name: string;
  /** When it was asked for (ms since epoch). */
  at: number;
}

/** A stored lookup, if it is one and recent; anything else is nothing. Pure. */
export function freshLookup(value: unknown, now: number): Lookup | null {
  const v = value as Partial<Lookup> | null;
  if (typeof v?.name !== 'string' || v.name === '' || v.name.length > 200) return null;
  if (typeof v.at !== 'number' || !(now - v.at >= 0 && now - v.at <= LOOKUP_MAX_AGE_MS))
    return null;
  return { name: v.name, at: v.at };
}

const session = () => browser.storage.session;

/** The background: the page about to open should show `name`. */
export function requestLookup(name: string, now = Date.now()): Promise<void> {
  return session().set({ [KEY]: { name, at: now } satisfies Lookup });
}

export function clearLookup(): Promise<void> {
  return session().remove(KEY);
}

/**
 * The popup or panel: calls `show` with a recent lookup waiting for it (then forgets it), and with
 * every new one while the page is open. Returns the function that stops listening.
 */
export function watchLookups(show: (name: string) => void): () => void {
  let last = 0;
  const take = (value: unknown) => {
    const lookup = freshLookup(value, Date.now());
    if (!lookup || lookup.at === last) return;
    last = lookup.at;
    show(lookup.name);
    void clearLookup().catch(() => undefined);
  };
  const onChanged = (changes: Record<string, Browser.storage.StorageChange>, area: string) => {
    if (area === 'session' && changes[KEY]) take(changes[KEY].newValue);
  };
  // Listening first: a lookup written while the read is under way is not missed.
  browser.storage.onChanged.addListener(onChanged);
  void session()
    .get(KEY)
    .then((got) => take(got[KEY]))
    .catch(() => undefined);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
