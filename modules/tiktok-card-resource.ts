/**
 * The hover card is loaded on first hover (`import()` from the content script) to keep the content
 * script under its 12 KB gzip budget; this makes its bundle loadable from tiktok.com pages only.
 * In Chromium it is reachable only through the per-session dynamic URL (`runtime.getURL` gives it),
 * so a page cannot probe the extension's fixed ID for it to learn that Hashtag Radar is installed.
 * (Firefox already gives each install a random ID, and does not know the key.)
 */
import { defineWxtModule } from 'wxt/modules';
import { TIKTOK_MATCHES } from '../lib/tiktok/selectors';

const CARD_FILE = 'tiktok-card.js';

export default defineWxtModule({
  setup(wxt) {
    wxt.hook('build:manifestGenerated', (_wxt, manifest) => {
      const resources = (manifest.web_accessible_resources ?? []) as unknown[];
      const dynamic = wxt.config.browser === 'firefox' ? {} : { use_dynamic_url: true };
      resources.push(
        manifest.manifest_version === 3
          ? { resources: [CARD_FILE], matches: TIKTOK_MATCHES, ...dynamic }
          : CARD_FILE,
      );
      manifest.web_accessible_resources = resources as typeof manifest.web_accessible_resources;
    });
  },
});
