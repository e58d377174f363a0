// Types for e2e/chromium-args.mjs (imported by e2e/browser.ts).
export function extensionLaunchArgs(extensionDir: string, port: number, hosts: string[]): string[];
