#!/usr/bin/env node
// Bundle budgets, measured on the built extension: what a user's browser actually loads.
// - content script: every JS/CSS file the manifest injects into tiktok.com, and what they import;
// - popup: popup.html plus every JS/CSS file it loads, following imports (static and lazy) transitively.
// Sizes are gzip -9 per file, summed (each file is fetched separately).
// Usage: node scripts/check-bundle-budget.mjs [buildDir]   (default: $WXT_OUT_DIR or .output, /chrome-mv3)
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const KB = 1024;
/** The budgets, in gzip bytes. */
export const BUDGETS = { contentScript: 12 * KB, popup: 45 * KB };

/** gzip -9 size of a file's bytes. */
export function gzipSize(path) {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

const ASSET_REFERENCE = /["'`]([\w./@-]+\.(?:m?js|css))(?:\?[^"'`]*)?["'`]/g;

/**
 * Files a built HTML/JS/CSS file references that exist in the build: `src`/`href` attributes,
 * `import … from "./x.js"`, `import("./x.js")`, and Vite's preload lists ("chunks/x.js", "assets/x.css").
 * Paths starting with "./" or "../" are relative to the file; others are relative to the build root.
 */
export function referencedFiles(buildDir, file) {
  const text = readFileSync(join(buildDir, file), 'utf8');
  const found = new Set();
  for (const [, ref] of text.matchAll(ASSET_REFERENCE)) {
    const fromRoot = ref.startsWith('/') ? ref.slice(1) : ref;
    const candidates = ref.startsWith('.')
      ? [posix.join(posix.dirname(file), ref)]
      : [fromRoot, posix.join(posix.dirname(file), fromRoot)];
    const hit = candidates.find((c) => {
      const path = join(buildDir, c);
      return !c.startsWith('..') && existsSync(path) && statSync(path).isFile();
    });
    if (hit && hit !== file) found.add(hit);
  }
  return [...found];
}

/** The entry files and everything they reference, transitively (paths relative to buildDir). */
export function loadedFiles(buildDir, entries) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (/\.(html|m?js|css)$/.test(file)) queue.push(...referencedFiles(buildDir, file));
  }
  return [...seen].filter((f) => /\.(html|m?js|css)$/.test(f)).sort();
}

/** Raw and gzip bytes of a set of files, with the per-file breakdown. */
export function measure(buildDir, files) {
  const perFile = files.map((file) => {
    const path = join(buildDir, file);
    return { file, raw: statSync(path).size, gzip: gzipSize(path) };
  });
  return {
    files: perFile,
    raw: perFile.reduce((sum, f) => sum + f.raw, 0),
    gzip: perFile.reduce((sum, f) => sum + f.gzip, 0),
  };
}

/** What the manifest injects into pages: every content script's js and css. */
export function contentScriptEntries(manifest) {
  return (manifest.content_scripts ?? []).flatMap((cs) => [...(cs.js ?? []), ...(cs.css ?? [])]);
}

/** Measures the content script and the popup of a build against BUDGETS. */
export function checkBudgets(buildDir) {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8'));
  const popupHtml = (manifest.action ?? manifest.browser_action)?.default_popup;
  if (!popupHtml) throw new Error('The manifest declares no popup.');
  const content = contentScriptEntries(manifest);
  if (content.length === 0) throw new Error('The manifest declares no content script.');
  return {
    contentScript: {
      ...measure(buildDir, loadedFiles(buildDir, content)),
      budget: BUDGETS.contentScript,
    },
    popup: { ...measure(buildDir, loadedFiles(buildDir, [popupHtml])), budget: BUDGETS.popup },
  };
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

function main() {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const buildDir = resolve(
    process.argv[2] ?? join(process.env.WXT_OUT_DIR ?? join(root, '.output'), 'chrome-mv3'),
  );
  const results = checkBudgets(buildDir);
  let over = false;
  console.log(`Bundle budgets (${relative(process.cwd(), buildDir) || '.'}):`);
  for (const [name, r] of Object.entries(results)) {
    const ok = r.gzip <= r.budget;
    over ||= !ok;
    console.log(
      `  ${ok ? 'ok  ' : 'OVER'} ${name}: ${kb(r.gzip)} gz (${kb(r.raw)} raw) of ${kb(r.budget)} gz`,
    );
    for (const f of r.files) console.log(`         ${f.file}: ${kb(f.gzip)} gz, ${kb(f.raw)} raw`);
  }
  process.exit(over ? 1 : 0);
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (isMain) main();
