import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['{lib,components,entrypoints,tests}/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    // Tests of built artifacts run after the build: vitest.build.config.ts (npm run test:package).
    exclude: [...configDefaults.exclude, 'tests/**/*.build.test.ts'],
    // The fake browser's i18n reads public/_locales/en/messages.json (tests assert real English).
    setupFiles: ['tests/i18n/setup.ts', 'tests/vault/setup.ts', 'tests/panel/setup.ts'],
    restoreMocks: true,
    mockReset: false,
  },
});
