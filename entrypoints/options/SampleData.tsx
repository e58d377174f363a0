import { t } from '@/lib/i18n';
import { CheckField } from './Field';
import * as s from './state';

/** "Try with sample data": switches at once, outside the Save form. */
export function SampleData() {
  return (
    <section aria-labelledby="sample-heading" id="sample">
      <h2 id="sample-heading">{t('sampleHeading')}</h2>
      <CheckField
        name="sampleMode"
        helpId="sample-help"
        label={t('trySampleData')}
        help={t('sampleHelp', t('sampleLabel'))}
        checked={s.sampleMode.value}
        onChange={(ev) => void s.setSampleMode(ev.currentTarget.checked)}
      />
      <p class={`feedback${s.sampleFeedback.value ? ' feedback--ok' : ''}`} role="status">
        {s.sampleFeedback.value?.text}
      </p>
    </section>
  );
}
