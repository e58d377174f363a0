import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t, tParts } from '@/lib/i18n';
import { INDUSTRIES, ANY_INDUSTRY, industryName, isIndustryFilter } from '@/lib/industries';
import { ALL_REGIONS, MARKETS } from '@/lib/markets';
import {
  ALERT_MOVE,
  DAILY_BUDGET,
  HIGHLIGHT_DEPTHS,
  HIGHLIGHT_STYLES,
  REFRESH_HOURS,
  highlightDailyCost,
  type HighlightDepth,
  noticeField,
} from '@/lib/settings';
import { PERIODS, type HighlightStyle } from '@/lib/trending/types';
import { CheckField, ChoiceGroup, Field, NumberField } from './Field';
import { Credits } from './Credits';
import { PanelSection } from './PanelSection';
import { SampleData } from './SampleData';
import * as s from './state';
import { STYLE_NAMES, checkRefreshHours } from './validate';

const REGIONS = [
  { code: ALL_REGIONS, name: t('allRegions') },
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
      <h2 id="key-heading">{t('keyHeading')}</h2>
      <Field
        id="api-key"
        label={t('apiKey')}
        help={tParts(
          'keyHelp',
          <code>sk_live_…</code>,
          <a href="https://keyapi.ai" target="_blank" rel="noreferrer">
            keyapi.ai
          </a>,
        )}
        error={s.errors.value.key}
        notice={s.keyNote.value ?? undefined}
        after={
          <button
            type="button"
            class="secondary"
            aria-controls="api-key"
            onClick={() => (shown.value = !shown.value)}
          >
            {shown.value ? t('hideKey') : t('showKey')}
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
            placeholder={status?.keySet ? t('keyPlaceholderReplace') : 'sk_live_…'}
            value={d.key}
            onInput={(e) => s.update('key', e.currentTarget.value)}
          />
        )}
      </Field>
      <p class="saved-key" id="saved-key">
        {status === null
          ? ''
          : status.keySet
            ? t('savedKey', status.keyHint ?? t('keyHidden'))
            : t('noKeySaved')}
      </p>
      {status?.keyInvalid && (
        <p class="error" role="alert">
          {t('keyRejected')}
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
          {t('testKey')}
        </button>
        <span id="test-cost" class="help">
          {t('testKeyCost')}
        </span>
      </div>
      <Feedback value={s.testFeedback.value} />
      {status?.keySet && (
        <div class="actions-row">
          <button type="button" class="secondary danger" onClick={() => void s.removeKey()}>
            {t('removeKey')}
          </button>
          <span class="help">{t('removeKeyHelp')}</span>
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
      <h2 id="defaults-heading">{t('defaultsHeading')}</h2>
      <Field
        id="region"
        label={t('region')}
        help={t('regionHelp')}
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
      <Field id="period" label={t('period')} help={t('periodHelp')} error={e.period}>
        {(control) => (
          <select
            {...control}
            value={d.period}
            onChange={(ev) => s.update('period', ev.currentTarget.value)}
          >
            {PERIODS.map((p) => (
              <option key={p} value={String(p)}>
                {t('lastDays', p)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="industry" label={t('industry')} help={t('industryHelp')} error={e.industry}>
        {(control) => (
          <select
            {...control}
            value={d.industry}
            onChange={(ev) => s.update('industry', ev.currentTarget.value)}
          >
            <option value={ANY_INDUSTRY}>{t('allIndustries')}</option>
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
      <h2 id="spending-heading">{t('spendingHeading')}</h2>
      <NumberField
        id="refresh-hours"
        label={t('refreshEvery')}
        help={t('refreshHelp', REFRESH_HOURS.min, REFRESH_HOURS.max, REFRESH_HOURS.default)}
        error={e.refreshHours}
        notice={notice('refreshHours')}
        unit={t('unitHours')}
        name="refreshHours"
        value={d.refreshHours}
        onInput={(v) => s.update('refreshHours', v)}
      />
      <NumberField
        id="daily-budget"
        label={t('dailyBudget')}
        help={t('budgetHelp', DAILY_BUDGET.default)}
        error={e.dailyBudget}
        notice={notice('dailyBudget')}
        unit={t('unitCreditsADay')}
        name="dailyBudget"
        value={d.dailyBudget}
        onInput={(v) => s.update('dailyBudget', v)}
      />
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
      <h2 id="highlight-heading">{t('highlightHeading')}</h2>
      <CheckField
        name="highlightEnabled"
        helpId="highlight-help"
        label={t('highlightEnable')}
        help={t('highlightHelp')}
        checked={d.highlightEnabled}
        onChange={(checked) => s.update('highlightEnabled', checked)}
      />
      <ChoiceGroup
        id="highlight-depth"
        legend={t('highlightDepth')}
        name="highlightDepth"
        help={t('depthHelp', hours)}
        value={d.highlightDepth}
        error={e.highlightDepth}
        onChange={(v) => s.update('highlightDepth', v)}
        choices={HIGHLIGHT_DEPTHS.map((depth) => ({
          value: String(depth),
          label: t('depthChoice', depth, highlightDailyCost(depth, hours)),
        }))}
      />
      <ChoiceGroup
        id="highlight-style"
        legend={t('highlightStyle')}
        name="highlightStyle"
        help={t('styleHelp')}
        value={d.highlightStyle}
        error={e.highlightStyle}
        onChange={(v) => s.update('highlightStyle', v)}
        choices={HIGHLIGHT_STYLES.map((style) => ({
          value: style,
          label: (
            <>
              {t(STYLE_NAMES[style])} <StylePreview style={style} />
            </>
          ),
        }))}
      />
    </section>
  );
}

function CaptionSection() {
  const d = s.draft.value;
  return (
    <section aria-labelledby="caption-heading">
      <h2 id="caption-heading">{t('captionHeading')}</h2>
      <CheckField
        name="captionAssistant"
        helpId="caption-help"
        label={t('captionEnable')}
        help={t('captionHelp')}
        checked={d.captionAssistant}
        onChange={(checked) => s.update('captionAssistant', checked)}
      />
    </section>
  );
}

/** The depth the schedule fetches, and so what alerts compare: the highlight depth, or the top 20. */
function watchedDepth(enabled: boolean, depth: string): HighlightDepth {
  const chosen = Number(depth) as HighlightDepth;
  return enabled && HIGHLIGHT_DEPTHS.includes(chosen) ? chosen : HIGHLIGHT_DEPTHS[0];
}

/** Watchlist alerts: what they cost (nothing extra), the threshold K, newcomers, notifications. */
function AlertsSection() {
  const d = s.draft.value;
  const e = s.errors.value;
  const refresh = checkRefreshHours(d.refreshHours);
  const hours = refresh.ok ? refresh.value : s.saved.value.refreshHours;
  const depth = watchedDepth(d.highlightEnabled, d.highlightDepth);
  const deeper = HIGHLIGHT_DEPTHS.filter((n) => n > depth);
  const industry = isIndustryFilter(d.industry) ? industryName(d.industry) : t('allIndustries');
  const notice = s.notices.value.find((n) => noticeField(n) === 'alertMinMove');
  return (
    <section aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">{t('alertsHeading')}</h2>
      <div class="alerts-cost" id="alerts-cost">
        <p>{t('alertsCost', depth, highlightDailyCost(depth, hours), hours)}</p>
        {deeper.length ? (
          <>
            <p>{t('alertsDeeper')}</p>
            <ul>
              {deeper.map((n) => (
                <li key={n}>{t('depthChoice', n, highlightDailyCost(n, hours))}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('alertsDeepest')}</p>
        )}
      </div>
      <NumberField
        id="alert-move"
        label={t('alertMove')}
        help={t('alertMoveHelp', ALERT_MOVE.min, ALERT_MOVE.max, ALERT_MOVE.default)}
        error={e.alertMinMove}
        notice={notice}
        unit={t('unitRanks')}
        name="alertMinMove"
        value={d.alertMinMove}
        onInput={(v) => s.update('alertMinMove', v)}
      />
      <CheckField
        name="alertNewcomers"
        helpId="alert-newcomers-help"
        label={t('alertNewcomers', industry)}
        help={t('alertNewcomersHelp')}
        checked={d.alertNewcomers}
        onChange={(checked) => s.update('alertNewcomers', checked)}
      />
      <CheckField
        name="alertNotify"
        helpId="alert-notify-help"
        label={t('alertNotify')}
        help={t('alertNotifyHelp')}
        checked={s.notificationsOn.value}
        // The permission request must come first, in the gesture's own handler; the box then
        // shows what the browser decided (a refusal leaves the signal, and so the render, as is).
        onChange={(checked, box) => {
          void s.setNotifications(checked).then(() => {
            box.checked = s.notificationsOn.value;
          });
        }}
      />
      <Feedback value={s.notifyFeedback.value} />
    </section>
  );
}

function Notices() {
  const list = s.notices.value;
  if (list.length === 0) return null;
  return (
    <div class="banner banner--warning" role="alert">
      <h2>{t('noticesHeading')}</h2>
      <ul>
        {list.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <button type="button" class="secondary" onClick={() => void s.dismissNotices()}>
        {t('dismiss')}
      </button>
    </div>
  );
}

function Welcome() {
  const status = s.status.value;
  if (!status || status.keySet || s.sampleMode.value) return null;
  return (
    <div class="banner">
      <h2>{t('optionsWelcomeHeading')}</h2>
      <p>{tParts('optionsWelcome', <a href="#sample-heading">{t('sampleDataLink')}</a>)}</p>
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
    document.title = `${s.dirty.value ? '• ' : ''}${t('optionsTitle')}`;
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
        alertMinMove: 'alert-move',
        toolbarOpens: 'toolbar-opens',
      };
      const el = document.getElementById(ids[bad] ?? bad);
      (el?.querySelector<HTMLElement>('input') ?? el)?.focus();
    }
  };

  if (!s.loaded.value) {
    return (
      <main class="page" aria-busy="true">
        <h1>{t('optionsTitle')}</h1>
        <p>{t('loadingSettings')}</p>
      </main>
    );
  }

  return (
    <main class="page">
      <header class="page-header">
        <h1>{t('optionsTitle')}</h1>
        <p class="lede">{t('optionsLede')}</p>
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
        <CaptionSection />
        <AlertsSection />
        <PanelSection />
        <div class="save-bar">
          <button type="submit" class="primary" disabled={s.saving.value}>
            {t('save')}
          </button>
          {s.dirty.value && (
            <span class="unsaved" id="unsaved">
              {t('unsaved')}
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
