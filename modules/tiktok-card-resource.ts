/**
 * The hover card is loaded on first hover (`import()` from the content script) to keep the content
 * script under its 12 KB gzip budget; this makes its bundle loadable from tiktok.com pages only.
 */
import { defineWxtModule } from 'wxt/modules';

const CARD_FILE = 'tiktok-card.js';
const TIKTOK = '*://*.tiktok.com/*';

export default defineWxtModule({
  setup(wxt) {
    wxt.hook('build:manifestGenerated', (_wxt, manifest) => {
      const resources = (manifest.web_accessible_resources ?? []) as unknown[];
      resources.push(
        manifest.manifest_version === 3 ? { resources: [CARD_FILE], matches: [TIKTOK] } : CARD_FILE,
      );
      manifest.web_accessible_resources = resources as typeof manifest.web_accessible_resources;
    });
  },
});
