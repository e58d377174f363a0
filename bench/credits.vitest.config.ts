import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import unit from '../vitest.config';

// The credits bench: a simulated day of use against the real background with the fake browser.
// Run by hand (`npm run bench:credits`); not part of the unit tests, but set up as they are
// (English messages, IndexedDB for the vault, the panel and menu APIs the fake browser lacks):
// the same list, so that a setup added for the background reaches the bench too.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    root: '.',
    include: ['bench/credits.day.ts'],
    setupFiles: unit.test?.setupFiles,
    restoreMocks: true,
  },
});
