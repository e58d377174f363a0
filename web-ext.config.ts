import { defineWebExtConfig } from 'wxt';

// `npm run dev` (scripts/dev.mjs) sets HASHTAG_RADAR_NO_BROWSER=1 where there is no display, so WXT
// builds and watches without trying to open a browser; with a desktop, WXT opens Chromium/Chrome.
export default defineWebExtConfig({
  disabled: process.env.HASHTAG_RADAR_NO_BROWSER === '1',
  chromiumArgs: ['--no-first-run', '--no-default-browser-check'],
  startUrls: ['https://www.tiktok.com/explore'],
});
