// @vitest-environment happy-dom
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onHighlightSetChange, SET_CHANGE_SETTLE_MS } from './set-changes';

describe('onHighlightSetChange', () => {
  let ctx: ContentScriptContext;
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    ctx = new ContentScriptContext('test');
  });
  afterEach(() => {
    ctx.abort();
    vi.useRealTimers();
  });

  it('calls once for a burst of changes that affect the set, after it settles', async () => {
    const changed = vi.fn();
    onHighlightSetChange(ctx, changed);
    await fakeBrowser.storage.local.set({ 'trending:cache:a': 1 });
    await fakeBrowser.storage.sync.set({ settings: {} });
    vi.advanceTimersByTime(SET_CHANGE_SETTLE_MS - 1);
    expect(changed).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('ignores changes that do not affect the set, those not wanted, and all after invalidation', async () => {
    const changed = vi.fn();
    let wanted = false;
    onHighlightSetChange(ctx, changed, () => wanted);
    await fakeBrowser.storage.local.set({ 'trending:cache:a': 1 });
    wanted = true;
    await fakeBrowser.storage.local.set({ popupFilters: {} });
    vi.advanceTimersByTime(SET_CHANGE_SETTLE_MS);
    expect(changed).not.toHaveBeenCalled();
    ctx.abort();
    await fakeBrowser.storage.local.set({ 'trending:cache:b': 1 });
    vi.advanceTimersByTime(SET_CHANGE_SETTLE_MS);
    expect(changed).not.toHaveBeenCalled();
  });
});
