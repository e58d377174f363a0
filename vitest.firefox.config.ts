import { defineConfig } from 'vitest/config';

// Real-browser tests in Firefox: the Firefox production build (.output/firefox-mv3) in Debian's
// firefox-esr over WebDriver BiDi, against the loopback mock (e2e/server.ts) through a loopback
// CONNECT proxy (e2e/connect-proxy.ts). One Firefox at a time: the machine has two cores.
export default defineConfig({
  test: {
    include: ['e2e/firefox/**/*.firefox.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/firefox/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    restoreMocks: true,
  },
});
