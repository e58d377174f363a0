/** Schemas of what the data service keeps in storage, checked on every read (storage can hold anything). */
import * as v from 'valibot';
import { MOVEMENTS, TREND_ERROR_KINDS } from './types';

const finite = v.pipe(v.number(), v.finite());

export const StoredHashtagSchema = v.object({
  id: v.string(),
  name: v.pipe(v.string(), v.minLength(1)),
  rank: finite,
  /** Version 1 kept an unknown movement as-is; anything unknown is no movement. */
  movement: v.fallback(v.picklist(MOVEMENTS), 'none'),
  rankDiff: v.optional(v.nullable(finite), null),
  country: v.nullable(v.object({ code: v.string(), name: v.string() })),
  industry: v.nullable(v.object({ id: v.string(), name: v.string() })),
  promoted: v.boolean(),
  trend: v.array(v.object({ time: finite, value: finite })),
  creators: v.array(v.object({ name: v.string(), avatarUrl: v.nullable(v.string()) })),
  posts: finite,
  views: finite,
});

export const StoredPageSchema = v.object({
  items: v.array(StoredHashtagSchema),
  total: finite,
  hasMore: v.boolean(),
  dropped: v.optional(finite, 0),
});

export const StoredErrorSchema = v.object({
  kind: v.picklist(TREND_ERROR_KINDS),
  message: v.string(),
  byApi: v.optional(v.boolean()),
  status: v.optional(finite),
  retryAt: v.optional(finite),
});
