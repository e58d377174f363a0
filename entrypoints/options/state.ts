/**
 * The options page's state and actions. The page never reads the stored key: it hands a new key to
 * the background (`saveApiKey`) and shows the masked hint the background gives back.
 */
import { computed, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { sendMessage, type ExtensionStatus } from '@/lib/messaging';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { readSettings, sampleModeItem, settingsItem, settingsNoticesItem } from '@/lib/storage';
import type { TrendError } from '@/lib/trending/types';
import {
  checkKey,
  describeSettings,
  draftFromSettings,
  isDirty,
  validateDraft,
  type Draft,
  type Errors,
  type Field,
} from './validate';

/** The fields in page order, with their visible labels (for the error summary and focus). */
const FIELD_ORDER: Field[] = [
  'key',
  'region',
  'period',
  'industry',
  'refreshHours',
  'dailyBudget',
  'highlightDepth',
  'highlightStyle',
];
const FIELD_LABELS: Record<Field, string> = {
  key: 'API key',
  region: 'Region',
  period: 'Period',
  industry: 'Industry',
  refreshHours: 'Refresh every',
  dailyBudget: 'Daily credit budget',
  highlightDepth: 'Highlight depth',
  highlightStyle: 'Highlight style',
};

export type Feedback = { tone: 'ok' | 'error' | 'info'; text: string } | null;

export const loaded = signal(false);
export const saved = signal<Settings>(DEFAULT_SETTINGS);
export const draft = signal<Draft>(draftFromSettings(DEFAULT_SETTINGS));
export const errors = signal<Errors>({});
export const keyNote = signal<string | null>(null);
export const status = signal<ExtensionStatus | null>(null);
export const statusError = signal<string | null>(null);
export const notices = signal<string[]>([]);
export const sampleMode = signal(false);
export const saving = signal(false);
export const saveFeedback = signal<Feedback>(null);
export const testing = signal(false);
export const testFeedback = signal<Feedback>(null);
export const keyFeedback = signal<Feedback>(null);
export const cacheFeedback = signal<Feedback>(null);
export const sampleFeedback = signal<Feedback>(null);

export const dirty = computed(() => loaded.value && isDirty(draft.value, saved.value));

export function update<K extends keyof Draft>(field: K, value: Draft[K]): void {
  draft.value = { ...draft.value, [field]: value };
  saveFeedback.value = null;
  if (field !== 'highlightEnabled' && errors.value[field as Field]) {
    const { [field as Field]: _gone, ...rest } = errors.value;
    errors.value = rest;
  }
  if (field === 'key') keyNote.value = null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function refreshStatus(): Promise<void> {
  try {
    status.value = await sendMessage('getStatus');
    statusError.value = null;
  } catch (error) {
    statusError.value = `The extension's background did not answer: ${messageOf(error)}`;
  }
}

export async function load(): Promise<void> {
  const [settings, stored, sample] = await Promise.all([
    readSettings(),
    settingsNoticesItem.getValue(),
    sampleModeItem.getValue(),
  ]);
  saved.value = settings;
  draft.value = draftFromSettings(settings);
  notices.value = stored;
  sampleMode.value = sample;
  loaded.value = true;
  await refreshStatus();
}

/** Follows changes made elsewhere (the popup's sample switch, another browser's sync, repairs). */
export function watchStorage(): () => void {
  const offNotices = settingsNoticesItem.watch((value) => (notices.value = value));
  const offSample = sampleModeItem.watch((value) => (sampleMode.value = value));
  const offSettings = settingsItem.watch(() => {
    void readSettings().then((settings) => {
      const wasClean = !dirty.value;
      saved.value = settings;
      if (wasClean) draft.value = { ...draftFromSettings(settings), key: draft.value.key };
    });
  });
  // Spending shows up as cache and credit writes of the data service: refresh the credit counts.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local') return;
    if (!Object.keys(changes).some((k) => k.startsWith('trending:') || /credit/i.test(k))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void refreshStatus(), 300);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => {
    offNotices();
    offSample();
    offSettings();
    clearTimeout(timer);
    browser.storage.onChanged.removeListener(onChanged);
  };
}

export async function dismissNotices(): Promise<void> {
  await settingsNoticesItem.setValue([]);
  notices.value = [];
}

/** Validates everything; saves nothing unless all fields are valid. Returns the first bad field. */
export async function save(): Promise<Field | null> {
  const result = validateDraft(draft.value, saved.value);
  keyNote.value = result.notes[0] ?? null;
  if (!result.ok) {
    errors.value = result.errors;
    const bad = FIELD_ORDER.filter((f) => result.errors[f]);
    saveFeedback.value = {
      tone: 'error',
      text: `Nothing was saved: ${bad.length === 1 ? 'one field needs' : `${bad.length} fields need`} attention (${bad.map((f) => FIELD_LABELS[f]).join(', ')}).`,
    };
    return bad[0] ?? null;
  }
  errors.value = {};
  saving.value = true;
  try {
    const parts: string[] = [];
    if (result.key) {
      // The background may switch sample mode off itself; remember whether it was on.
      const wasSample = sampleMode.value;
      const keyStatus = await sendMessage('saveApiKey', { key: result.key });
      status.value = status.value ? { ...status.value, ...keyStatus } : status.value;
      parts.push(`key ${keyStatus.keyHint ?? 'saved'}`);
      if (wasSample) {
        await sampleModeItem.setValue(false);
        sampleMode.value = false;
        parts.push('live data instead of sample data');
      }
    }
    await settingsItem.setValue(result.settings);
    saved.value = result.settings;
    draft.value = { ...draftFromSettings(result.settings), key: '' };
    parts.push(describeSettings(result.settings));
    saveFeedback.value = {
      tone: 'ok',
      text: `Saved: ${parts.join(', ')}.${result.notes.length ? ` ${result.notes.join(' ')}` : ''}`,
    };
    void refreshStatus();
    return null;
  } catch (error) {
    saveFeedback.value = { tone: 'error', text: `Could not save: ${messageOf(error)}` };
    return null;
  } finally {
    saving.value = false;
  }
}

export async function removeKey(): Promise<void> {
  try {
    const keyStatus = await sendMessage('saveApiKey', { key: '' });
    status.value = status.value ? { ...status.value, ...keyStatus } : status.value;
    keyFeedback.value = {
      tone: 'ok',
      text: 'Key removed. Live data stops until you add a key; sample data still works.',
    };
  } catch (error) {
    keyFeedback.value = { tone: 'error', text: `Could not remove the key: ${messageOf(error)}` };
  }
}

/** What a failed test means for the user, in words. */
export function describeTestError(error: TrendError): string {
  switch (error.kind) {
    case 'invalid-key':
    case 'no-key':
      return 'Invalid: keyapi.ai did not accept this key. Check that you copied all of it.';
    case 'out-of-credits':
      return 'Out of credits: the key is valid, but its keyapi.ai account has no credits left. Top up on keyapi.ai.';
    case 'forbidden':
      return 'Not allowed: keyapi.ai refused this key access to trending hashtags.';
    case 'rate-limited':
      return 'Too many requests just now: keyapi.ai asked to wait. Try again in a minute.';
    case 'budget-reached':
      return "Not tested: today's credit budget is used up. Raise the budget or try tomorrow.";
    case 'offline':
      return 'Not tested: keyapi.ai could not be reached. Check your connection.';
    case 'timeout':
      return 'Not tested: keyapi.ai did not answer in time. Try again.';
    default:
      return `Not tested: ${error.message}`;
  }
}

export async function testKey(): Promise<void> {
  const typed = checkKey(draft.value.key);
  if (!typed.ok) {
    errors.value = { ...errors.value, key: typed.error };
    testFeedback.value = { tone: 'error', text: 'Fix the key first.' };
    return;
  }
  if (!typed.key && !status.value?.keySet) {
    testFeedback.value = { tone: 'error', text: 'Enter a key to test.' };
    return;
  }
  keyNote.value = typed.note;
  testing.value = true;
  testFeedback.value = { tone: 'info', text: 'Testing the key…' };
  try {
    const result = await sendMessage('testKey', typed.key ? { key: typed.key } : {});
    testFeedback.value = result.valid
      ? { tone: 'ok', text: 'Valid: keyapi.ai accepted the key.' }
      : { tone: 'error', text: describeTestError(result.error) };
  } catch (error) {
    testFeedback.value = { tone: 'error', text: `Could not test the key: ${messageOf(error)}` };
  } finally {
    testing.value = false;
    void refreshStatus();
  }
}

export async function clearCache(): Promise<void> {
  try {
    await sendMessage('clearCache');
    cacheFeedback.value = {
      tone: 'ok',
      text: 'Cached data cleared. The next look at the list fetches it again.',
    };
  } catch (error) {
    cacheFeedback.value = { tone: 'error', text: `Could not clear the cache: ${messageOf(error)}` };
  }
}

export async function setSampleMode(on: boolean): Promise<void> {
  await sampleModeItem.setValue(on);
  sampleMode.value = on;
  sampleFeedback.value = {
    tone: 'ok',
    text: on
      ? 'Sample data on: the popup and tiktok.com show the bundled snapshot. No requests, no credits.'
      : status.value?.keySet
        ? 'Sample data off: showing live data from your key.'
        : 'Sample data off. Add a key to see live data.',
  };
}

/** Warns before leaving with unsaved changes. */
export function guardUnsaved(): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (dirty.value) event.preventDefault();
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  const onVisible = () => {
    if (document.visibilityState === 'visible') void refreshStatus();
  };
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    window.removeEventListener('beforeunload', onBeforeUnload);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
