/** What the data service reads from the user's choices on every call (the worker keeps nothing). */
import { sampleModeItem, settingsItem } from '../storage';
import { apiKeyItem } from '../vault';
import { sanitizeSettings, type Settings } from '../settings';
import { PAGE_SIZE } from './types';

export async function readSettings(): Promise<Settings> {
  return sanitizeSettings(await settingsItem.getValue()).settings;
}

export async function readKey(): Promise<string> {
  const key: unknown = await apiKeyItem.getValue();
  return typeof key === 'string' ? key.trim() : '';
}

export async function readSampleMode(): Promise<boolean> {
  return (await sampleModeItem.getValue()) === true;
}

export function ttlMs(settings: Settings): number {
  return settings.refreshHours * 3_600_000;
}

/** Pages the tiktok.com highlighting (and so the schedule) needs for the default filters. */
export function highlightPages(settings: Settings): number {
  return settings.highlight.enabled ? Math.ceil(settings.highlight.depth / PAGE_SIZE) : 1;
}
