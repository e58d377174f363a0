import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Where product modules live: every one must be reached from an entrypoint or a test. */
export const PRODUCT_DIRS = ['lib', 'components', 'entrypoints'];
/** Folders whose files may import product modules without being product code themselves. */
const TOOLING_DIRS = ['tests', 'e2e', 'bench', 'scripts'];

const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;
const TEST = /\.(test|spec|e2e)\.[cm]?[jt]sx?$/;
const IMPORT =
  /(?:^|[^\w.])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const SCRIPT_SRC = /<script\b[^>]*\bsrc=["']([^"']+)["']/g;

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Resolves an import specifier to a file, as Vite/WXT would (relative, or the @ / ~ root aliases). */
export function resolveImport(root: string, from: string, spec: string): string | undefined {
  let base: string;
  if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else if (/^(@@|~~|@|~)\//.test(spec)) base = resolve(root, spec.replace(/^(@@|~~|@|~)\//, ''));
  else return undefined; // a package
  const stem = base.replace(/\.(m?js|jsx)$/, '');
  const candidates = [
    base,
    ...['.ts', '.tsx', '.mts', '.mjs', '.js'].map((ext) => stem + ext),
    ...['index.ts', 'index.tsx', 'index.js'].map((file) => join(base, file)),
  ];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/** The files a source or HTML file imports (resolved, existing files only). */
export function importsOf(root: string, file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = file.endsWith('.html')
    ? [...text.matchAll(SCRIPT_SRC)].map((m) => m[1]!)
    : [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3])!);
  return specs.flatMap((spec) => resolveImport(root, file, spec) ?? []);
}

/**
 * WXT's entrypoints: files directly in entrypoints/ (background.ts, x.content.ts, x.html) and the
 * index.{ts,tsx,html} of each folder in it.
 */
export function entrypoints(root: string): string[] {
  const dir = join(root, 'entrypoints');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) return /\.(ts|tsx|html)$/.test(name) ? [path] : [];
    return ['index.ts', 'index.tsx', 'index.html']
      .map((index) => join(path, index))
      .filter((p) => existsSync(p));
  });
}

/** Everything reachable from the given files by imports. */
function reach(root: string, starts: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (/\.(html|[cm]?[jt]sx?)$/.test(file)) queue.push(...importsOf(root, file));
  }
  return seen;
}

/** Product modules (lib/, components/, entrypoints/) that neither the extension nor any test loads. */
export function unusedModules(root: string): string[] {
  const all = PRODUCT_DIRS.flatMap((d) => walk(join(root, d)));
  const modules = all.filter((f) => SOURCE.test(f) && !TEST.test(f) && !f.endsWith('.d.ts'));
  const tooling = TOOLING_DIRS.flatMap((d) => walk(join(root, d))).filter((f) => SOURCE.test(f));
  const starts = [...entrypoints(root), ...all.filter((f) => TEST.test(f)), ...tooling];
  const used = reach(root, starts);
  return modules
    .filter((m) => !used.has(m))
    .map((m) => relative(root, m))
    .sort();
}
