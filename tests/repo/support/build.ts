import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../../..');

/** Where `wxt build` / `wxt zip` wrote (WXT_OUT_DIR, as wxt.config.ts reads it, else .output). */
export const OUT_DIR = resolve(ROOT, process.env.WXT_OUT_DIR ?? '.output');

export const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

/** A build folder (chrome-mv3, firefox-mv3) that must exist: these tests run after the build. */
export function buildDir(target: 'chrome-mv3' | 'firefox-mv3'): string {
  const dir = join(OUT_DIR, target);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(
      `No build at ${dir}. These tests check built artifacts: run \`npm run zip\` first ` +
        '(it builds Chrome and Firefox and writes the store zips).',
    );
  }
  return dir;
}

/** A store zip WXT wrote: `<name>-<version>-<chrome|firefox|sources>.zip`. */
export function zipPath(kind: 'chrome' | 'firefox' | 'sources'): string {
  const path = join(OUT_DIR, `${pkg.name}-${pkg.version}-${kind}.zip`);
  if (!existsSync(path)) throw new Error(`No ${kind} zip at ${path}: run \`npm run zip\` first.`);
  return path;
}

export interface BuiltManifest {
  manifest_version: number;
  name: string;
  description?: string;
  default_locale?: string;
  version: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  icons?: Record<string, string>;
  action?: {
    default_popup?: string;
    default_icon?: Record<string, string> | string;
    default_title?: string;
  };
  background?: { service_worker?: string; scripts?: string[] };
  options_ui?: { page: string };
  content_scripts?: Array<{ matches: string[]; js?: string[]; css?: string[] }>;
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: unknown };
  };
  web_accessible_resources?: unknown[];
  /** Chrome's side panel. */
  side_panel?: { default_path: string };
  /** Firefox's sidebar. */
  sidebar_action?: {
    default_panel: string;
    default_title?: string;
    default_icon?: Record<string, string>;
    open_at_install?: boolean;
  };
  commands?: Record<string, { suggested_key?: { default?: string }; description?: string }>;
}

export function readManifest(dir: string): BuiltManifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BuiltManifest;
}

/**
 * The manifest as the browser shows it: `__MSG_name__` in name, description and the toolbar title
 * replaced by the default locale's message (`read` gets a file of the build: folder or zip).
 */
export function localizeManifest(m: BuiltManifest, read: (file: string) => string): BuiltManifest {
  if (!m.default_locale) return m;
  const messages = JSON.parse(read(`_locales/${m.default_locale}/messages.json`)) as Record<
    string,
    { message: string }
  >;
  // Chrome matches __MSG_ names case-insensitively.
  const byName = new Map(Object.entries(messages).map(([k, v]) => [k.toLowerCase(), v.message]));
  const resolve = (value: string | undefined) =>
    value?.replace(
      /__MSG_(\w+)__/g,
      (whole, name: string) => byName.get(name.toLowerCase()) ?? whole,
    );
  return {
    ...m,
    name: resolve(m.name)!,
    description: resolve(m.description),
    ...(m.action
      ? { action: { ...m.action, default_title: resolve(m.action.default_title) } }
      : {}),
    ...(m.sidebar_action
      ? {
          sidebar_action: {
            ...m.sidebar_action,
            default_title: resolve(m.sidebar_action.default_title),
          },
        }
      : {}),
    ...(m.commands
      ? {
          commands: Object.fromEntries(
            Object.entries(m.commands).map(([name, c]) => [
              name,
              { ...c, description: resolve(c.description) },
            ]),
          ),
        }
      : {}),
  };
}

/** A build folder's manifest, localized (see localizeManifest). */
export function readLocalizedManifest(dir: string): BuiltManifest {
  return localizeManifest(readManifest(dir), (file) => readFileSync(join(dir, file), 'utf8'));
}

/** Every file a manifest points at: icons, popup, options, background, content scripts. */
export function manifestFiles(m: BuiltManifest): string[] {
  const icons = (v: Record<string, string> | string | undefined) =>
    typeof v === 'string' ? [v] : Object.values(v ?? {});
  return [
    ...new Set([
      ...icons(m.icons),
      ...icons(m.action?.default_icon),
      ...(m.action?.default_popup ? [m.action.default_popup] : []),
      ...(m.options_ui ? [m.options_ui.page] : []),
      ...(m.side_panel ? [m.side_panel.default_path] : []),
      ...(m.sidebar_action ? [m.sidebar_action.default_panel] : []),
      ...icons(m.sidebar_action?.default_icon),
      ...(m.background?.service_worker ? [m.background.service_worker] : []),
      ...(m.background?.scripts ?? []),
      ...(m.content_scripts ?? []).flatMap((cs) => [...(cs.js ?? []), ...(cs.css ?? [])]),
    ]),
  ];
}
