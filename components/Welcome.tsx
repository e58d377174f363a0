/** First run without a key: what the key is for, where to add it, and a way to try it first. */
import './Welcome.css';
import { t } from '../lib/i18n';

export interface WelcomeProps {
  onOpenOptions: () => void;
  onTrySample: () => void;
  busy?: boolean;
}

export function Welcome({ onOpenOptions, onTrySample, busy }: WelcomeProps) {
  return (
    <section class="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{t('welcomeTitle')}</h2>
      <p>{t('welcomeWhat')}</p>
      <p>{t('welcomeKey')}</p>
      <div class="welcome-actions">
        <button type="button" class="button primary" onClick={onOpenOptions}>
          {t('addYourApiKey')}
        </button>
        <button type="button" class="button" disabled={busy} onClick={onTrySample}>
          {t('trySampleData')}
        </button>
      </div>
      <p class="hint">{t('sampleHint')}</p>
    </section>
  );
}
