import { describe, expect, it } from 'vitest';
import { luminance, parseColor, themeOfBackgrounds } from './theme';

describe('theme from the page’s colours', () => {
  it('parses computed colours', () => {
    expect(parseColor('rgb(18, 18, 18)')).toEqual([18, 18, 18, 1]);
    expect(parseColor('rgba(255, 255, 255, 0.5)')).toEqual([255, 255, 255, 0.5]);
    expect(parseColor('rgb(0 0 0 / 40%)')).toEqual([0, 0, 0, 0.4]);
    expect(parseColor('transparent')).toBeNull();
    expect(parseColor('')).toBeNull();
  });

  it('measures luminance from black to white', () => {
    expect(luminance(0, 0, 0)).toBe(0);
    expect(luminance(255, 255, 255)).toBeCloseTo(1);
  });

  it('takes the first mostly opaque background from the editor up', () => {
    expect(themeOfBackgrounds(['rgba(0, 0, 0, 0)', 'rgb(18, 18, 18)', 'rgb(255, 255, 255)'])).toBe(
      'dark',
    );
    expect(themeOfBackgrounds(['rgba(0, 0, 0, 0.1)', 'rgb(248, 248, 248)'])).toBe('light');
    expect(themeOfBackgrounds(['rgb(37, 37, 42)'])).toBe('dark');
    expect(themeOfBackgrounds(['rgb(241, 241, 242)'])).toBe('light');
  });

  it('is light when nothing is painted (the white canvas shows)', () => {
    expect(themeOfBackgrounds([])).toBe('light');
    expect(themeOfBackgrounds(['rgba(0, 0, 0, 0)', 'transparent'])).toBe('light');
  });
});
