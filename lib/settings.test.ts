import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, sanitizeSettings } from './settings';

describe('sanitizeSettings: the caption assistant switch', () => {
  it('is on by default, including for settings saved before it existed', () => {
    expect(DEFAULT_SETTINGS.caption).toEqual({ enabled: true });
    const { caption: _none, ...older } = DEFAULT_SETTINGS;
    expect(sanitizeSettings(older)).toEqual({ settings: DEFAULT_SETTINGS, notices: [] });
  });

  it('keeps a saved choice', () => {
    const off = { ...DEFAULT_SETTINGS, caption: { enabled: false } };
    expect(sanitizeSettings(off).settings.caption).toEqual({ enabled: false });
  });

  it('resets a damaged value to on, without a notice (nothing the user typed is lost)', () => {
    for (const caption of [{ enabled: 'no' }, null, 'off', 1, { enabled: 0 }]) {
      const { settings, notices } = sanitizeSettings({ ...DEFAULT_SETTINGS, caption });
      expect(settings.caption, JSON.stringify(caption)).toEqual({ enabled: true });
      expect(notices).toEqual([]);
    }
  });
});
