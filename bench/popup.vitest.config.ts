import { defineConfig } from 'vitest/config';

// The popup bench: the built extension in headless Chromium (see bench/popup.bench.ts).
// Run by hand (`npm run bench:popup`); not part of the unit or e2e tests.
export default defineConfig({
  test: {
    root: '.',
    include: ['bench/popup.bench.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
