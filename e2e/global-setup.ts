/**
 * Runs once before the real-browser tests: fails the whole run at once, with a message naming
 * CHROMIUM_PATH or `npm run build`, instead of a timeout in every test (never a skip); and builds
 * the upload fixture's editor bundle.
 */
import { assertBuild, assertChromium } from './browser';
import { buildUploadFixture } from './fixture-build';

export default async function setup(): Promise<void> {
  await assertChromium();
  await assertBuild();
  // The upload page's Draft.js editor (test-only bundle, rebuilt when its source changes).
  await buildUploadFixture();
}
