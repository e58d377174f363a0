/**
 * Light or dark like the page around the caption: TikTok's theme is read from the colours it paints
 * (the first mostly opaque background from the editor up), not from a theme attribute, which no
 * public source confirms for TikTok Studio. Pure.
 */

export type Theme = 'light' | 'dark';

/** `rgb(r, g, b)` / `rgba(r, g, b, a)` as getComputedStyle gives it; null for anything else. */
export function parseColor(value: string): [number, number, number, number] | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(
    value.trim(),
  );
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : Number(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function luminance(r: number, g: number, b: number): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/**
 * The theme of computed `background-color`s listed from an element up to the root: the first one
 * that is mostly opaque decides; none (all transparent: the white canvas shows) is light.
 */
export function themeOfBackgrounds(backgrounds: readonly string[]): Theme {
  for (const value of backgrounds) {
    const color = parseColor(value);
    if (!color || color[3] < 0.5) continue;
    return luminance(color[0], color[1], color[2]) < 0.2 ? 'dark' : 'light';
  }
  return 'light';
}
