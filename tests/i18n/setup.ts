// Vitest setup (vitest.config.ts → setupFiles): WXT's fake browser has no i18n, so give it one that
// reads the real public/_locales/en/messages.json. Unit tests then assert the real English text.
// A plain function, not a spy: restoreMocks and fakeBrowser.reset() leave it in place.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatMessage, readMessages } from './messages';

const messages = readMessages();

/** Chrome's predefined messages, for an English UI. */
const PREDEFINED: Record<string, string> = { '@@ui_locale': 'en', '@@bidi_dir': 'ltr' };

fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) =>
  PREDEFINED[key] ??
  formatMessage(messages, key, substitutions)) as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en';
