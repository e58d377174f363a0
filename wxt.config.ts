import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Lets parallel builds (tests, benches) write to their own folder; the default is `.output`.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: 'Hashtag Radar',
    description:
      "TikTok's trending hashtags in your toolbar: ranked, with their trend, and highlighted on tiktok.com.",
    permissions: ['storage', 'alarms'],
    host_permissions: ['https://api.keyapi.ai/*'],
    action: { default_title: 'Hashtag Radar' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'hashtag-radar@keyapi-tools', strict_min_version: '115.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
});
