import * as s from './state';

/** "Try with sample data": switches at once, outside the Save form. */
export function SampleData() {
  return (
    <section aria-labelledby="sample-heading" id="sample">
      <h2 id="sample-heading">Sample data</h2>
      <div class="field">
        <label class="check">
          <input
            type="checkbox"
            name="sampleMode"
            checked={s.sampleMode.value}
            aria-describedby="sample-help"
            onChange={(ev) => void s.setSampleMode(ev.currentTarget.checked)}
          />
          <span>Try with sample data</span>
        </label>
        <p id="sample-help" class="help">
          Shows a bundled snapshot of 100 trending hashtags, labelled “Sample data — not live”, in
          the popup and on tiktok.com. It makes no requests and costs nothing. Applies at once;
          saving a key switches back to live data.
        </p>
      </div>
      <p class={`feedback${s.sampleFeedback.value ? ' feedback--ok' : ''}`} role="status">
        {s.sampleFeedback.value?.text}
      </p>
    </section>
  );
}
