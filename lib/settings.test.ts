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

describe('sanitizeSettings: what the toolbar button opens', () => {
  it('is the popup by default, including for settings saved before the choice existed', () => {
    expect(DEFAULT_SETTINGS.toolbarOpens).toBe('popup');
    const { toolbarOpens: _none, ...older } = DEFAULT_SETTINGS;
    expect(sanitizeSettings(older)).toEqual({ settings: DEFAULT_SETTINGS, notices: [] });
  });

  it('keeps the side panel when chosen', () => {
    const panel = { ...DEFAULT_SETTINGS, toolbarOpens: 'panel' };
    expect(sanitizeSettings(panel).settings.toolbarOpens).toBe('panel');
  });

  it('resets a damaged value to the popup, without a notice', () => {
    for (const toolbarOpens of ['sidebar', null, 1, { panel: true }]) {
      const { settings, notices } = sanitizeSettings({ ...DEFAULT_SETTINGS, toolbarOpens });
      expect(settings.toolbarOpens, JSON.stringify(toolbarOpens)).toBe('popup');
      expect(notices).toEqual([]);
    }
  });
});
