/** The trending list the TikTok fixture pages are written against, and mock items built from it. */
import { apiHashtags, type ApiItem } from './server';

/** Rank order. At the default depth of 20, `nightroutine` (21) is not highlighted. */
export const FIXTURE_TREND = [
  'fyp',
  'foryou',
  'café',
  '日本',
  'dance',
  'booktok',
  'lifehack',
  'straße',
  'été',
  'gym',
  'cat',
  'food',
  'travel',
  'comedy',
  'kpop',
  'diy',
  'skincare',
  'football',
  'art',
  'recipe',
  'nightroutine',
];

/** Mock API items with exactly these names, rank = position + 1. */
export function itemsNamed(names: readonly string[]): ApiItem[] {
  const base = apiHashtags();
  return names.map((name, i) => ({ ...base[i % base.length]!, hashtag_name: name, rank: i + 1 }));
}
