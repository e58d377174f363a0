/**
 * The API permissions the extension asks for. PRIVACY.md says why for each
 * (tests/repo/privacy.test.ts); the manifest test lists what each browser's manifest holds.
 */

/** Asked for at install, in both browsers (wxt.config.ts). */
export const PERMISSIONS = ['storage', 'alarms', 'contextMenus'] as const;

/** Chrome only: WXT adds it for the side panel entrypoint (Firefox's sidebar needs none). */
export const CHROME_PERMISSIONS = ['sidePanel'] as const;

/** Asked for when the user turns the feature on (watchlist notifications), never at install. */
export const OPTIONAL_PERMISSIONS = ['notifications'] as const;
