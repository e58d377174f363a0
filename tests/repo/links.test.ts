// The documents a user or developer reads link to each other and to the code: every relative link
// must reach a file that exists, and every #anchor a heading of that file (GitHub's slugs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/build';

const DOCUMENTS = [
  'README.md',
  'PRIVACY.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of text.matchAll(/^#{1,6}\s+(.+)$/gm)) {
    const base = slug(heading!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** Markdown `[text](target)` and HTML `src`/`href` targets that are not web addresses. */
function relativeLinks(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const targets = [
    ...[...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!),
    ...[...prose.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!),
  ];
  return targets.filter((t) => !/^[a-z][a-z+.-]*:/i.test(t));
}

const links = DOCUMENTS.flatMap((doc) =>
  relativeLinks(readFileSync(join(ROOT, doc), 'utf8')).map((link) => [doc, link] as const),
);

it('finds the links between the documents', () => {
  expect(links.map(([doc, link]) => `${doc} → ${link}`)).toEqual(
    expect.arrayContaining(['README.md → docs/development.md', 'README.md → PRIVACY.md']),
  );
});

it.each(links)('%s: %s reaches what it names', (doc, link) => {
  const path = join(ROOT, doc);
  const [file, anchor] = link.split('#') as [string, string | undefined];
  const target = file ? join(dirname(path), decodeURIComponent(file)) : path;
  expect(existsSync(target), `${relative(ROOT, target)} exists`).toBe(true);
  if (anchor !== undefined && target.endsWith('.md')) {
    expect([...anchorsOf(target)], `#${anchor} in ${relative(ROOT, target)}`).toContain(anchor);
  }
});

describe('slug', () => {
  it('makes the anchors GitHub makes', () => {
    expect(slug('What it costs')).toBe('what-it-costs');
    expect(slug('Get a keyapi.ai key')).toBe('get-a-keyapiai-key');
    expect(slug('Firefox and store packages')).toBe('firefox-and-store-packages');
    expect(slug('Beside TikTok: side panel, right-click lookup')).toBe(
      'beside-tiktok-side-panel-right-click-lookup',
    );
  });
});
