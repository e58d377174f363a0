import { describe, expect, it } from 'vitest';
import { affectsHighlightSet } from './types';

describe('affectsHighlightSet', () => {
  it('is true for cached pages, sample mode and settings, each in its own area', () => {
    expect(affectsHighlightSet({ 'trending:cache:US|7|nothing|all|1': {} }, 'local')).toBe(true);
    expect(affectsHighlightSet({ sampleMode: {} }, 'local')).toBe(true);
    expect(affectsHighlightSet({ settings: {} }, 'sync')).toBe(true);
  });

  it('is false for anything else, or the right key in the wrong area', () => {
    expect(affectsHighlightSet({ popupFilters: {}, captionPanelCollapsed: {} }, 'local')).toBe(
      false,
    );
    expect(affectsHighlightSet({ settings: {} }, 'local')).toBe(false);
    expect(affectsHighlightSet({ sampleMode: {} }, 'sync')).toBe(false);
    expect(affectsHighlightSet({}, 'local')).toBe(false);
  });
});
