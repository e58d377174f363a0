/**
 * What the background publishes about the key, so a page can paint without asking it: whether a
 * key is saved, and the error the key itself stands in (none saved, or refused by keyapi.ai) — never
 * the key nor a hint of it. Kept in storage.local beside the cache: nothing in it is secret. A page
 * script that wrote it could at worst make an opening popup show the wrong notice until the
 * background's answer, which always wins. Versioned and checked on read: an absent, older or
 * damaged value reads as unknown (the popup then waits for the background).
 */
import * as v from 'valibot';
import { StoredErrorSchema } from './stored-schema';
import type { TrendError } from './types';

/** WXT-style key. */
export const KEY_STATE_KEY = 'local:radar:keyState';
export const KEY_STATE_VERSION = 1;

export interface KeyState {
  version: typeof KEY_STATE_VERSION;
  keySet: boolean;
  /** No key (`no-key`), or keyapi.ai refused it (`invalid-key`): said even when the cache is fresh. */
  keyError: TrendError | null;
}

const KeyStateSchema = v.object({
  version: v.literal(KEY_STATE_VERSION),
  keySet: v.boolean(),
  keyError: v.nullable(StoredErrorSchema),
});

/** A stored key state, or null when there is none yet, or it is of another version or damaged. */
export function parseKeyState(raw: unknown): KeyState | null {
  const parsed = v.safeParse(KeyStateSchema, raw);
  return parsed.success ? (parsed.output as KeyState) : null;
}
