/**
 * The trending endpoint's response, validated with valibot. The envelope must be right or the whole
 * answer is refused; a malformed item is dropped alone and counted.
 */
import * as v from 'valibot';

/** Numbers sometimes arrive as numeric strings; accept both, reject anything else. */
const count = v.pipe(
  v.union([v.number(), v.pipe(v.string(), v.regex(/^\d+(?:\.\d+)?$/))]),
  v.transform(Number),
  v.number(),
  v.finite(),
  v.minValue(0),
);

const id = v.pipe(
  v.union([v.pipe(v.string(), v.minLength(1), v.maxLength(64)), v.pipe(v.number(), v.finite())]),
  v.transform(String),
);

const label = v.pipe(v.string(), v.maxLength(200));

export const TrendPointSchema = v.looseObject({
  time: v.pipe(v.number(), v.finite()),
  value: v.pipe(v.number(), v.finite()),
});

export const CreatorSchema = v.looseObject({
  nick_name: v.optional(v.nullable(label), null),
  avatar_url: v.optional(v.nullable(v.string()), null),
});

export const ApiItemSchema = v.looseObject({
  hashtag_id: id,
  hashtag_name: v.pipe(
    v.string(),
    v.transform((name) => name.trim().replace(/^#+/, '')),
    v.minLength(1),
    v.maxLength(200),
  ),
  country_info: v.optional(
    v.nullable(v.looseObject({ id: v.pipe(v.string(), v.maxLength(32)), value: label })),
    null,
  ),
  industry_info: v.optional(v.nullable(v.looseObject({ id, value: label })), null),
  is_promoted: v.optional(v.boolean(), false),
  trend: v.pipe(v.array(TrendPointSchema), v.maxLength(1000)),
  creators: v.optional(v.nullable(v.array(CreatorSchema)), null),
  publish_cnt: count,
  video_views: count,
  rank: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** 1 up, 2 unchanged, 3 down, 4 new; anything else (or nothing) means no movement shown. */
  rank_diff_type: v.optional(v.unknown()),
  rank_diff: v.optional(v.unknown()),
});
export type ApiItem = v.InferOutput<typeof ApiItemSchema>;

export const PaginationSchema = v.looseObject({
  page: v.optional(count),
  size: v.optional(count),
  total: v.optional(count),
  has_more: v.optional(v.boolean()),
});

/** Any JSON body with a numeric `code`: success and error bodies share it. */
export const EnvelopeSchema = v.looseObject({
  code: v.number(),
  message: v.optional(v.nullable(v.string())),
  data: v.optional(v.unknown()),
});

export const SuccessDataSchema = v.looseObject({
  list: v.array(v.unknown()),
  pagination: v.optional(v.nullable(PaginationSchema)),
});
