/**
 * User-facing text in the browser's language: `t('key', ...substitutions)` reads
 * `public/_locales/<lang>/messages.json` through `browser.i18n` (English is complete; the browser
 * falls back to it). Numbers are formatted for the browser's locale before they are substituted.
 */
import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

/** A message name in public/_locales/en/messages.json (tests/repo/i18n.test.ts checks usage). */
export type MessageKey = keyof typeof en;

const number = new Intl.NumberFormat();

/** getMessage for any name: the key type above is the source of truth, whatever .wxt/types says. */
type GetMessage = (name: string, substitutions?: string[]) => string;

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return (browser.i18n.getMessage as GetMessage)(
    key,
    substitutions.map((s) => (typeof s === 'number' ? number.format(s) : s)),
  );
}

/**
 * A message with elements inside it (a link, bold text): the substitutions are `nodes`, returned in
 * place between the message's text, e.g. `tParts('optionsWelcome', <a …>…</a>)` → `['To see …', <a>, '…']`.
 */
export function tParts<T>(key: MessageKey, ...nodes: (T | string)[]): (string | T)[] {
  return t(key, ...nodes.map((_, i) => `\uE000${i}\uE001`))
    .split(/\uE000(\d)\uE001/)
    .map((part, i) => (i % 2 ? nodes[Number(part)]! : part));
}

/** Whether `text` is message `key` with any `count` substitutions (e.g. to recognise a stored notice). */
export function matchesMessage(text: string, key: MessageKey, count: number): boolean {
  const parts = t(key, ...Array<string>(count).fill('\uE000'))
    .split('\uE000')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]*')}$`).test(text);
}

/** An extension page in the browser's language: `lang`, text direction and title. */
export function localizePage(title: string): void {
  const html = document.documentElement;
  html.lang = browser.i18n.getUILanguage();
  html.dir = browser.i18n.getMessage('@@bidi_dir');
  document.title = title;
}
