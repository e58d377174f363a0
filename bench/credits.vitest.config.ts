import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// The credits bench: a simulated day of use against the real background with the fake browser.
// Run by hand (`npm run bench:credits`); not part of the unit tests.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    root: '.',
    include: ['bench/credits.day.ts'],
    setupFiles: ['tests/i18n/setup.ts'],
    restoreMocks: true,
  },
});
