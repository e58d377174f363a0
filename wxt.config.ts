import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { OPTIONAL_PERMISSIONS, PERMISSIONS } from './lib/permissions';

/** Icon sizes drawn by scripts/draw-icons.mjs into assets/icons/icon-N.png, shipped as icon/N.png. */
const ICON_SIZES = [16, 32, 48, 128] as const;
const icons = Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`]));

/**
 * Keyboard shortcuts (the user can change them: chrome://extensions/shortcuts, Firefox's add-on
 * manager). `_execute_action` opens what the toolbar button opens; the second toggles the side
 * panel: Firefox has a built-in command for its sidebar, Chrome gets ours (lib/panel/surfaces.ts).
 */
const commands = (browser: string) => ({
  _execute_action: { suggested_key: { default: 'Alt+Shift+H' } },
  [browser === 'firefox' ? '_execute_sidebar_action' : 'toggle-side-panel']: {
    suggested_key: { default: 'Alt+Shift+J' },
    description: '__MSG_commandTogglePanel__',
  },
});

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Lets parallel builds (tests, benches) write to their own folder; the default is `.output`.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  // MV3 for Firefox too (WXT's default there is MV2): one manifest shape, one `action` API, and the
  // same host-permission model as Chrome (Firefox ≥ 127 grants MV3 host permissions at install).
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    // Name and description in the browser's language: public/_locales/<lang>/messages.json.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // lib/permissions.ts (each explained in PRIVACY.md). The side panel entrypoint adds `sidePanel`
    // in Chrome; Firefox's sidebar needs no permission.
    permissions: [...PERMISSIONS],
    // Asked for by the options switch when the user turns watchlist notifications on: the install
    // warning does not grow, and a user who never wants notifications never grants them.
    optional_permissions: [...OPTIONAL_PERMISSIONS],
    host_permissions: ['https://api.keyapi.ai/*'],
    icons,
    action: { default_title: '__MSG_extName__', default_icon: icons },
    commands: commands(browser),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'hashtag-radar@keyapi-tools',
              // 140 (ESR) reads data_collection_permissions; MV3 host permissions are granted at install.
              strict_min_version: '140.0',
              // Nothing is collected for the developer or anyone else: the only request goes to the
              // API the user signed up for, with their own key (PRIVACY.md).
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: {
    // The Firefox sources zip is what AMO reviewers rebuild from: build inputs only, no tests,
    // fixtures, benchmarks or screenshots (hidden files such as .env are excluded by WXT).
    excludeSources: [
      'e2e/**',
      'bench/**',
      'tests/**',
      'docs/**/*.png',
      'coverage/**',
      'stats.html',
      '**/*.pem',
      '**/*.key',
      '**/*.log',
    ],
  },
  hooks: {
    // Extension pages (popup, options) use the browser's own promise-based API: every API they call
    // returns a promise in MV3 Chrome and Firefox, so webextension-polyfill is dead weight there
    // (2.7 KB gzip of the popup's 45 KB). The background and the content scripts keep it: their
    // runtime.onMessage listeners answer with promises, which Chrome supports only from 144.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.inputPath.endsWith('.html'))) return;
      const native = createRequire(import.meta.url).resolve('wxt/browser');
      const alias = config.resolve?.alias ?? [];
      const list = Array.isArray(alias)
        ? alias
        : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = {
        ...config.resolve,
        alias: [{ find: /^wxt\/browser$/, replacement: native }, ...list],
      };
    },
    // Firefox's sidebar gets the toolbar button's localized title and icons (WXT would take the
    // page's <title>), and does not open by itself at install: onboarding opens the options page.
    'build:manifestGenerated': (_wxt, manifest) => {
      const sidebar = (manifest as { sidebar_action?: Record<string, unknown> }).sidebar_action;
      if (sidebar)
        Object.assign(sidebar, {
          default_title: '__MSG_extName__',
          default_icon: icons,
          open_at_install: false,
        });
    },
    // The icons live in assets/ (with their generator), not public/: copy them into the build.
    'build:publicAssets': (wxt, files) => {
      const dir = resolve(wxt.config.root, 'assets/icons');
      const drawn = new Set(readdirSync(dir));
      for (const size of ICON_SIZES) {
        const name = `icon-${size}.png`;
        if (!drawn.has(name))
          throw new Error(`assets/icons/${name} is missing: run scripts/draw-icons.mjs`);
        files.push({ absoluteSrc: resolve(dir, name), relativeDest: `icon/${size}.png` });
      }
    },
  },
  vite: () => ({
    plugins: [preact()],
    build: {
      sourcemap: false,
      // Chrome and Firefox load modulepreload links themselves: no polyfill in every page.
      modulePreload: { polyfill: false },
      // Terser packs tighter than esbuild: 4 % less gzip for the popup (1.9 KB of its 45 KB
      // budget), 0.6 KB less for the content script; the build takes a few seconds longer.
      minify: 'terser',
      terserOptions: { compress: { passes: 2 }, format: { comments: false } },
    },
  }),
});
