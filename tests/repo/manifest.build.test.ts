// Runs after the build (see vitest.build.config.ts): the manifests users install ask for exactly
// what the product needs, and say so the same way in Chrome and Firefox.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDir, manifestFiles, readLocalizedManifest, readManifest } from './support/build';

describe.each(['chrome-mv3', 'firefox-mv3'] as const)('%s manifest', (target) => {
  const dir = buildDir(target);
  const manifest = readManifest(dir);

  it('is named Hashtag Radar in the default locale (English), through _locales', () => {
    expect(manifest.default_locale).toBe('en');
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.description).toBe('__MSG_extDescription__');
    const shown = readLocalizedManifest(dir);
    expect(shown.name).toBe('Hashtag Radar');
    expect(shown.action?.default_title).toBe('Hashtag Radar');
    expect(shown.description).toMatch(/^TikTok's trending hashtags/);
    expect(shown.description!.length).toBeLessThanOrEqual(132); // the stores' limit
  });

  it('asks for exactly storage, alarms, contextMenus (+ sidePanel in Chrome) and the keyapi host; notifications only when turned on', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(
      target === 'chrome-mv3'
        ? ['alarms', 'contextMenus', 'sidePanel', 'storage']
        : ['alarms', 'contextMenus', 'storage'],
    );
    expect(manifest.host_permissions).toEqual(['https://api.keyapi.ai/*']);
    // Optional: no install warning; the options switch asks for it (lib/watch/notify.ts).
    expect(manifest.optional_permissions ?? []).toEqual(['notifications']);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
  });

  it('exposes files to tiktok.com pages only, through the dynamic URL, and only files that exist', () => {
    const exposed = (manifest.web_accessible_resources ?? []) as Array<{
      resources: string[];
      matches?: string[];
      use_dynamic_url?: boolean;
    }>;
    expect(exposed.length).toBeGreaterThan(0);
    for (const entry of exposed) {
      expect(entry.matches).toEqual(['https://www.tiktok.com/*']);
      // Firefox gives each install a random ID already, and does not know the key.
      expect(entry.use_dynamic_url).toBe(target === 'chrome-mv3' ? true : undefined);
      for (const file of entry.resources) expect(existsSync(join(dir, file)), file).toBe(true);
    }
  });

  it('runs the highlighter on tiktok.com and the caption assistant on Studio and upload pages only', () => {
    const scripts = (manifest.content_scripts ?? []).map((cs) => ({
      js: cs.js,
      css: cs.css,
      matches: [...(cs.matches ?? [])].sort(),
      // Top frame only: the assistant never runs in the page's iframes.
      all_frames: (cs as { all_frames?: boolean }).all_frames,
    }));
    expect(scripts).toEqual([
      {
        js: ['content-scripts/tiktok-caption.js'],
        css: undefined,
        // https only, www.tiktok.com only; the script itself acts on isUploadPage URLs alone.
        matches: [
          'https://www.tiktok.com/creator-center/*',
          'https://www.tiktok.com/tiktokstudio*',
          'https://www.tiktok.com/upload*',
        ],
        all_frames: undefined,
      },
      {
        js: ['content-scripts/tiktok.js'],
        css: ['content-scripts/tiktok.css'],
        matches: ['https://www.tiktok.com/*'],
        all_frames: undefined,
      },
    ]);
  });

  it('has the icons at every size, in the manifest and on the toolbar button', () => {
    const sizes = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };
    expect(manifest.icons).toEqual(sizes);
    expect(manifest.action?.default_icon).toEqual(sizes);
    for (const [size, file] of Object.entries(sizes)) {
      const png = readFileSync(join(dir, file));
      expect(png.readUInt32BE(16), `${file} width`).toBe(Number(size));
      expect(png.readUInt32BE(20), `${file} height`).toBe(Number(size));
    }
  });

  it('has the toolbar shortcut and a side-panel shortcut, described in the default locale', () => {
    const shown = readLocalizedManifest(dir).commands ?? {};
    const panelCommand = target === 'chrome-mv3' ? 'toggle-side-panel' : '_execute_sidebar_action';
    expect(shown).toEqual({
      _execute_action: { suggested_key: { default: 'Alt+Shift+H' } },
      [panelCommand]: {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Open or close the Hashtag Radar side panel',
      },
    });
  });

  it('has the side panel page: Chrome side_panel, Firefox sidebar_action (titled, not opened at install)', () => {
    if (target === 'chrome-mv3') {
      expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
      expect(manifest.sidebar_action).toBeUndefined();
    } else {
      expect(readLocalizedManifest(dir).sidebar_action).toEqual({
        default_panel: 'sidepanel.html',
        default_title: 'Hashtag Radar',
        default_icon: manifest.icons,
        open_at_install: false,
      });
      expect(manifest.side_panel).toBeUndefined();
    }
  });

  it('points only at files that exist in the build', () => {
    expect(manifestFiles(manifest).filter((f) => !existsSync(join(dir, f)))).toEqual([]);
    expect(manifest.action?.default_popup).toBe('popup.html');
    expect(manifest.options_ui?.page).toBe('options.html');
  });
});

describe('Firefox specifics', () => {
  const chrome = readManifest(buildDir('chrome-mv3'));
  const firefox = readManifest(buildDir('firefox-mv3'));

  it('is MV3 with a gecko id, a minimum version and a data-collection statement', () => {
    expect(firefox.manifest_version).toBe(3);
    expect(firefox.browser_specific_settings?.gecko).toMatchObject({
      id: 'hashtag-radar@keyapi-tools',
      strict_min_version: expect.stringMatching(/^\d+\.0$/),
      data_collection_permissions: { required: ['none'] },
    });
    // Firefox ≥ 127 grants MV3 host permissions at install; 140 reads data_collection_permissions.
    expect(
      Number.parseInt(firefox.browser_specific_settings!.gecko!.strict_min_version!),
    ).toBeGreaterThanOrEqual(140);
  });

  it('runs the background as an event page in Firefox and a service worker in Chrome', () => {
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(chrome.browser_specific_settings).toBeUndefined();
  });

  it('is otherwise the same extension in both browsers', () => {
    const common = (m: typeof chrome) => ({
      ...m,
      background: undefined,
      browser_specific_settings: undefined,
      // Side panel and sidebar, their permission and shortcut: checked per browser above.
      permissions: m.permissions?.filter((p) => p !== 'sidePanel'),
      side_panel: undefined,
      sidebar_action: undefined,
      commands: undefined,
      web_accessible_resources: (m.web_accessible_resources ?? []).map((entry) =>
        typeof entry === 'object' ? { ...entry, use_dynamic_url: undefined } : entry,
      ),
    });
    expect(common(firefox)).toEqual(common(chrome));
  });
});
