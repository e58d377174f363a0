// Types for e2e/loopback.mjs (imported by e2e/server.ts and e2e/browser.ts).
export function selfSignedCertificate(hosts: string[]): Promise<{ key: string; cert: string }>;
export function extensionLaunchArgs(extensionDir: string, port: number, hosts: string[]): string[];
