/**
 * What only the extension's own contexts may read or change: the API key and the state that governs
 * spending (the credit ledger and the request gates). It lives in IndexedDB of the extension's
 * origin, which content scripts cannot reach — they run in the page's origin — unlike
 * `storage.local` and `storage.sync`, which content scripts may read, write and watch through
 * `storage.onChanged`. Background and extension pages only (ESLint keeps page-facing code out).
 *
 * Each item is declared once with its fallback and a schema: a damaged value is dropped on read,
 * never thrown. Earlier versions kept these values in `storage.local`; the first read in a context
 * moves them here and deletes the old copy (and so does an update, see lifecycle.ts).
 */
import { createStore, del, get, set } from 'idb-keyval';
import * as v from 'valibot';
import { browser } from 'wxt/browser';

export const VAULT_DB = 'hashtag-radar';
export const VAULT_STORE = 'vault';

interface Connection {
  factory: IDBFactory;
  store: ReturnType<typeof createStore>;
  /** The move of values earlier versions kept in storage.local, once per connection. */
  migration?: Promise<void>;
}
let connection: Connection | undefined;

/** This context's handle on the vault (a new IndexedDB factory, as each unit test has, gets a new one). */
function open(): Connection {
  if (connection?.factory !== indexedDB) {
    connection = { factory: indexedDB, store: createStore(VAULT_DB, VAULT_STORE) };
  }
  return connection;
}
const vaultStore = () => open().store;

export interface VaultItem<T> {
  readonly key: string;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
}

type Listener = (key: string) => void;
const listeners = new Set<Listener>();

/**
 * Calls `listener` after every write of a vault item in this context. The background is the only
 * writer, so this replaces `storage.onChanged` for what it must react to (schedule, badge).
 */
export function watchVault(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const notify = (key: string) => listeners.forEach((listener) => listener(key));

/** What earlier versions kept in `storage.local`, under the same names the vault uses. */
export const LEGACY_LOCAL_KEYS = ['apiKey', 'radar:credits', 'radar:gates'] as const;

/**
 * Moves values earlier versions kept in `storage.local` into the vault (a value already in the vault
 * wins) and deletes them there. Once per context; a failed attempt is tried again on the next read.
 */
export function migrateLegacyValues(): Promise<void> {
  const current = open();
  current.migration ??= (async () => {
    const found = await browser.storage.local.get([...LEGACY_LOCAL_KEYS]);
    const present = LEGACY_LOCAL_KEYS.filter((name) => found[name] !== undefined);
    if (!present.length) return;
    for (const name of present) {
      if ((await get(name, vaultStore())) === undefined) await set(name, found[name], vaultStore());
    }
    await browser.storage.local.remove(present);
  })().catch((error: unknown) => {
    current.migration = undefined;
    throw error;
  });
  return current.migration;
}

export function defineVaultItem<T>(
  key: string,
  options: {
    fallback: T;
    schema: v.GenericSchema<unknown, T>;
  },
): VaultItem<T> {
  return {
    key,
    async getValue() {
      await migrateLegacyValues();
      const raw: unknown = await get(key, vaultStore());
      if (raw !== undefined) {
        const parsed = v.safeParse(options.schema, raw);
        if (parsed.success) return parsed.output;
        await del(key, vaultStore());
      }
      // A copy: callers may change what they read before they write it back.
      return structuredClone(options.fallback);
    },
    async setValue(value) {
      await set(key, value, vaultStore());
      notify(key);
    },
    async removeValue() {
      await del(key, vaultStore());
      notify(key);
    },
  };
}

/**
 * The user's keyapi.ai key. Read only by the background (`lib/keyapi`, `lib/trending`); pages hand a
 * new key to the background by message and get back a masked hint. This browser only: never synced.
 */
export const apiKeyItem = defineVaultItem<string>('apiKey', {
  fallback: '',
  schema: v.string(),
});
