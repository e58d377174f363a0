import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captionSelectionItem } from '../../lib/storage';
import { changesItem, watchlistItem } from '../../lib/watch/store';
import { createMarks, MARK_KEYS, toggleName, unseenIn, watchedNames } from './marks';

describe('popup marks', () => {
  beforeEach(() => fakeBrowser.reset());

  it('use the same storage keys as the items of lib/storage and lib/watch/store', () => {
    expect(MARK_KEYS.watchlist).toBe(watchlistItem.key);
    expect(MARK_KEYS.changes).toBe(changesItem.key);
    expect(MARK_KEYS.selection).toBe(captionSelectionItem.key);
  });

  it('read watched names as the highlighter compares them, leaving damaged entries out', () => {
    expect(watchedNames([{ name: 'BookTok' }, { name: 3 }, null, 'x'])).toEqual(
      new Set(['booktok']),
    );
    expect(watchedNames({ broken: true })).toEqual(new Set());
    expect(unseenIn([{ seen: false }, { seen: true }, {}, null, { seen: false }])).toBe(2);
    expect(unseenIn('damaged')).toBe(0);
  });

  it('toggle a name: added at the end (the order picked), taken out in any case', () => {
    expect(toggleName(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
    expect(toggleName(['a', 'BookTok', 'c'], 'booktok')).toEqual(['a', 'c']);
  });

  it('keep the selection in session storage, validated on read, cleared by Clear', async () => {
    await fakeBrowser.storage.session.set({ captionSelection: ['fyp', 'not a tag', 7, '#gym'] });
    const marks = createMarks();
    await marks.start();
    expect(marks.get().selection).toEqual(['fyp', 'gym']);
    await marks.toggleSelected('booktok');
    expect(await captionSelectionItem.getValue()).toEqual(['fyp', 'gym', 'booktok']);
    expect(marks.rows().selected).toEqual(new Set(['fyp', 'gym', 'booktok']));
    await marks.clearSelection();
    expect(await captionSelectionItem.getValue()).toEqual([]);
    marks.stop();
  });

  it('follow storage: a watchlist or change written elsewhere updates the marks', async () => {
    const marks = createMarks();
    await marks.start();
    const rows = marks.rows();
    expect(marks.rows()).toBe(rows);
    await fakeBrowser.storage.sync.set({ watchlist: [{ name: 'nightroutine', since: 1 }] });
    await fakeBrowser.storage.local.set({ 'watch:changes': [{ seen: false }] });
    await vi.waitFor(() => expect(marks.get().unseen).toBe(1));
    expect(marks.rows().watched).toEqual(new Set(['nightroutine']));
    expect(marks.rows()).not.toBe(rows);
    marks.stop();
  });

  it('say why a watch was refused and show the toggle as it was', async () => {
    const marks = createMarks();
    fakeBrowser.runtime.onMessage.addListener(() =>
      Promise.resolve({ ok: false, error: 'You already watch 50 hashtags.' }),
    );
    await marks.setWatched('booktok', true);
    expect(marks.get().watched.has('booktok')).toBe(false);
    expect(marks.get().refused).toBe('You already watch 50 hashtags.');
  });
});
