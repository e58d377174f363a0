#!/usr/bin/env node
// Sizes of a build's files, raw and gzipped: `node scripts/bundle-sizes.mjs [dir]` prints a table
// (default dir .output/chrome-mv3). `bundleSizes(dir)` is for scripts and tests (e.g. budgets).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Code and pages; icons and other assets are left out. */
const BUNDLE_FILE = /\.(js|mjs|css|html|json)$/;

/**
 * @typedef {object} BundleSize
 * @property {string} file  path inside the build, with `/` separators, e.g. `chunks/popup-B2x9a1Qe.js`
 * @property {string} name  the same without the content hash, e.g. `chunks/popup.js`
 * @property {number} raw   bytes on disk
 * @property {number} gzip  bytes gzipped (level 9)
 */

/**
 * Every JS, CSS, HTML and JSON file of a build, sorted by path.
 * @param {string} dir a build folder, e.g. `.output/chrome-mv3`
 * @returns {BundleSize[]}
 */
export function bundleSizes(dir) {
  const root = resolve(dir);
  /** @type {BundleSize[]} */
  const out = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (BUNDLE_FILE.test(entry.name)) {
        const bytes = readFileSync(path);
        const file = relative(root, path).split(sep).join('/');
        out.push({
          file,
          name: file.replace(/-[\w-]{8}(?=\.(?:js|mjs|css)$)/, ''),
          raw: bytes.length,
          gzip: gzipSync(bytes, { level: 9 }).length,
        });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** A plain-text table of `bundleSizes(dir)` with a total line. */
export function formatBundleSizes(sizes) {
  const rows = sizes.map((s) => [s.file, kb(s.raw), kb(s.gzip)]);
  const total = sizes.reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip }), {
    raw: 0,
    gzip: 0,
  });
  rows.push(['total', kb(total.raw), kb(total.gzip)]);
  const head = ['file', 'raw', 'gzip'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? '.output/chrome-mv3';
  try {
    console.log(formatBundleSizes(bundleSizes(dir)));
  } catch (error) {
    console.error(
      `Cannot read the build at ${dir} (${error.code ?? error}): run \`npm run build\` first.`,
    );
    process.exit(1);
  }
}
