// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_FILTERS, type TrendFilters, type TrendView } from '../../lib/trending/types';
import { mirroredFilters, rememberFilters } from './prefs';
import { createRadar } from './radar';

const US: TrendFilters = { ...DEFAULT_FILTERS, region: 'US' };
const FR: TrendFilters = { ...DEFAULT_FILTERS, region: 'FR', period: 30 };

function fakeSend() {
  const asked: TrendFilters[] = [];
  const send = vi.fn(async (type: string, data?: { filters: TrendFilters }) => {
    if (type === 'getStatus') throw new Error('not needed here');
    asked.push(data!.filters);
    return { filters: data!.filters, items: [], refreshing: false } as unknown as TrendView;
  });
  return { send: send as never, asked };
}

describe('the remembered filters mirror', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    localStorage.clear();
  });

  it('asks once, at once, when the mirror agrees with storage', async () => {
    await rememberFilters(US);
    expect(mirroredFilters()).toEqual(US);
    const { send, asked } = fakeSend();
    const radar = createRadar(send);
    await radar.start();
    expect(asked).toEqual([US]);
    radar.stop();
  });

  it('follows storage when the mirror is out of date, and updates it', async () => {
    await rememberFilters(US);
    await fakeBrowser.storage.local.set({ popupFilters: FR });
    const { send, asked } = fakeSend();
    const radar = createRadar(send);
    await radar.start();
    expect(asked).toEqual([US, FR]);
    expect(radar.get().filters).toEqual(FR);
    expect(mirroredFilters()).toEqual(FR);
    radar.stop();
  });

  it('drops the mirror when no choice is stored (the defaults apply)', async () => {
    localStorage.setItem('popupFilters', JSON.stringify(US));
    await fakeBrowser.storage.sync.set({ settings: { defaults: FR } });
    const { send, asked } = fakeSend();
    const radar = createRadar(send);
    await radar.start();
    expect(asked.at(-1)).toEqual(FR);
    expect(mirroredFilters()).toBeNull();
    radar.stop();
  });
});
