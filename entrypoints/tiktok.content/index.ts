export default defineContentScript({
  matches: ['*://*.tiktok.com/*'],
  main() {},
});
