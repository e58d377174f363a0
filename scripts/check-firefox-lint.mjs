#!/usr/bin/env node
// `npm run lint:firefox`: Mozilla's add-on linter (web-ext lint) on the Firefox build.
// Fails on any error, and on any warning or notice except the one known, reviewed warning below, so a new
// warning shows up in CI instead of at store review.
// Usage: node scripts/check-firefox-lint.mjs [buildDir]   (default: $WXT_OUT_DIR or .output, /firefox-mv3)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Warnings reviewed and accepted. Each one says why and matches the exact code it excuses.
 * - Preact's renderer assigns `el.innerHTML = props.dangerouslySetInnerHTML.__html`; that branch is
 *   unreachable here because ESLint forbids `dangerouslySetInnerHTML` in our code.
 * - The content script lazy-loads its hover card with `import(browser.runtime.getURL(file))`:
 *   `runtime.getURL` only ever yields a URL inside the extension package, so no remote code runs.
 */
export const ACCEPTED = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^chunks\/[\w-]+\.js$/,
    source: /^[\w$]+\.innerHTML=[\w$]+\.__html\b/,
    why: "Preact's dangerouslySetInnerHTML support (unused: ESLint forbids it in our code)",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^content-scripts\/[\w-]+\.js$/,
    // The file's name as a constant, or as the literal a minifier folds it into.
    source: /^import\([\w$]+\.runtime\.getURL\((?:[\w$]+|"\/[\w.-]+\.js")\)\)/,
    why: 'lazy import of a file in the extension package (runtime.getURL), not remote code',
  },
];

/** The flagged source text of a linter message: its line from its 1-based column on. */
function flaggedSource(buildDir, message) {
  if (!message.file || !message.line) return '';
  const path = join(buildDir, message.file);
  if (!existsSync(path)) return '';
  const line = readFileSync(path, 'utf8').split('\n')[message.line - 1] ?? '';
  return line.slice(Math.max(0, (message.column ?? 1) - 1), (message.column ?? 1) + 200);
}

/** Splits linter messages into accepted ones and problems (errors always are problems). */
export function classify(buildDir, report) {
  const accepted = [];
  const problems = [...report.errors];
  for (const message of [...report.warnings, ...report.notices]) {
    const rule = ACCEPTED.find(
      (r) =>
        r.code === message.code &&
        r.file.test(message.file ?? '') &&
        r.source.test(flaggedSource(buildDir, message)),
    );
    (rule ? accepted : problems).push(rule ? { ...message, why: rule.why } : message);
  }
  return { accepted, problems };
}

function main() {
  const root = resolve(fileURLToPath(import.meta.url), '../..');
  const buildDir = resolve(
    process.argv[2] ?? join(process.env.WXT_OUT_DIR ?? join(root, '.output'), 'firefox-mv3'),
  );
  if (!existsSync(join(buildDir, 'manifest.json'))) {
    console.error(`No Firefox build at ${buildDir}: run \`npm run build:firefox\` first.`);
    process.exit(1);
  }
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/web-ext/bin/web-ext.js'),
      'lint',
      '--output=json',
      '--no-input',
    ].concat(['--source-dir', buildDir]),
    { cwd: root, encoding: 'utf8' },
  );
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    console.error('web-ext lint did not produce a JSON report:\n', run.stdout, run.stderr);
    process.exit(1);
  }
  const { accepted, problems } = classify(buildDir, report);
  const s = report.summary;
  console.log(
    `web-ext lint ${buildDir}: ${s.errors} errors, ${s.warnings} warnings, ${s.notices} notices` +
      ` (${accepted.length} accepted)`,
  );
  for (const m of accepted) console.log(`  accepted ${m.code} in ${m.file}: ${m.why}`);
  for (const m of problems) {
    console.error(
      `  ${m._type ?? 'problem'} ${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.message}`,
    );
    if (m.description) console.error(`    ${m.description}`);
  }
  process.exit(problems.length ? 1 : 0);
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (isMain) main();
