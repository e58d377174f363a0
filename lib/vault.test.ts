import { beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { creditsItem } from './trending/credits';
import { gatesItem, NO_GATES, readGates } from './trending/gates';
import { apiKeyItem, defineVaultItem, migrateLegacyValues, watchVault } from './vault';

beforeEach(() => fakeBrowser.reset());

describe('vault items', () => {
  const counter = defineVaultItem<{ n: number }>('test:counter', {
    fallback: { n: 0 },
    schema: v.object({ n: v.number() }),
  });

  it('keeps values out of storage.local and storage.sync', async () => {
    await apiKeyItem.setValue('sk_live_vaultvault0001');
    await counter.setValue({ n: 3 });
    expect(await apiKeyItem.getValue()).toBe('sk_live_vaultvault0001');
    expect(await counter.getValue()).toEqual({ n: 3 });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('answers the fallback when nothing is stored, a fresh copy each time', async () => {
    const first = await counter.getValue();
    first.n = 99;
    expect(await counter.getValue()).toEqual({ n: 0 });
    await apiKeyItem.removeValue();
    expect(await apiKeyItem.getValue()).toBe('');
  });

  it('drops a damaged value instead of throwing, on every read', async () => {
    await (counter as { setValue(value: unknown): Promise<void> }).setValue({ n: 'three' });
    expect(await counter.getValue()).toEqual({ n: 0 });
    await counter.setValue({ n: 1 });
    expect(await counter.getValue()).toEqual({ n: 1 });
  });

  it('tells listeners in this context about every write', async () => {
    const seen: string[] = [];
    const stop = watchVault((key) => seen.push(key));
    await apiKeyItem.setValue('sk_live_vaultvault0002');
    await counter.removeValue();
    stop();
    await counter.setValue({ n: 2 });
    expect(seen).toEqual(['apiKey', 'test:counter']);
  });
});

describe('moving what earlier versions kept in storage.local', () => {
  const credits = { days: { '2026-11-25': { requests: 3, credits: 6 } } };

  it('moves the key, the credits and the gates, and deletes the old copies', async () => {
    await fakeBrowser.storage.local.set({
      apiKey: 'sk_live_fromlocal0001',
      'radar:credits': credits,
      'radar:gates': { ...NO_GATES, invalidKey: { kind: 'invalid-key', message: 'no' } },
      sampleMode: true,
    });
    expect(await apiKeyItem.getValue()).toBe('sk_live_fromlocal0001');
    expect(await creditsItem.getValue()).toEqual(credits);
    expect((await readGates()).invalidKey).toEqual({ kind: 'invalid-key', message: 'no' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ sampleMode: true });
  });

  it('keeps what the vault already holds', async () => {
    await apiKeyItem.setValue('sk_live_invault00001');
    await fakeBrowser.storage.local.set({ apiKey: 'sk_live_stale0000001' });
    await migrateLegacyValues();
    expect(await apiKeyItem.getValue()).toBe('sk_live_invault00001');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe('the spending state is validated on read', () => {
  it('drops a damaged gate and keeps the others', async () => {
    const error = { kind: 'rate-limited', message: 'slow', retryAt: 5 };
    await (gatesItem as { setValue(value: unknown): Promise<void> }).setValue({
      invalidKey: 'yes',
      outOfCredits: null,
      backoff: { until: 5, level: 1, error },
    });
    expect(await readGates()).toEqual({
      invalidKey: null,
      outOfCredits: null,
      backoff: { until: 5, level: 1, error },
    });
  });

  it('drops gates that are not an object at all', async () => {
    await (gatesItem as { setValue(value: unknown): Promise<void> }).setValue('open sesame');
    expect(await readGates()).toEqual(NO_GATES);
  });

  it('drops damaged days of the credit log and keeps the others', async () => {
    await (creditsItem as { setValue(value: unknown): Promise<void> }).setValue({
      days: {
        '2026-11-25': { requests: 3, credits: 6 },
        '2026-11-26': { requests: -1, credits: 2 },
        yesterday: { requests: 1, credits: 2 },
        '2026-11-27': 'lots',
      },
    });
    expect(await creditsItem.getValue()).toEqual({
      days: { '2026-11-25': { requests: 3, credits: 6 } },
    });
  });
});
