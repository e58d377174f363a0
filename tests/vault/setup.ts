// Vitest setup (vitest.config.ts → setupFiles): the vault (lib/vault.ts) keeps the key, credits and
// gates in IndexedDB, which Node lacks. Each test gets an empty one from fake-indexeddb, as
// fakeBrowser.reset() gives each an empty storage (the vault opens a new connection when the
// factory changes).
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
