/**
 * A hashtag name the user wants to watch, checked with the highlighter's grammar (one grammar for
 * the whole extension): `#booktok` or `booktok`, letters, marks, digits and `_`.
 */
import { normalizeTagName, wholeTextTagName } from '../highlight/grammar';
import { t } from '../i18n';
import { MAX_NAME_LENGTH } from './types';

export type NameCheck = { ok: true; name: string } | { ok: false; error: string };

/** What the user typed, short enough to quote back in a message. */
function quoted(raw: string): string {
  const chars = [...raw.trim()];
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : chars.join('');
}

export function checkWatchName(raw: unknown): NameCheck {
  if (typeof raw !== 'string' || raw.trim().replace(/^#/, '') === '') {
    return { ok: false, error: t('watchNameEmpty') };
  }
  const name = wholeTextTagName(raw)?.normalize('NFC');
  if (!name) return { ok: false, error: t('watchNameInvalid', quoted(raw)) };
  if ([...name].length > MAX_NAME_LENGTH) {
    return { ok: false, error: t('watchNameTooLong', MAX_NAME_LENGTH) };
  }
  return { ok: true, name };
}

/** The form watched names are compared in: the highlighter's (NFC, lower case). */
export const watchKey = normalizeTagName;
