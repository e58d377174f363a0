// The messages in public/_locales/en/messages.json and the code that uses them agree: every key the
// code names exists, every message is used, each is described for translators, and placeholders
// line up with the substitutions the code passes.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage, readMessages } from '../i18n/messages';
import { ROOT } from './support/build';

const messages = readMessages();
const keys = Object.keys(messages);

/** Shipped source: what the build reads (tests, benches and e2e are left out). */
const SOURCE_DIRS = ['entrypoints', 'components', 'lib'];
const SOURCE_FILE = /\.(tsx?|html)$/;
const NOT_SHIPPED = /\.(test|bench)\.tsx?$|(^|\/)testing\.ts$/;

function sourceFiles(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const file = relative(ROOT, path);
      if (entry.isDirectory()) walk(path);
      else if (SOURCE_FILE.test(entry.name) && !NOT_SHIPPED.test(file))
        out.push({ file, text: readFileSync(path, 'utf8') });
    }
  };
  for (const dir of SOURCE_DIRS) walk(join(ROOT, dir));
  out.push({ file: 'wxt.config.ts', text: readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8') });
  return out;
}

/**
 * `t('key', a, b)` calls with their number of substitutions: the arguments after the key are
 * counted at the call's top level (strings and template literals are skipped as a whole).
 */
function calls(text: string): { key: string; args: number }[] {
  const out: { key: string; args: number }[] = [];
  for (const match of text.matchAll(/\bt(?:Parts)?\(\s*'(\w+)'/g)) {
    let depth = 0;
    let args = 0;
    for (let i = match.index + match[0].length; i < text.length; i++) {
      const c = text[i];
      if (c === "'" || c === '"' || c === '`') {
        const end = text.indexOf(c, i + 1);
        i = end < 0 ? text.length : end;
      } else if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth-- === 0) break;
      } else if (c === ',' && depth === 0 && !/^\s*\)/.test(text.slice(i + 1))) {
        // A trailing comma before `)` (Prettier's multi-line calls) is not an argument.
        args++;
      }
    }
    out.push({ key: match[1], args });
  }
  return out;
}

const files = sourceFiles();
// lib/i18n.ts defines t() (its comments show a call); every other file uses it.
const used = files
  .filter(({ file }) => file !== join('lib', 'i18n.ts'))
  .flatMap(({ file, text }) => calls(text).map((c) => ({ file, ...c })));

/** `$NAME$` references in a message, lower-cased (Chrome matches them case-insensitively). */
const references = (message: string) =>
  [...message.matchAll(/\$(\w+)\$/g)].map((m) => m[1].toLowerCase());

describe('messages.json (English)', () => {
  it('has messages, with keys Chrome and Firefox accept', () => {
    expect(keys.length).toBeGreaterThan(50);
    for (const key of keys) expect(key, key).toMatch(/^[A-Za-z0-9_]+$/);
    expect(new Set(keys.map((k) => k.toLowerCase())).size).toBe(keys.length);
  });

  it('describes every message for translators', () => {
    const undescribed = keys.filter((k) => !messages[k].description?.trim());
    expect(undescribed).toEqual([]);
  });

  it('has consistent placeholders: each referenced, declared, $1…$n in order, with an example', () => {
    for (const [key, entry] of Object.entries(messages)) {
      const declared = Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase());
      expect(new Set(references(entry.message)), key).toEqual(new Set(declared));
      const contents = Object.values(entry.placeholders ?? {}).map((p) => p.content);
      expect(contents, key).toEqual(declared.map((_, i) => `$${i + 1}`));
      for (const p of Object.values(entry.placeholders ?? {})) expect(p.example, key).toBeTruthy();
      // A bare $1 in the message itself is not substituted the same way in every browser.
      expect(entry.message.replace(/\$\w+\$/g, ''), key).not.toMatch(/\$\d/);
    }
  });

  it('resolves placeholders the way the browser does (the unit tests rely on it)', () => {
    expect(formatMessage(messages, 'creditsToday', ['2', '100'])).toBe('2 / 100 credits today');
    expect(formatMessage(messages, 'extName')).toBe('Hashtag Radar');
    expect(() => formatMessage(messages, 'noSuchMessage')).toThrow(/noSuchMessage/);
  });
});

describe('messages and code', () => {
  it('finds the t() calls (the scan itself works)', () => {
    expect(used.length).toBeGreaterThan(50);
    expect(calls("t('a', f(1, 2), `x,${y}`, 'b,c',\n)")).toEqual([{ key: 'a', args: 3 }]);
  });

  it('names only keys that exist', () => {
    const missing = used.filter((u) => !Object.hasOwn(messages, u.key));
    const manifest = files
      .flatMap(({ file, text }) =>
        [...text.matchAll(/__MSG_(\w+)__/g)].map((m) => ({ file, key: m[1] })),
      )
      .filter((u) => !Object.hasOwn(messages, u.key));
    expect([...missing, ...manifest]).toEqual([]);
  });

  it('passes as many substitutions as each message has placeholders', () => {
    const wrong = used
      .map((u) => ({ ...u, wanted: Object.keys(messages[u.key]?.placeholders ?? {}).length }))
      .filter((u) => u.args !== u.wanted);
    expect(wrong).toEqual([]);
  });

  it('uses every message (as a quoted key or a __MSG_ name)', () => {
    const all = files.map((f) => f.text).join('\n');
    const unused = keys.filter((k) => !new RegExp(`['"\`]${k}['"\`]|__MSG_${k}__`).test(all));
    expect(unused).toEqual([]);
  });
});
