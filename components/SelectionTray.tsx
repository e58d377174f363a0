/**
 * The selection tray: "3 of 5 selected", Copy (`#a #b #c`, in the order picked: the order the
 * caption assistant offers them in) and Clear. Always in the page, as a polite live region, so the
 * first pick is announced too; out of sight while nothing is selected.
 */
import './SelectionTray.css';
import { TIKTOK_HASHTAG_LIMIT as CAPTION_TAGS } from '../lib/caption/limit';
import { t } from '../lib/i18n';
import { copyTag } from './copyTag';

export interface SelectionTrayProps {
  selection: string[];
  onClear: () => void;
  /** Told what the copy did, for the page's status line. */
  onSaid: (said: string) => void;
}

export function SelectionTray({ selection, onClear, onSaid }: SelectionTrayProps) {
  const n = selection.length;
  const copy = async () => onSaid((await copyTag(...selection)).said);
  return (
    <div class={n ? 'tray' : 'sr-only'} aria-label={t('selectionTray')} role="region">
      <p class="tray-said" aria-live="polite">
        {n > CAPTION_TAGS
          ? t('selectedOverLimit', n, CAPTION_TAGS)
          : n > 0 && t('selectedOf', n, CAPTION_TAGS)}
        {n > 0 && <span class="tray-order"> {t('selectionOrder')}</span>}
      </p>
      {n > 0 && (
        <>
          <button type="button" class="button" onClick={() => void copy()}>
            {t('copySelection')}
          </button>
          <button type="button" class="button" onClick={onClear}>
            {t('clearSelection')}
          </button>
        </>
      )}
    </div>
  );
}
