import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'sample-gen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function generate(...args: string[]): string {
  const out = join(dir, `snapshot-${args.join('_') || 'default'}.ts`);
  execFileSync(process.execPath, ['scripts/generate-sample.mjs', ...args, '--out', out]);
  return readFileSync(out, 'utf8');
}

describe('scripts/generate-sample.mjs', () => {
  it('reproduces the committed table exactly', () => {
    expect(generate()).toBe(readFileSync('lib/sample/snapshot.ts', 'utf8'));
  });

  it('gives a different order for another seed and dates the snapshot', () => {
    const other = generate('--seed', '7', '--date', '2026-12-01');
    expect(other).not.toBe(readFileSync('lib/sample/snapshot.ts', 'utf8'));
    expect(other).toContain(`fetchedAt: ${Date.parse('2026-12-01T09:00:00Z')}`);
  });
});
