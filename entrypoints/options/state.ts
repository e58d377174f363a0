/**
 * The options page's state and actions. The page never reads the stored key: it hands a new key to
 * the background (`saveApiKey`) and shows the masked hint the background gives back.
 */
import { computed, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '@/lib/i18n';
import { sendMessage, type ExtensionStatus } from '@/lib/messaging';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { readSettings, sampleModeItem, settingsItem, settingsNoticesItem } from '@/lib/storage';
import type { TrendError } from '@/lib/trending/types';
import {
  notificationsAllowed,
  requestNotifications,
  withdrawNotifications,
} from '@/lib/watch/notify';
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
  'alertMinMove',
  'toolbarOpens',
];
const FIELD_LABELS: Record<Field, MessageKey> = {
  key: 'apiKey',
  region: 'region',
  period: 'period',
  industry: 'industry',
  refreshHours: 'refreshEvery',
  dailyBudget: 'dailyBudget',
  highlightDepth: 'highlightDepth',
  highlightStyle: 'highlightStyle',
  alertMinMove: 'alertMove',
  toolbarOpens: 'toolbarOpens',
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
/** Whether this browser lets the extension show notifications (the optional permission). */
export const notificationsOn = signal(false);
export const notifyFeedback = signal<Feedback>(null);

export const dirty = computed(() => loaded.value && isDirty(draft.value, saved.value));

export function update<K extends keyof Draft>(field: K, value: Draft[K]): void {
  draft.value = { ...draft.value, [field]: value };
  saveFeedback.value = null;
  if (errors.value[field as Field]) {
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
    statusError.value = t('backgroundNoAnswer', messageOf(error));
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
  await Promise.all([refreshStatus(), refreshNotifications()]);
}

export async function refreshNotifications(): Promise<void> {
  notificationsOn.value = await notificationsAllowed();
}

/**
 * The notifications switch. Call it straight from the change handler: the browser shows its
 * permission question only in answer to a user gesture, so asking must be the first thing done.
 */
export function setNotifications(on: boolean): Promise<void> {
  const asked = on ? requestNotifications() : withdrawNotifications();
  return asked.then(async () => {
    const allowed = await notificationsAllowed();
    notificationsOn.value = allowed;
    notifyFeedback.value = allowed
      ? { tone: 'ok', text: t('notifyOn') }
      : on
        ? { tone: 'error', text: t('notifyDenied') }
        : { tone: 'ok', text: t('notifyOff') };
  });
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
    const fields = bad.map((f) => t(FIELD_LABELS[f])).join(', ');
    saveFeedback.value = {
      tone: 'error',
      text:
        bad.length === 1 ? t('nothingSavedOne', fields) : t('nothingSavedMany', bad.length, fields),
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
      parts.push(t('savedKeyPart', keyStatus.keyHint ?? t('savedKeyNoHint')));
      if (wasSample) {
        await sampleModeItem.setValue(false);
        sampleMode.value = false;
        parts.push(t('savedLivePart'));
      }
    }
    await settingsItem.setValue(result.settings);
    saved.value = result.settings;
    draft.value = { ...draftFromSettings(result.settings), key: '' };
    parts.push(describeSettings(result.settings));
    saveFeedback.value = {
      tone: 'ok',
      text: [t('savedWhat', parts.join(', ')), ...result.notes].join(' '),
    };
    void refreshStatus();
    return null;
  } catch (error) {
    saveFeedback.value = { tone: 'error', text: t('couldNotSave', messageOf(error)) };
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
      text: t('keyRemoved'),
    };
  } catch (error) {
    keyFeedback.value = { tone: 'error', text: t('couldNotRemoveKey', messageOf(error)) };
  }
}

/** What a failed test means for the user, in words. */
export function describeTestError(error: TrendError): string {
  switch (error.kind) {
    case 'invalid-key':
    case 'no-key':
      return t('testInvalid');
    case 'out-of-credits':
      return t('testOutOfCredits');
    case 'forbidden':
      return t('testForbidden');
    case 'rate-limited':
      return t('testRateLimited');
    case 'budget-reached':
      return t('testBudget');
    case 'offline':
      return t('testOffline');
    case 'timeout':
      return t('testTimeout');
    default:
      return t('testOther', error.message);
  }
}

export async function testKey(): Promise<void> {
  const typed = checkKey(draft.value.key);
  if (!typed.ok) {
    errors.value = { ...errors.value, key: typed.error };
    testFeedback.value = { tone: 'error', text: t('fixKeyFirst') };
    return;
  }
  if (!typed.key && !status.value?.keySet) {
    testFeedback.value = { tone: 'error', text: t('enterKeyToTest') };
    return;
  }
  keyNote.value = typed.note;
  testing.value = true;
  testFeedback.value = { tone: 'info', text: t('testingKey') };
  try {
    const result = await sendMessage('testKey', typed.key ? { key: typed.key } : {});
    testFeedback.value = result.valid
      ? { tone: 'ok', text: t('keyValid') }
      : { tone: 'error', text: describeTestError(result.error) };
  } catch (error) {
    testFeedback.value = { tone: 'error', text: t('couldNotTest', messageOf(error)) };
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
      text: t('cacheCleared'),
    };
  } catch (error) {
    cacheFeedback.value = { tone: 'error', text: t('couldNotClearCache', messageOf(error)) };
  }
}

export async function setSampleMode(on: boolean): Promise<void> {
  await sampleModeItem.setValue(on);
  sampleMode.value = on;
  sampleFeedback.value = {
    tone: 'ok',
    text: on ? t('sampleOn') : status.value?.keySet ? t('sampleOffLive') : t('sampleOffNoKey'),
  };
}

/** Warns before leaving with unsaved changes. */
export function guardUnsaved(): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (dirty.value) event.preventDefault();
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  const onVisible = () => {
    if (document.visibilityState !== 'visible') return;
    void refreshStatus();
    // The permission can be withdrawn in the browser's own settings meanwhile.
    void refreshNotifications();
  };
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    window.removeEventListener('beforeunload', onBeforeUnload);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
