import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['{lib,components,entrypoints,tests}/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    restoreMocks: true,
    mockReset: false,
  },
});
