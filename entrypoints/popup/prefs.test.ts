import { describe, expect, it } from 'vitest';
import { popupFiltersItem, sampleModeItem, settingsItem } from '../../lib/storage';
import { PREF_KEYS } from './prefs';

describe('popup prefs', () => {
  it('use the same storage keys as the items in lib/storage', () => {
    expect(PREF_KEYS.popupFilters).toBe(popupFiltersItem.key);
    expect(PREF_KEYS.settings).toBe(settingsItem.key);
    expect(PREF_KEYS.sampleMode).toBe(sampleModeItem.key);
  });
});
