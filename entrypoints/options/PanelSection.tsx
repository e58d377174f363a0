/**
 * "Side panel and shortcuts": what the toolbar button opens (saved with the form), and the
 * keyboard shortcuts as the browser has them now, with where to change them. Firefox names its
 * side panel "sidebar", and changes shortcuts in its add-on manager.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { TOOLBAR_OPENS } from '@/lib/settings';
import { ChoiceGroup } from './Field';
import * as s from './state';

const FIREFOX = import.meta.env.FIREFOX;
const CHROME_SHORTCUTS = 'chrome://extensions/shortcuts';

interface Shortcut {
  name: string;
  label: string;
  keys: string;
}

/** The commands as the browser has them (the user may have changed or removed their keys). */
async function readShortcuts(): Promise<Shortcut[]> {
  const commands = await browser.commands.getAll();
  return commands.map((c) => ({
    name: c.name ?? '',
    label: c.name === '_execute_action' ? t('shortcutToolbar') : (c.description ?? c.name ?? ''),
    keys: c.shortcut || t('shortcutNotSet'),
  }));
}

function openShortcutSettings() {
  const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
  if (commands.openShortcutSettings) void commands.openShortcutSettings();
  else void browser.tabs.create({ url: CHROME_SHORTCUTS });
}

export function PanelSection() {
  const d = s.draft.value;
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null>(null);
  useEffect(() => {
    readShortcuts().then(setShortcuts, () => setShortcuts([]));
  }, []);
  const canOpenSettings =
    !FIREFOX ||
    typeof (browser.commands as { openShortcutSettings?: unknown }).openShortcutSettings ===
      'function';
  return (
    <section aria-labelledby="panel-heading">
      <h2 id="panel-heading">{t('panelHeading')}</h2>
      <ChoiceGroup
        id="toolbar-opens"
        legend={t('toolbarOpens')}
        name="toolbarOpens"
        help={FIREFOX ? t('toolbarOpensHelpFirefox') : t('toolbarOpensHelp')}
        value={d.toolbarOpens}
        error={s.errors.value.toolbarOpens}
        onChange={(v) => s.update('toolbarOpens', v)}
        choices={TOOLBAR_OPENS.map((value) => ({
          value,
          label:
            value === 'popup'
              ? t('toolbarOpensPopup')
              : FIREFOX
                ? t('toolbarOpensSidebar')
                : t('toolbarOpensPanel'),
        }))}
      />
      <h3 id="shortcuts-heading">{t('shortcutsHeading')}</h3>
      {shortcuts === null ? (
        <p class="help">{t('loading')}</p>
      ) : (
        <dl class="shortcuts" aria-labelledby="shortcuts-heading">
          {shortcuts.map((c) => (
            <div key={c.name}>
              <dt>{c.label}</dt>
              <dd>
                <kbd>{c.keys}</kbd>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <p class="help">
        {FIREFOX ? t('shortcutsChangeFirefox') : t('shortcutsChange', CHROME_SHORTCUTS)}
      </p>
      {canOpenSettings && (
        <button type="button" class="secondary" onClick={openShortcutSettings}>
          {t('shortcutsOpenSettings')}
        </button>
      )}
    </section>
  );
}
