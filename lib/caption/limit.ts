/**
 * TikTok's five-hashtag limit (September 2025) and the assistant's rule for it: a suggestion is
 * inserted only while the caption has fewer than five hashtag tokens (repeats count, as TikTok links
 * each one); at five or more nothing is inserted and the panel says why. Pure.
 */

export const TIKTOK_HASHTAG_LIMIT = 5;

export type LimitState = 'room' | 'full' | 'over';

/** `room`: under five; `full`: exactly five; `over`: more than TikTok accepts. */
export function limitState(count: number): LimitState {
  if (count < TIKTOK_HASHTAG_LIMIT) return 'room';
  return count === TIKTOK_HASHTAG_LIMIT ? 'full' : 'over';
}

/** Whether one more hashtag may be inserted into a caption that has `count`. */
export function mayInsert(count: number): boolean {
  return limitState(count) === 'room';
}
