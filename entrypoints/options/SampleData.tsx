import { t } from '@/lib/i18n';
import * as s from './state';

/** "Try with sample data": switches at once, outside the Save form. */
export function SampleData() {
  return (
    <section aria-labelledby="sample-heading" id="sample">
      <h2 id="sample-heading">{t('sampleHeading')}</h2>
      <div class="field">
        <label class="check">
          <input
            type="checkbox"
            name="sampleMode"
            checked={s.sampleMode.value}
            aria-describedby="sample-help"
            onChange={(ev) => void s.setSampleMode(ev.currentTarget.checked)}
          />
          <span>{t('trySampleData')}</span>
        </label>
        <p id="sample-help" class="help">
          {t('sampleHelp', t('sampleLabel'))}
        </p>
      </div>
      <p class={`feedback${s.sampleFeedback.value ? ' feedback--ok' : ''}`} role="status">
        {s.sampleFeedback.value?.text}
      </p>
    </section>
  );
}
