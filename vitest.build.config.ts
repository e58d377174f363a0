import { defineConfig } from 'vitest/config';

// Tests of the built artifacts (manifests, store zips, bundle budgets): `npm run test:package`,
// after `npm run zip` has built Chrome and Firefox and written the zips. Plain Node, no fake browser.
export default defineConfig({
  test: {
    include: ['tests/**/*.build.test.ts'],
    environment: 'node',
  },
});
