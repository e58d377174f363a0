/**
 * What the watching e2e files share: the fixture ranking with moves, the toolbar badge as the
 * worker reads it, and a copy of the build that has `notifications` granted (Chromium lets no test
 * answer its permission prompt; the code is the same files).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { extensionDir, launchExtension, setApiKey, type Extension } from './browser';
import { FIXTURE_TREND, itemsNamed } from './fixture-trend';
import { startMockServer } from './server';

/** The badge colours of lib/trending/badge.ts, as Chromium reports them. */
export const CHANGES_COLOR = [118, 39, 187, 255];
export const COUNT_COLOR = [26, 115, 232, 255];

/** The fixture ranking with `moves` applied (name → new rank), as mock API items. */
export function ranking(moves: Record<string, number> = {}) {
  const names = FIXTURE_TREND.filter((n) => !(n in moves));
  for (const [name, rank] of Object.entries(moves).sort(([, a], [, b]) => a - b)) {
    names.splice(rank - 1, 0, name);
  }
  return { kind: 'items' as const, items: itemsNamed(names) };
}

interface ChromeAction {
  getBadgeText(d: { tabId?: number }): Promise<string>;
  getBadgeBackgroundColor(d: { tabId?: number }): Promise<number[]>;
  getTitle(d: { tabId?: number }): Promise<string>;
}

/** Text, colour and title of the toolbar button, globally or for the tab of `page`. */
export async function badge(ext: Extension, page?: Page) {
  let tabId: number | undefined;
  if (page) {
    await page.bringToFront();
    tabId = await ext.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } };
      };
      return (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!;
    });
  }
  return ext.worker.evaluate(
    async (scope) => {
      const { action } = (globalThis as unknown as { chrome: { action: ChromeAction } }).chrome;
      return {
        text: await action.getBadgeText(scope),
        color: await action.getBadgeBackgroundColor(scope),
        title: await action.getTitle(scope),
      };
    },
    tabId === undefined ? {} : { tabId },
  );
}

/** A copy of the production build whose manifest grants `notifications` at install; its path. */
export async function grantedNotificationsCopy(): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'hashtag-radar-granted-'));
  await cp(extensionDir(), copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
    permissions: string[];
    optional_permissions?: string[];
  };
  expect(manifest.optional_permissions).toEqual(['notifications']);
  manifest.permissions.push('notifications');
  delete manifest.optional_permissions;
  await writeFile(manifestPath, JSON.stringify(manifest));
  return copy;
}

/** The ids of the notifications shown now, as `chrome.notifications.getAll` in the worker says. */
export function notificationsShown(ext: Extension): Promise<string[]> {
  return ext.worker.evaluate(async () =>
    Object.keys(
      await (
        globalThis as unknown as { chrome: { notifications: { getAll(): Promise<object> } } }
      ).chrome.notifications.getAll(),
    ),
  );
}

/** The mock server (serving `ranking()`) and the granted copy of the build, launched with `key`. */
export async function launchGranted(key: string) {
  const copy = await grantedNotificationsCopy();
  const server = await startMockServer();
  server.api.respondWith(ranking());
  const ext = await launchExtension(server, { extDir: copy });
  await setApiKey(ext, key);
  return {
    server,
    ext,
    async close() {
      await ext.close();
      await server.close();
      await rm(copy, { recursive: true, force: true });
    },
  };
}

/** The toolbar button while it counts `count` (2 or more) unseen watchlist changes. */
export const changesBadge = (count: number) => ({
  text: String(count),
  color: CHANGES_COLOR,
  title: `Hashtag Radar: ${count} unseen changes in your watchlist`,
});
