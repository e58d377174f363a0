/**
 * Bundles the upload fixture's Draft.js caption editor (e2e/fixtures/upload/editor.mjs, with React
 * and Draft's CSS) into e2e/fixtures/tiktok/build/, where the mock server serves it. Run by the e2e
 * global setup; skipped when the bundle is newer than its source and the lockfile. Test-only: the
 * extension never ships it, and the built files are not committed.
 */
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const SOURCE = fileURLToPath(new URL('./fixtures/upload/editor.mjs', import.meta.url));
const OUT_DIR = fileURLToPath(new URL('./fixtures/tiktok/build/', import.meta.url));
const BUNDLE = `${OUT_DIR}upload-editor.js`;
const STYLES = `${OUT_DIR}upload-editor.css`;
const INPUTS = [SOURCE, fileURLToPath(new URL('../package-lock.json', import.meta.url))];

async function mtime(path: string): Promise<number> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return -1;
  }
}

/** Builds the bundle unless it is up to date; returns whether it built. */
export async function buildUploadFixture(): Promise<boolean> {
  const built = Math.min(await mtime(BUNDLE), await mtime(STYLES));
  const newest = Math.max(...(await Promise.all(INPUTS.map(mtime))));
  if (built > newest) return false;
  await mkdir(OUT_DIR, { recursive: true });
  await build({
    entryPoints: [SOURCE],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'chrome120',
    outfile: BUNDLE,
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    logLevel: 'warning',
  });
  await copyFile(createRequire(import.meta.url).resolve('draft-js/dist/Draft.css'), STYLES);
  return true;
}
