// PRIVACY.md stays true as the code changes: every stored item is listed in the right storage area,
// the request parameters are the ones the request builder sends, and network access stays where
// the policy says it is.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_ORIGIN, trendingHeaders, trendingQuery } from '../../lib/keyapi/request';
import { CACHE_PREFIX } from '../../lib/trending/store';
import { DEFAULT_FILTERS } from '../../lib/trending/types';
import { CHROME_PERMISSIONS, OPTIONAL_PERMISSIONS, PERMISSIONS } from '../../lib/permissions';
import { ROOT } from './support/build';

const policy = readFileSync(join(ROOT, 'PRIVACY.md'), 'utf8');

function productFiles(): string[] {
  const walk = (dir: string): string[] =>
    !existsSync(dir)
      ? []
      : readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
  return ['lib', 'components', 'entrypoints']
    .flatMap((d) => walk(join(ROOT, d)))
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.(test|spec)\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .filter((f) => !/\/(testing|test-[\w-]+)\.ts$/.test(f)); // test helpers that ship nowhere
}
/** Code without comments (a comment may mention `fetch(` or `<img>`); strings keep their `//`. */
const code = (text: string) =>
  text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
const sources = productFiles().map((f) => ({
  file: relative(ROOT, f),
  text: code(readFileSync(f, 'utf8')),
}));

/** The table row of PRIVACY.md that names `key` in backticks. */
function rowOf(key: string): string | undefined {
  return policy.split('\n').find((line) => line.startsWith('|') && line.includes(`\`${key}`));
}

describe('PRIVACY.md lists what is stored', () => {
  const items = new Map<string, string>();
  for (const { text } of sources) {
    for (const [, area, key] of text.matchAll(
      /['"`](local|sync|session|managed):([\w.:-]+)['"`]/g,
    )) {
      items.set(key!, area!);
    }
  }

  for (const { text } of sources) {
    for (const [, key] of text.matchAll(/defineVaultItem<[^>]+>\(\s*['"`]([\w.:-]+)['"`]/g)) {
      items.set(key!, 'vault');
    }
  }

  it('finds the storage items in the code', () => {
    expect(items.get('settings')).toBe('sync');
    expect(items.get('sampleMode')).toBe('local');
  });

  it("keeps the key and what governs spending in the vault, out of content scripts' reach", () => {
    for (const key of ['apiKey', 'radar:credits', 'radar:gates'])
      expect(items.get(key)).toBe('vault');
  });

  it.each([...items.keys()])('%s: listed, in the right storage area', (key) => {
    const row = rowOf(key);
    expect(row, `PRIVACY.md has no row naming \`${key}\``).toBeDefined();
    const area = items.get(key);
    expect(row).toContain(area === 'vault' ? 'IndexedDB' : `storage.${area}`);
  });

  it('lists the trending cache under its key prefix', () => {
    expect(rowOf(CACHE_PREFIX)).toContain('storage.local');
  });
});

describe('PRIVACY.md explains every permission', () => {
  const table = policy.slice(policy.indexOf('## Permissions'));
  const permissionRows = table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => /^\| `([^`]+)`/.exec(line)![1]);

  it.each([...PERMISSIONS, ...CHROME_PERMISSIONS, ...OPTIONAL_PERMISSIONS])(
    '%s: has a row saying why',
    (permission) => {
      const row = table.split('\n').find((line) => line.startsWith(`| \`${permission}\``));
      expect(row, `PRIVACY.md's Permissions table has no row for \`${permission}\``).toBeDefined();
      const why = row!.split('|')[2]!.trim();
      expect(why.length).toBeGreaterThan(20);
    },
  );

  it('names no permission the extension does not ask for', () => {
    const asked = new Set<string>([...PERMISSIONS, ...CHROME_PERMISSIONS, ...OPTIONAL_PERMISSIONS]);
    const apiRows = permissionRows.filter((name) => !name.includes('/') && !name.includes(':'));
    expect(apiRows.filter((name) => !asked.has(name))).toEqual([]);
  });
});

describe('PRIVACY.md says what is sent', () => {
  it('names the API origin and every query parameter the request builder sends', () => {
    expect(policy).toContain(`${API_ORIGIN}/v1/tiktok/trending/hashtags`);
    const params = [...trendingQuery({ filters: DEFAULT_FILTERS, page: 1 }).keys()];
    expect(params.length).toBeGreaterThan(0);
    for (const param of params) expect(policy, param).toContain(`\`${param}\``);
  });

  it('names the one header that carries the key', () => {
    const withKey = Object.entries(trendingHeaders('k-123')).filter(([, v]) => v.includes('k-123'));
    expect(withKey.map(([name]) => name)).toEqual(['Authorization']);
    expect(policy).toContain('`Authorization` header');
  });
});

describe('network access stays where PRIVACY.md says', () => {
  const uses = (pattern: RegExp) => sources.filter((s) => pattern.test(s.text)).map((s) => s.file);

  it('only the API client calls fetch', () => {
    expect(uses(/\bfetch\s*\(/).every((f) => f.startsWith('lib/keyapi/'))).toBe(true);
  });

  it('nothing beacons, opens sockets or uses XHR', () => {
    expect(uses(/\b(XMLHttpRequest|sendBeacon|WebSocket|EventSource)\b/)).toEqual([]);
  });

  it('the only remote images are the creator pictures PRIVACY.md describes', () => {
    expect(uses(/<img\b|new Image\(/)).toEqual(['components/Avatar.tsx']);
    expect(policy).toMatch(/Creator pictures/);
  });

  it('the API client talks to api.keyapi.ai over https only', () => {
    expect(API_ORIGIN).toBe('https://api.keyapi.ai');
    const client = sources.filter((s) => s.file.startsWith('lib/keyapi/'));
    const urls = client.flatMap((s) =>
      [...s.text.matchAll(/https?:\/\/[\w.-]+/g)].map((m) => m[0]),
    );
    expect(new Set(urls)).toEqual(new Set([API_ORIGIN]));
  });
});
