/**
 * The hover card bundle, loaded by the tiktok.com content script with `import()` on first hover
 * (web-accessible on tiktok.com only, see modules/tiktok-card-resource.ts). It runs in the content
 * script's isolated world and hands its factory over through a global there; the page cannot see it.
 */
import { CARD_GLOBAL } from './tiktok.content/card-api';
import { createCard } from './tiktok.content/card';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_GLOBAL] = createCard;
});
