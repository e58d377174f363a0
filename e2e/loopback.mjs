// What the e2e harness (e2e/server.ts, e2e/browser.ts) and the benches share to play real hostnames
// on loopback: a throwaway certificate for them, the Chromium flags that load the unpacked
// extension and map those hostnames to 127.0.0.1, and a page sent in pieces as a network would.
// The background-networking flags keep Chromium off hosts this closed network refuses.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A self-signed certificate (PEM strings) valid for `hosts`, made with openssl in a temp folder.
 * @param {string[]} hosts
 * @returns {Promise<{ key: string, cert: string }>}
 */
export async function selfSignedCertificate(hosts) {
  const dir = await mkdtemp(join(tmpdir(), 'hashtag-radar-cert-'));
  try {
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=hashtag-radar-test',
      '-addext',
      `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ]).catch((error) => {
      throw new Error(
        error.code === 'ENOENT'
          ? 'openssl not found: the loopback test servers need it for their certificate (apt-get install openssl)'
          : `openssl failed to make the test certificate: ${error.message}`,
      );
    });
    return {
      key: await readFile(join(dir, 'key.pem'), 'utf8'),
      cert: await readFile(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * @param {string} extensionDir the unpacked build to load
 * @param {number} port the loopback port every mapped host goes to
 * @param {string[]} hosts hostnames to map to 127.0.0.1:port
 */
export function extensionLaunchArgs(extensionDir, port, hosts) {
  const rules = hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(',');
  return [
    '--headless=new',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--host-resolver-rules=${rules}`,
    '--ignore-certificate-errors',
  ];
}

/**
 * Sends `chunks` as the body of `res`, `gapMs` apart, as a slow network delivers a big page (the
 * browser parses and renders each piece before the next arrives), then ends it; stops early if
 * the browser went away. The status and headers are the caller's.
 * @param {import('node:http').ServerResponse} res
 * @param {Array<string | Uint8Array>} chunks
 * @param {number} gapMs
 * @returns {Promise<void>}
 */
export async function writeInPieces(res, chunks, gapMs) {
  for (const [i, chunk] of chunks.entries()) {
    if (i > 0) await new Promise((done) => setTimeout(done, gapMs));
    if (res.destroyed) return;
    res.write(chunk);
  }
  res.end();
}
