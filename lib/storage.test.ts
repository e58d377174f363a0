import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import {
  addSettingsNotices,
  captionPanelCollapsedItem,
  captionSelectionItem,
  popupFiltersItem,
  readCaptionSelection,
  readSettings,
  sampleModeItem,
  settingsItem,
  settingsNoticesItem,
} from './storage';

const CUSTOM: Settings = {
  defaults: { region: 'FR', period: 30, industry: '27000000000', newToTop100: true },
  refreshHours: 6,
  dailyBudget: 250,
  highlight: { enabled: false, depth: 60, style: 'badge' },
  caption: { enabled: true },
  alerts: { minMove: 5, newcomers: false },
  toolbarOpens: 'panel',
};

async function seedV1(value: unknown) {
  await fakeBrowser.storage.sync.set({ settings: value });
}

describe('storage items', () => {
  beforeEach(() => fakeBrowser.reset());

  it('falls back to defaults on a fresh install', async () => {
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await sampleModeItem.getValue()).toBe(false);
    expect(await popupFiltersItem.getValue()).toBeNull();
    expect(await settingsNoticesItem.getValue()).toEqual([]);
    expect(await captionSelectionItem.getValue()).toEqual([]);
    expect(await readCaptionSelection()).toEqual([]);
    expect(await captionPanelCollapsedItem.getValue()).toBe(false);
  });

  it('keeps the popup selection in session storage and reads it validated', async () => {
    await captionSelectionItem.setValue(['fyp', 'Dance']);
    expect(await fakeBrowser.storage.session.get('captionSelection')).toEqual({
      captionSelection: ['fyp', 'Dance'],
    });
    expect(await fakeBrowser.storage.local.get('captionSelection')).toEqual({});
    await fakeBrowser.storage.session.set({ captionSelection: ['ok', 7, '#two words', 'OK'] });
    expect(await readCaptionSelection()).toEqual(['ok']);
    await fakeBrowser.storage.session.set({ captionSelection: 'fyp' });
    expect(await readCaptionSelection()).toEqual([]);
    expect(await captionPanelCollapsedItem.getValue()).toBe(false);
  });

  it('keeps settings in sync storage', async () => {
    await settingsItem.setValue(CUSTOM);
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual(CUSTOM);
  });

  it('stamps new settings with the current version', async () => {
    await settingsItem.migrate();
    await settingsItem.setValue(CUSTOM);
    expect(await settingsItem.getMeta()).toEqual({ v: 2 });
  });
});

describe('settings migrations', () => {
  beforeEach(() => fakeBrowser.reset());

  it('v1 → v2 regroups the flat layout', async () => {
    await seedV1({
      region: 'FR',
      period: 30,
      industry: '27000000000',
      newToTop100: true,
      refreshHours: 6,
      dailyBudget: 250,
      highlightEnabled: false,
      highlightDepth: 60,
      highlightStyle: 'badge',
    });
    await settingsItem.migrate();
    // v1 had no toolbar choice: the popup, as before.
    expect(await settingsItem.getValue()).toEqual({ ...CUSTOM, toolbarOpens: 'popup' });
    expect(await settingsItem.getMeta()).toEqual({ v: 2 });
    expect(await settingsNoticesItem.getValue()).toEqual([]);
  });

  it('v1 → v2 keeps an already nested value as it is', async () => {
    await seedV1(CUSTOM);
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual(CUSTOM);
  });

  it('resets an unknown region to the default and leaves a notice; keeps the rest', async () => {
    await seedV1({ region: 'XX', period: 120, dailyBudget: 40 });
    await settingsItem.migrate();
    const settings = await settingsItem.getValue();
    expect(settings.defaults.region).toBe('all_regions');
    expect(settings.defaults.period).toBe(120);
    expect(settings.dailyBudget).toBe(40);
    expect(await settingsNoticesItem.getValue()).toEqual([
      'The saved region "XX" is not a TikTok market any more; it was reset to All regions.',
    ]);
  });

  it('announces a bad budget and refresh interval', async () => {
    await seedV1({ dailyBudget: -5, refreshHours: 'often' });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toMatchObject({ dailyBudget: 100, refreshHours: 12 });
    const notices = await settingsNoticesItem.getValue();
    expect(notices).toHaveLength(2);
    expect(notices.join(' ')).toContain('"-5"');
    expect(notices.join(' ')).toContain('"often"');
  });

  it('does not migrate twice', async () => {
    await seedV1({ region: 'XX' });
    await settingsItem.migrate();
    await settingsNoticesItem.setValue([]);
    await settingsItem.migrate();
    expect(await settingsNoticesItem.getValue()).toEqual([]);
  });
});

describe('readSettings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('repairs a bad value synced in after migration, once, with a notice', async () => {
    await settingsItem.setValue({
      ...CUSTOM,
      defaults: { ...CUSTOM.defaults, region: 'ZZ' as 'US' },
    });
    const settings = await readSettings();
    expect(settings.defaults).toEqual({ ...CUSTOM.defaults, region: 'all_regions' });
    expect((await settingsItem.getValue()).defaults.region).toBe('all_regions');
    expect(await settingsNoticesItem.getValue()).toHaveLength(1);
    await readSettings();
    expect(await settingsNoticesItem.getValue()).toHaveLength(1);
  });

  it('reads a flat value that has not been migrated yet in its grouped form', async () => {
    await seedV1({ region: 'FR', period: 30, dailyBudget: 250 });
    const settings = await readSettings();
    expect(settings.defaults).toMatchObject({ region: 'FR', period: 30 });
    expect(settings.dailyBudget).toBe(250);
  });

  it('adds each notice once', async () => {
    await addSettingsNotices(['a', 'b']);
    await addSettingsNotices(['b', 'c']);
    await addSettingsNotices([]);
    expect(await settingsNoticesItem.getValue()).toEqual(['a', 'b', 'c']);
  });
});
