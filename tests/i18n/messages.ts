/** The English messages as the browser reads them, for tests (no fake browser implements i18n). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type Messages = Record<string, Message>;

export const MESSAGES_FILE = resolve(import.meta.dirname, '../../public/_locales/en/messages.json');

export function readMessages(file = MESSAGES_FILE): Messages {
  return JSON.parse(readFileSync(file, 'utf8')) as Messages;
}

/**
 * `browser.i18n.getMessage` over `messages`: named placeholders (`$NAME$`, case-insensitive) take
 * their content, in which `$1`…`$9` are the substitutions and `$$` is a dollar sign. An unknown
 * key throws (the browser would return ""), so a test cannot pass on a missing message.
 */
export function formatMessage(
  messages: Messages,
  key: string,
  substitutions: string | string[] = [],
): string {
  const entry = Object.hasOwn(messages, key) ? messages[key] : undefined;
  if (!entry) throw new Error(`No message "${key}" in messages.json`);
  const subs = typeof substitutions === 'string' ? [substitutions] : substitutions;
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  const fill = (text: string) =>
    text.replace(/\$(\$|[1-9])/g, (_, d: string) =>
      d === '$' ? '$' : (subs[Number(d) - 1] ?? ''),
    );
  return entry.message.replace(/\$(\w+)\$|\$\$/g, (whole, name?: string) => {
    if (!name) return '$';
    const content = placeholders.get(name.toLowerCase());
    return content === undefined ? whole : fill(content);
  });
}
