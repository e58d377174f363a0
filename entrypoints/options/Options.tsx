import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { INDUSTRIES, ANY_INDUSTRY } from '@/lib/industries';
import { ALL_REGIONS, MARKETS } from '@/lib/markets';
import {
  DAILY_BUDGET,
  HIGHLIGHT_DEPTHS,
  HIGHLIGHT_STYLES,
  REFRESH_HOURS,
  highlightDailyCost,
  noticeField,
} from '@/lib/settings';
import { PERIODS, type HighlightStyle } from '@/lib/trending/types';
import { ChoiceGroup, Field } from './Field';
import { Credits } from './Credits';
import { SampleData } from './SampleData';
import * as s from './state';
import { STYLE_NAMES, checkRefreshHours } from './validate';

const REGIONS = [
  { code: ALL_REGIONS, name: 'All regions' },
  ...[...MARKETS].sort((a, b) => a.name.localeCompare(b.name, 'en')),
];

function Feedback({ value }: { value: s.Feedback }) {
  // Errors interrupt (alert); confirmations are announced politely (status).
  return (
    <p
      class={`feedback${value ? ` feedback--${value.tone}` : ''}`}
      role={value?.tone === 'error' ? 'alert' : 'status'}
    >
      {value?.text}
    </p>
  );
}

function StylePreview({ style }: { style: HighlightStyle }) {
  return (
    <span class={`preview preview--${style}`} aria-hidden="true">
      #fyp{style === 'badge' && <span class="preview-badge">1</span>}
    </span>
  );
}

function KeySection() {
  const shown = useSignal(false);
  const d = s.draft.value;
  const status = s.status.value;
  return (
    <section aria-labelledby="key-heading">
      <h2 id="key-heading">Your keyapi.ai key</h2>
      <Field
        id="api-key"
        label="API key"
        help={
          <>
            Looks like <code>sk_live_…</code>. Find it in your{' '}
            <a href="https://keyapi.ai" target="_blank" rel="noreferrer">
              keyapi.ai
            </a>{' '}
            dashboard. It is kept in this browser only (never synced) and sent only to keyapi.ai.
            Leave the field empty to keep the saved key.
          </>
        }
        error={s.errors.value.key}
        notice={s.keyNote.value ?? undefined}
        after={
          <button
            type="button"
            class="secondary"
            aria-controls="api-key"
            onClick={() => (shown.value = !shown.value)}
          >
            {shown.value ? 'Hide key' : 'Show key'}
          </button>
        }
      >
        {(control) => (
          <input
            {...control}
            // Preact's input types are a union per type; the toggle switches between two of them.
            type={(shown.value ? 'text' : 'password') as 'text'}
            name="apiKey"
            class="wide"
            autocomplete="off"
            spellcheck={false}
            placeholder={status?.keySet ? 'Paste a new key to replace the saved one' : 'sk_live_…'}
            value={d.key}
            onInput={(e) => s.update('key', e.currentTarget.value)}
          />
        )}
      </Field>
      <p class="saved-key" id="saved-key">
        {status === null
          ? ''
          : status.keySet
            ? `Saved key: ${status.keyHint ?? '(hidden)'}`
            : 'No key saved yet.'}
      </p>
      {status?.keyInvalid && (
        <p class="error" role="alert">
          keyapi.ai rejected the saved key the last time it was used. Paste a new one.
        </p>
      )}
      <div class="actions-row">
        <button
          type="button"
          class="secondary"
          onClick={() => void s.testKey()}
          disabled={s.testing.value}
          aria-describedby="test-cost"
        >
          Test key
        </button>
        <span id="test-cost" class="help">
          Makes one request to keyapi.ai: costs 2 credits. Tests the key in the field, or the saved
          key when the field is empty.
        </span>
      </div>
      <Feedback value={s.testFeedback.value} />
      {status?.keySet && (
        <div class="actions-row">
          <button type="button" class="secondary danger" onClick={() => void s.removeKey()}>
            Remove key
          </button>
          <span class="help">Deletes the saved key from this browser at once.</span>
        </div>
      )}
      <Feedback value={s.keyFeedback.value} />
    </section>
  );
}

function DefaultsSection() {
  const d = s.draft.value;
  const e = s.errors.value;
  const regionNotice = s.notices.value.find((n) => noticeField(n) === 'region');
  return (
    <section aria-labelledby="defaults-heading">
      <h2 id="defaults-heading">What to show</h2>
      <Field
        id="region"
        label="Region"
        help="The market whose trends the popup opens with and tiktok.com highlighting uses."
        error={e.region}
        notice={regionNotice}
      >
        {(control) => (
          <select
            {...control}
            value={d.region}
            onChange={(ev) => s.update('region', ev.currentTarget.value)}
          >
            {REGIONS.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="period"
        label="Period"
        help="How far back trends are measured. The popup can switch it any time."
        error={e.period}
      >
        {(control) => (
          <select
            {...control}
            value={d.period}
            onChange={(ev) => s.update('period', ev.currentTarget.value)}
          >
            {PERIODS.map((p) => (
              <option key={p} value={String(p)}>
                Last {p} days
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="industry"
        label="Industry"
        help="Only hashtags TikTok files under this industry, or all of them."
        error={e.industry}
      >
        {(control) => (
          <select
            {...control}
            value={d.industry}
            onChange={(ev) => s.update('industry', ev.currentTarget.value)}
          >
            <option value={ANY_INDUSTRY}>All industries</option>
            {INDUSTRIES.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </section>
  );
}

function SpendingSection() {
  const d = s.draft.value;
  const e = s.errors.value;
  const notice = (field: 'refreshHours' | 'dailyBudget') =>
    s.notices.value.find((n) => noticeField(n) === field);
  return (
    <section aria-labelledby="spending-heading">
      <h2 id="spending-heading">Refresh and credits</h2>
      <Field
        id="refresh-hours"
        label="Refresh every"
        help={`Hours (${REFRESH_HOURS.min}–${REFRESH_HOURS.max}) before fetched data counts as old and is fetched again. Default ${REFRESH_HOURS.default}.`}
        error={e.refreshHours}
        notice={notice('refreshHours')}
        after={<span class="unit">hours</span>}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            name="refreshHours"
            class="narrow"
            value={d.refreshHours}
            onInput={(ev) => s.update('refreshHours', ev.currentTarget.value)}
          />
        )}
      </Field>
      <Field
        id="daily-budget"
        label="Daily credit budget"
        help={`Hashtag Radar stops asking keyapi.ai once it has spent this many credits in a day (each request costs 2). Resets at local midnight. Default ${DAILY_BUDGET.default}.`}
        error={e.dailyBudget}
        notice={notice('dailyBudget')}
        after={<span class="unit">credits a day</span>}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            name="dailyBudget"
            class="narrow"
            value={d.dailyBudget}
            onInput={(ev) => s.update('dailyBudget', ev.currentTarget.value)}
          />
        )}
      </Field>
    </section>
  );
}

function HighlightSection() {
  const d = s.draft.value;
  const e = s.errors.value;
  const refresh = checkRefreshHours(d.refreshHours);
  const hours = refresh.ok ? refresh.value : s.saved.value.refreshHours;
  return (
    <section aria-labelledby="highlight-heading">
      <h2 id="highlight-heading">Highlighting on tiktok.com</h2>
      <div class="field">
        <label class="check">
          <input
            type="checkbox"
            name="highlightEnabled"
            checked={d.highlightEnabled}
            aria-describedby="highlight-help"
            onChange={(ev) => s.update('highlightEnabled', ev.currentTarget.checked)}
          />
          <span>Highlight trending hashtags on tiktok.com</span>
        </label>
        <p id="highlight-help" class="help">
          Marks hashtags that are in the trending list wherever tiktok.com shows them. The page
          itself is only read, never sent anywhere.
        </p>
      </div>
      <ChoiceGroup
        id="highlight-depth"
        legend="Highlight depth"
        name="highlightDepth"
        help={`How much of the trending list to look for. Deeper lists take more pages a refresh; the costs are per day at a refresh every ${hours} h.`}
        value={d.highlightDepth}
        error={e.highlightDepth}
        onChange={(v) => s.update('highlightDepth', v)}
        choices={HIGHLIGHT_DEPTHS.map((depth) => ({
          value: String(depth),
          label: `Top ${depth} — ${highlightDailyCost(depth, hours)} credits a day`,
        }))}
      />
      <ChoiceGroup
        id="highlight-style"
        legend="Highlight style"
        name="highlightStyle"
        help="How a trending hashtag looks on the page."
        value={d.highlightStyle}
        error={e.highlightStyle}
        onChange={(v) => s.update('highlightStyle', v)}
        choices={HIGHLIGHT_STYLES.map((style) => ({
          value: style,
          label: (
            <>
              {STYLE_NAMES[style]} <StylePreview style={style} />
            </>
          ),
        }))}
      />
    </section>
  );
}

function Notices() {
  const list = s.notices.value;
  if (list.length === 0) return null;
  return (
    <div class="banner banner--warning" role="alert">
      <h2>Some saved settings were reset</h2>
      <ul>
        {list.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <button type="button" class="secondary" onClick={() => void s.dismissNotices()}>
        Dismiss
      </button>
    </div>
  );
}

function Welcome() {
  const status = s.status.value;
  if (!status || status.keySet || s.sampleMode.value) return null;
  return (
    <div class="banner">
      <h2>Welcome to Hashtag Radar</h2>
      <p>
        To see live trends, paste your keyapi.ai API key below and press Save. Want to look around
        first? Turn on <a href="#sample-heading">sample data</a>: no key, no requests, no cost.
      </p>
    </div>
  );
}

export function Options() {
  useEffect(() => {
    void s.load();
    const offStorage = s.watchStorage();
    const offGuard = s.guardUnsaved();
    return () => {
      offStorage();
      offGuard();
    };
  }, []);

  useEffect(() => {
    document.title = `${s.dirty.value ? '• ' : ''}Hashtag Radar — Options`;
  }, [s.dirty.value]);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const bad = await s.save();
    if (bad) {
      const ids: Record<string, string> = {
        key: 'api-key',
        refreshHours: 'refresh-hours',
        dailyBudget: 'daily-budget',
        highlightDepth: 'highlight-depth',
        highlightStyle: 'highlight-style',
      };
      const el = document.getElementById(ids[bad] ?? bad);
      (el?.querySelector<HTMLElement>('input') ?? el)?.focus();
    }
  };

  if (!s.loaded.value) {
    return (
      <main class="page" aria-busy="true">
        <h1>Hashtag Radar — Options</h1>
        <p>Loading your settings…</p>
      </main>
    );
  }

  return (
    <main class="page">
      <header class="page-header">
        <h1>Hashtag Radar — Options</h1>
        <p class="lede">Your key, what to show, how often to refresh, and what it may spend.</p>
      </header>
      <Notices />
      <Welcome />
      {s.statusError.value && (
        <p class="error" role="alert">
          {s.statusError.value}
        </p>
      )}
      <form class="settings" noValidate onSubmit={(ev) => void onSubmit(ev)}>
        <KeySection />
        <DefaultsSection />
        <SpendingSection />
        <HighlightSection />
        <div class="save-bar">
          <button type="submit" class="primary" disabled={s.saving.value}>
            Save
          </button>
          {s.dirty.value && (
            <span class="unsaved" id="unsaved">
              Unsaved changes
            </span>
          )}
          <Feedback value={s.saveFeedback.value} />
        </div>
      </form>
      <SampleData />
      <Credits />
    </main>
  );
}
