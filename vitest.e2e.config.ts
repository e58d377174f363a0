import { defineConfig } from 'vitest/config';

// Real-browser tests: the production build in Chromium against the loopback mock (e2e/server.ts).
// One file at a time: each launches its own Chromium, and the machine has two cores.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    restoreMocks: true,
  },
});
