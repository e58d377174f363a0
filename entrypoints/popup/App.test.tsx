// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from './App';
import { createMarks } from './marks';
import { createRadar } from './radar';
import { cachedPage, CREDITS, hashtag, trendView } from './testing';

// uPlot needs a canvas happy-dom does not draw: the sparklines are stood in for.
vi.mock('../../components/charts', async (original) => ({
  ...(await original<typeof import('../../components/charts')>()),
  drawSpark: () => ({ destroy() {} }),
}));

describe('App, when a newer list moves rows', () => {
  let root: HTMLElement;
  beforeEach(() => {
    fakeBrowser.reset();
    root = document.body.appendChild(document.createElement('div'));
  });
  afterEach(() => render(null, root));

  it('keeps focus on the row it was on, where the browser drops it as the row moves', async () => {
    // Browsers before Chrome 133 and Firefox 144 (as happy-dom here) move a node by taking it
    // out of the document, which drops its focus; later ones move it with moveBefore.
    expect('moveBefore' in Element.prototype).toBe(false);
    let items = cachedPage(1, 1).data!.items;
    const send = vi.fn(async (type: string) =>
      type === 'getStatus'
        ? { keySet: true, keyHint: null, keyInvalid: false, sampleMode: false, credits: CREDITS }
        : trendView({ items }),
    );
    const radar = createRadar(send as never);
    const ready = radar.start();
    render(<App radar={radar} ready={ready} marks={createMarks()} />, root);
    await ready;
    await vi.waitFor(() => expect(root.querySelectorAll('ol > li')).toHaveLength(20));
    const toggle = (name: string) =>
      [...root.querySelectorAll<HTMLElement>('.row-toggle')].find((b) =>
        b.textContent!.includes(`#${name}`),
      )!;
    toggle('tag4').focus();
    expect(document.activeElement).toBe(toggle('tag4'));

    // tag3 and tag4 change places.
    items = items.map((item) =>
      item.rank === 3
        ? hashtag(3, { ...item, id: 'id4', name: 'tag4' })
        : item.rank === 4
          ? hashtag(4, { ...item, id: 'id3', name: 'tag3' })
          : item,
    );
    await radar.reload();
    await vi.waitFor(() =>
      expect(root.querySelectorAll('ol > li')[3]!.textContent).toContain('#tag3'),
    );
    expect(document.activeElement).toBe(toggle('tag4'));
    radar.stop();
  });
});
