#!/usr/bin/env node
// Bundle budgets, measured on the built extension: what a user's browser loads.
// - content script: the JS/CSS the manifest injects into every tiktok.com page (the highlighter),
//   and what they import;
// - caption assistant: the content script injected into TikTok Studio's upload pages only;
// - popup: popup.html plus the JS/CSS it loads, following imports transitively.
// The budget covers what loads up front (HTML tags, static imports). Files fetched later (dynamic
// `import()`, `runtime.getURL`, Vite preload lists) are measured and reported as "lazy".
// Sizes are gzip -9 per file, summed (each file is fetched separately).
// Usage: node scripts/check-bundle-budget.mjs [buildDir]   (default: $WXT_OUT_DIR or .output, /chrome-mv3)
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const KB = 1024;
/**
 * The budgets, in gzip bytes. The caption assistant's 14 KB: it runs only on TikTok Studio and
 * upload pages, beside the highlighter, and carries what the highlighter does not (a shadow-root
 * panel, WXT's storage for the remembered collapse: 3.7 KB of it); 12.3 KB when it was set.
 */
export const BUDGETS = { contentScript: 12 * KB, captionAssistant: 14 * KB, popup: 45 * KB };

/** Each budgeted content script, by the script file the manifest injects. */
export const CONTENT_SCRIPTS = {
  contentScript: 'content-scripts/tiktok.js',
  captionAssistant: 'content-scripts/tiktok-caption.js',
};

/** gzip -9 size of a file's bytes. */
export function gzipSize(path) {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

const ASSET_REFERENCE = /["'`]([\w./@-]+\.(?:m?js|css))(?:\?[^"'`]*)?["'`]/g;
/** `import … from "x"`, `import "x"`, `export … from "x"` (not `import("x")`). */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{},\s]*?\bfrom\s*)?["']([^"']+)["']/g;

function resolveReference(buildDir, file, ref) {
  const fromRoot = ref.startsWith('/') ? ref.slice(1) : ref;
  const candidates = ref.startsWith('.')
    ? [posix.join(posix.dirname(file), ref)]
    : [fromRoot, posix.join(posix.dirname(file), fromRoot)];
  return candidates.find((c) => {
    const path = join(buildDir, c);
    return !c.startsWith('..') && existsSync(path) && statSync(path).isFile() && c !== file;
  });
}

/**
 * Files a built HTML/JS/CSS file references that exist in the build, split by when they load:
 * `eager` — HTML `src`/`href` and static imports; `lazy` — any other reference (dynamic `import()`,
 * `runtime.getURL("/x.js")`, Vite's preload lists). Paths starting with "./" or "../" are relative to
 * the file; others to the build root.
 */
export function referencedFiles(buildDir, file) {
  const text = readFileSync(join(buildDir, file), 'utf8');
  const eager = new Set();
  const all = new Set();
  if (/\.m?js$/.test(file)) {
    for (const [, ref] of text.matchAll(STATIC_IMPORT)) {
      const hit = resolveReference(buildDir, file, ref);
      if (hit) eager.add(hit);
    }
  }
  for (const [, ref] of text.matchAll(ASSET_REFERENCE)) {
    const hit = resolveReference(buildDir, file, ref);
    if (hit) (file.endsWith('.html') ? eager : all).add(hit);
  }
  return { eager: [...eager], lazy: [...all].filter((f) => !eager.has(f)) };
}

const LOADABLE = /\.(html|m?js|css)$/;

function closure(buildDir, entries, follow) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (LOADABLE.test(file)) queue.push(...follow(referencedFiles(buildDir, file)));
  }
  return seen;
}

/**
 * What the entries load, transitively (paths relative to buildDir): `eager` up front, `lazy` the
 * files reachable only through a lazy reference.
 */
export function loadedFiles(buildDir, entries) {
  const eager = closure(buildDir, entries, (r) => r.eager);
  const all = closure(buildDir, entries, (r) => [...r.eager, ...r.lazy]);
  const keep = (files) => [...files].filter((f) => LOADABLE.test(f)).sort();
  return { eager: keep(eager), lazy: keep([...all].filter((f) => !eager.has(f))) };
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

/** The js and css of the manifest's content script that injects `script`. */
function entriesOf(manifest, script) {
  const found = (manifest.content_scripts ?? []).find((cs) => (cs.js ?? []).includes(script));
  if (!found) throw new Error(`The manifest declares no content script ${script}.`);
  return contentScriptEntries({ content_scripts: [found] });
}

function budgeted(buildDir, entries, budget) {
  const { eager, lazy } = loadedFiles(buildDir, entries);
  return { ...measure(buildDir, eager), budget, lazy: measure(buildDir, lazy) };
}

/** Measures the content scripts and the popup of a build against BUDGETS. */
export function checkBudgets(buildDir) {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8'));
  const popupHtml = (manifest.action ?? manifest.browser_action)?.default_popup;
  if (!popupHtml) throw new Error('The manifest declares no popup.');
  const scripts = (manifest.content_scripts ?? []).flatMap((cs) => cs.js ?? []);
  const unbudgeted = scripts.filter((s) => !Object.values(CONTENT_SCRIPTS).includes(s));
  if (unbudgeted.length) throw new Error(`Content scripts without a budget: ${unbudgeted}`);
  return {
    contentScript: budgeted(
      buildDir,
      entriesOf(manifest, CONTENT_SCRIPTS.contentScript),
      BUDGETS.contentScript,
    ),
    captionAssistant: budgeted(
      buildDir,
      entriesOf(manifest, CONTENT_SCRIPTS.captionAssistant),
      BUDGETS.captionAssistant,
    ),
    popup: budgeted(buildDir, [popupHtml], BUDGETS.popup),
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
    if (r.lazy.files.length) {
      console.log(`       later, on demand: ${kb(r.lazy.gzip)} gz (${kb(r.lazy.raw)} raw)`);
      for (const f of r.lazy.files) {
        console.log(`         ${f.file}: ${kb(f.gzip)} gz, ${kb(f.raw)} raw`);
      }
    }
  }
  process.exit(over ? 1 : 0);
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (isMain) main();
