import { t } from '../lib/i18n';

/** Placeholder rows while the first page loads (drawn by CSS: one box, eight row shapes). */
export function Skeleton() {
  return (
    <div class="skeleton" aria-busy="true" role="status">
      <span class="sr-only">{t('loadingTrending')}</span>
    </div>
  );
}
