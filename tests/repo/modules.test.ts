// Repo convention: every module under lib/, components/ and entrypoints/ is wired — loaded by an
// entrypoint, or at least covered by a test — so dead code cannot pile up unnoticed. Imports must be
// explicit (WXT's auto-imports of components/ would hide the dependency).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/build';
import { entrypoints, resolveImport, unusedModules } from './support/modules';

describe('module wiring of this repository', () => {
  it('finds the WXT entrypoints', () => {
    const found = entrypoints(ROOT).map((f) => f.slice(ROOT.length + 1));
    expect(found).toEqual(
      expect.arrayContaining([
        'entrypoints/background.ts',
        'entrypoints/popup/index.html',
        'entrypoints/options/index.html',
        'entrypoints/tiktok.content/index.ts',
      ]),
    );
  });

  it('has no module that nothing imports and no test covers', () => {
    expect(unusedModules(ROOT)).toEqual([]);
  });
});

describe('the wiring check itself', () => {
  const root = mkdtempSync(join(tmpdir(), 'hr-modules-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('entrypoints/popup/index.html', '<script type="module" src="./main.tsx"></script>');
  write('entrypoints/popup/main.tsx', "import { App } from './App';\nimport '@/lib/a';\n");
  write('entrypoints/popup/App.tsx', "export const App = () => import('../../components/Lazy');");
  write('components/Lazy.tsx', 'export default 1;');
  write('entrypoints/background.ts', "export {\n  b,\n} from '~/lib/b.js';");
  write('lib/a.ts', 'export {};');
  write('lib/b.ts', 'export const b = 1;');
  write('lib/tested.ts', 'export const t = 1;');
  write('lib/tested.test.ts', "import { t } from './tested';");
  write('lib/orphan.ts', "import { b } from './b';");
  write('lib/dir/index.ts', 'export {};');
  write('lib/uses-dir.ts', "import './dir';");
  write('bench/run.ts', "import '../lib/uses-dir';");

  it('resolves relative, aliased, .js-suffixed and folder imports', () => {
    const main = join(root, 'entrypoints/popup/main.tsx');
    expect(resolveImport(root, main, './App')).toBe(join(root, 'entrypoints/popup/App.tsx'));
    expect(resolveImport(root, main, '@/lib/a')).toBe(join(root, 'lib/a.ts'));
    expect(resolveImport(root, main, '~/lib/b.js')).toBe(join(root, 'lib/b.ts'));
    expect(resolveImport(root, main, '../../lib/dir')).toBe(join(root, 'lib/dir/index.ts'));
    expect(resolveImport(root, main, 'preact')).toBeUndefined();
  });

  it('reports exactly the module nothing reaches', () => {
    expect(unusedModules(root)).toEqual(['lib/orphan.ts']);
  });
});
