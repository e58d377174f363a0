/**
 * Runs once before the real-browser tests: fails the whole run at once, with a message naming
 * CHROMIUM_PATH or `npm run build`, instead of a timeout in every test. Never a skip.
 */
import { assertBuild, assertChromium } from './browser';

export default async function setup(): Promise<void> {
  await assertChromium();
  await assertBuild();
}
