// Types for scripts/draw-icons.mjs (imported by tests/repo/icons.test.ts).
export const ICON_SIZES: number[];
/** Straight-alpha RGBA pixels, row by row. */
export function renderIcon(size: number): Buffer;
export function encodePng(width: number, height: number, rgba: Buffer): Buffer;
