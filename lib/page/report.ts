/**
 * What a tiktok.com tab's content script reports of its page for "On this page": the trending
 * names it marked and, on a video page, the hashtags of the video's caption. Names only, each a
 * bare name by the highlighter's grammar, at most 500 of each. Pure: the background checks every
 * report with it, and the content script trims what it sends with the same rules.
 */
import { isTagName, MAX_TAG_NAME_LENGTH } from '../highlight/grammar';

/** Most names a report may carry in each list (a page marks at most the top 100). */
export const MAX_PAGE_NAMES = 500;

export interface PageReport {
  /** Trending names marked on the page (the highlighter's form: NFC, lower case). */
  names: string[];
  /** On a video page, the caption's hashtags as written, in order, each once; otherwise null. */
  caption: string[] | null;
}

function checkNames(value: unknown, what: string): string[] {
  if (!Array.isArray(value)) throw new Error(`The page's ${what} must be a list of names.`);
  if (value.length > MAX_PAGE_NAMES) {
    throw new Error(`Too many ${what}: ${value.length} (at most ${MAX_PAGE_NAMES}).`);
  }
  for (const name of value) {
    if (!isTagName(name)) {
      throw new Error(
        `Not a hashtag name in the page's ${what} (letters, digits and _, at most ${MAX_TAG_NAME_LENGTH} characters, no #).`,
      );
    }
  }
  return [...new Set(value as string[])];
}

/** The report in `data` (`names`, `caption`), checked; throws an error saying what is wrong. */
export function checkPageReport(data: unknown): PageReport {
  const d = (data ?? {}) as Partial<Record<keyof PageReport, unknown>>;
  return {
    names: checkNames(d.names, 'names'),
    caption:
      d.caption === null || d.caption === undefined ? null : checkNames(d.caption, 'caption'),
  };
}

/** A list trimmed to what a report may carry: valid names, each once, at most 500. */
export function reportableNames(names: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const name of names) {
    if (out.size >= MAX_PAGE_NAMES) break;
    if (isTagName(name)) out.add(name);
  }
  return [...out];
}

/** Nothing to show: no trending names and no caption. */
export function isEmptyReport(report: PageReport): boolean {
  return report.names.length === 0 && report.caption === null;
}

/** The side panel's message to a tab's content script (`tabs.sendMessage`): report your page now. */
export const REPORT_NOW = 'reportNow';
