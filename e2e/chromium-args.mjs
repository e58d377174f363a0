// Chromium flags for loading an unpacked extension headless against the loopback servers, shared by
// the e2e harness (e2e/browser.ts) and the benches. The background-networking flags keep Chromium
// off hosts this closed network refuses; the host rules map the real hostnames to loopback.

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
