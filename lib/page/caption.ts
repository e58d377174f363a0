/**
 * The hashtags of the video a video page shows, read from its description: its tag links (by the
 * highlighter's link rules, which name a link by its address) and plain-text `#tags`, in order,
 * each once (first spelling). Takes the document and the address, so tests feed fixtures directly.
 */
import { findTagTokens, normalizeTagName } from '../highlight/grammar';
import { isTagLinkCandidate, linkTagName } from '../highlight/links';
import { HOOKS, isVideoPage } from '../tiktok/selectors';
import { reportableNames } from './report';

/** The video's description: the video page's own first (older pages), then the feed-style hook. */
const DESCRIPTION = `${HOOKS.browseVideoDescription}, ${HOOKS.videoDescription}`;

/** The caption's hashtags on a video page (empty while it has not rendered); null elsewhere. */
export function videoCaptionNames(document: Document, url: string): string[] | null {
  if (!isVideoPage(url)) return null;
  const description = document.querySelector(DESCRIPTION);
  if (!description) return [];
  const names: string[] = [];
  const links = new Set<Element>();
  let text = '';
  const readText = () => {
    for (const token of findTagTokens(text)) names.push(token.name);
    text = '';
  };
  const walker = document.createTreeWalker(description, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const link = node.parentElement?.closest('a');
    if (link && description.contains(link) && isTagLinkCandidate(link)) {
      if (links.has(link)) continue;
      links.add(link);
      readText();
      const name = linkTagName(link);
      if (name !== null) names.push(name);
    } else {
      text += (node as Text).data;
    }
  }
  readText();
  const seen = new Set<string>();
  return reportableNames(
    names.filter((name) => {
      const key = normalizeTagName(name);
      return !seen.has(key) && seen.add(key);
    }),
  );
}
