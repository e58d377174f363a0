/**
 * What the tests read and do in Firefox's privileged (chrome) context, over raw WebDriver BiDi:
 * puppeteer has no API for it, and `--remote-allow-system-access` opens it. Each function below runs
 * inside Firefox (it is sent as source), so it may use only its arguments and Firefox's globals.
 */
import type { Browser } from 'puppeteer-core';

/** Sends a raw BiDi command; puppeteer has no API for Firefox's chrome (browser UI) contexts. */
function bidi(browser: Browser, method: string, params: object): Promise<{ result: unknown }> {
  // BidiBrowser.connection, typed in puppeteer-core's own declarations (the version is pinned).
  const { connection } = browser as unknown as {
    connection: { send(method: string, params: object): Promise<{ result: unknown }> };
  };
  return connection.send(method, params);
}

/**
 * Runs `fn(...args)` in the browser window's privileged (chrome) context, where Firefox's own
 * services are in scope, and returns its JSON-able result. `--remote-allow-system-access` opens it.
 */
export async function inBrowserChrome<T, A extends string[]>(
  browser: Browser,
  fn: (...args: A) => T | Promise<T>,
  ...args: A
): Promise<T> {
  const tree = (await bidi(browser, 'browsingContext.getTree', { 'moz:scope': 'chrome' }))
    .result as { contexts: { context: string }[] };
  const context = tree.contexts[0]?.context;
  if (!context) throw new Error('Firefox listed no browser window (chrome context)');
  const { result } = (await bidi(browser, 'script.callFunction', {
    functionDeclaration: `async (...args) => JSON.stringify(await (${String(fn)})(...args))`,
    arguments: args.map((value) => ({ type: 'string', value })),
    target: { context },
    awaitPromise: true,
  })) as {
    result: { type: string; result?: { value: string }; exceptionDetails?: { text: string } };
  };
  if (result.type !== 'success')
    throw new Error(`Failed in Firefox's chrome context: ${result.exceptionDetails?.text}`);
  return JSON.parse(result.result!.value) as T;
}

/** What a privileged script sees of Firefox's globals (only the parts used here). */
interface FirefoxChrome {
  Services: { console: { getMessageArray(): object[] } };
  Ci: { nsIScriptError: new () => object };
  WebExtensionPolicy: {
    getByID(id: string): {
      extension: { backgroundState: string; terminateBackground(): Promise<void> };
    } | null;
  };
}

/**
 * Errors of the extension's own contexts from Firefox's console service: flags 0 (errors, not
 * warnings or info) whose source file is under `prefix`. Firefox's remote agent reports no log
 * entries for moz-extension:// documents and runs no preload script in them, so puppeteer's
 * `pageerror` never fires there; the console service sees every context, the event page included.
 * Left out: Firefox's own "Promise resolved/rejected after context unloaded", which it logs when a
 * page closes (or the event page stops) while one of its extension API calls is pending, as when a
 * person closes the options tab right after Save; no code of ours threw.
 */
export function consoleServiceErrors(prefix: string): string[] {
  const { Services, Ci } = globalThis as unknown as FirefoxChrome;
  return Services.console
    .getMessageArray()
    .filter((m) => m instanceof Ci.nsIScriptError)
    .map((m) => m as { flags: number; sourceName: string; errorMessage: string })
    .filter((m) => m.flags === 0 && m.sourceName.startsWith(prefix))
    .filter((m) => !/^Promise (resolved|rejected) after context unloaded/.test(m.errorMessage))
    .map((m) => `${m.sourceName.slice(prefix.length)}: ${m.errorMessage}`);
}

/** The event page's state: 'running', 'starting', 'suspending' or 'stopped'. */
export function backgroundState(geckoId: string): string {
  const { WebExtensionPolicy } = globalThis as unknown as FirefoxChrome;
  const policy = WebExtensionPolicy.getByID(geckoId);
  if (!policy) throw new Error(`${geckoId} is not installed`);
  return policy.extension.backgroundState;
}

/** Stops the event page as Firefox does when it idles (about:debugging's "Terminate background script"). */
export async function terminateBackground(geckoId: string): Promise<string> {
  const { WebExtensionPolicy } = globalThis as unknown as FirefoxChrome;
  const policy = WebExtensionPolicy.getByID(geckoId);
  if (!policy) throw new Error(`${geckoId} is not installed`);
  await policy.extension.terminateBackground();
  return policy.extension.backgroundState;
}
