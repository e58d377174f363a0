// Runs after `npm run zip` (see vitest.build.config.ts): checks the packages a store receives.
import { describe, expect, it } from 'vitest';
import { readZip, type ZipEntry } from './support/zip';
import { localizeManifest, manifestFiles, zipPath, type BuiltManifest } from './support/build';

/** Files that must never ship: secrets, test material, dev-only output. */
const NEVER = [
  { what: 'a hidden file (.env, .git, .DS_Store …)', test: (p: string) => /(^|\/)\./.test(p) },
  { what: 'a key or certificate', test: (p: string) => /\.(pem|key|crt|p12|pfx)$|id_rsa/.test(p) },
  { what: 'node_modules', test: (p: string) => /(^|\/)node_modules\//.test(p) },
  { what: 'a nested zip or xpi', test: (p: string) => /\.(zip|xpi|crx)$/.test(p) },
  { what: 'a log', test: (p: string) => /\.log$/.test(p) },
];
const TEST_MATERIAL = [
  {
    what: 'e2e tests or fixtures',
    test: (p: string) => /(^|\/)(e2e|fixtures|__tests__)\//.test(p),
  },
  { what: 'benchmarks', test: (p: string) => /(^|\/)bench\//.test(p) },
  { what: 'repo tests', test: (p: string) => /^tests\//.test(p) },
  { what: 'a test file', test: (p: string) => /\.(test|spec|e2e)\.[cm]?[jt]sx?$/.test(p) },
];

function offending(names: string[], rules: typeof NEVER): string[] {
  return names.flatMap((n) => rules.filter((r) => r.test(n)).map((r) => `${n}: ${r.what}`));
}

describe.each(['chrome', 'firefox'] as const)('%s store zip', (browser) => {
  const entries = readZip(zipPath(browser));
  const names = [...entries.keys()];
  const manifest = JSON.parse(
    entries.get('manifest.json')!.read().toString('utf8'),
  ) as BuiltManifest;

  it('has manifest.json at its root, MV3, named Hashtag Radar', () => {
    expect(entries.has('manifest.json')).toBe(true);
    expect(manifest.manifest_version).toBe(3);
    const shown = localizeManifest(manifest, (file) => entries.get(file)!.read().toString('utf8'));
    expect(shown.name).toBe('Hashtag Radar');
  });

  it('contains every file the manifest points at, icons included', () => {
    const wanted = manifestFiles(manifest);
    expect(wanted).toEqual(expect.arrayContaining(['icon/16.png', 'icon/48.png', 'icon/128.png']));
    expect(wanted.filter((f) => !entries.has(f))).toEqual([]);
    for (const icon of Object.values(manifest.icons ?? {})) {
      expect(entries.get(icon)!.read().subarray(1, 4).toString('latin1'), icon).toBe('PNG');
    }
  });

  it('ships no source maps and no sourceMappingURL comments (maps are off in wxt.config.ts)', () => {
    expect(names.filter((n) => n.endsWith('.map'))).toEqual([]);
    const linked = names.filter(
      (n) => /\.(m?js|css)$/.test(n) && /sourceMappingURL=/.test(entries.get(n)!.read().toString()),
    );
    expect(linked).toEqual([]);
  });

  it('ships no secrets, test fixtures, e2e or bench files', () => {
    expect(offending(names, [...NEVER, ...TEST_MATERIAL])).toEqual([]);
  });

  it('ships only what a browser loads: no TypeScript sources', () => {
    expect(names.filter((n) => /\.(tsx?|mts)$/.test(n))).toEqual([]);
  });

  it('does not contain an API key or the mock server', () => {
    const texts = names
      .filter((n) => /\.(m?js|html|json|css)$/.test(n))
      .map((n): [string, ZipEntry] => [n, entries.get(n)!]);
    const leaks = texts.filter(([, e]) =>
      /Bearer [A-Za-z0-9._-]{12,}|127\.0\.0\.1/.test(e.read().toString()),
    );
    expect(leaks.map(([n]) => n)).toEqual([]);
  });
});

describe('Firefox sources zip (for AMO review)', () => {
  const entries = readZip(zipPath('sources'));
  const names = [...entries.keys()];

  it('holds what the build needs', () => {
    for (const file of [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'entrypoints/background.ts',
      'assets/icons/icon-128.png',
      'scripts/draw-icons.mjs',
    ]) {
      expect(entries.has(file), file).toBe(true);
    }
    expect(names.some((n) => n.startsWith('lib/'))).toBe(true);
  });

  it('excludes secrets, dependencies, build output, tests, fixtures and benchmarks', () => {
    expect(offending(names, [...NEVER, ...TEST_MATERIAL])).toEqual([]);
    expect(names.filter((n) => /^(\.output|\.wxt|coverage)\//.test(n))).toEqual([]);
  });
});
