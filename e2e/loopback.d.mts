// Types for e2e/loopback.mjs (imported by e2e/server.ts and e2e/browser.ts).
import type { ServerResponse } from 'node:http';

export function selfSignedCertificate(hosts: string[]): Promise<{ key: string; cert: string }>;
export function extensionLaunchArgs(extensionDir: string, port: number, hosts: string[]): string[];
export function writeInPieces(
  res: ServerResponse,
  chunks: Array<string | Uint8Array>,
  gapMs: number,
): Promise<void>;
