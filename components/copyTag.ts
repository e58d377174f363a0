/** Copies `#name` (or `#a #b #c`) to the clipboard; says what happened, for the page's status line. */
import { t } from '../lib/i18n';

export async function copyTag(...names: string[]): Promise<{ copied: boolean; said: string }> {
  const text = names.map((name) => `#${name}`).join(' ');
  try {
    await navigator.clipboard.writeText(text);
    return { copied: true, said: t('copiedTag', text) };
  } catch {
    return { copied: false, said: t('copyFailed', text) };
  }
}
