/**
 * Runs once before the Firefox real-browser tests: fails the whole run at once, with a message
 * naming FIREFOX_PATH or `npm run build:firefox`, instead of a timeout in every test. Never a skip.
 */
import { assertFirefox, assertFirefoxBuild } from './firefox';

export default async function setup(): Promise<void> {
  await assertFirefox();
  await assertFirefoxBuild();
}
