/**
 * The extension's popup and side panel, as the browser really opens them: Chromium shows them
 * outside any tab, and Playwright does not attach to them. Tests reach them the way DevTools does:
 * CDP's Target domain finds the target by its address, attaches, and evaluates or takes a picture
 * there. The production build is unchanged.
 */
import type { CDPSession, Page } from 'playwright-core';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** A page target of the browser (popup, side panel) that Playwright does not attach to. */
export interface OpenTarget {
  url: string;
  /** Evaluates `expression` there (awaited, returned by value). */
  evaluate<T>(expression: string): Promise<T>;
  /** A PNG of what it shows. */
  screenshot(): Promise<Buffer>;
  detach(): Promise<void>;
}

/**
 * Waits (up to `timeoutMs`) for a page target whose address starts with `urlPrefix` and is not one
 * of `except` (pages the test already has), and attaches to it.
 */
export async function attachTarget(
  via: Page,
  urlPrefix: string,
  { timeoutMs = 10_000, except = [] as string[] } = {},
): Promise<OpenTarget> {
  const cdp: CDPSession = await via.context().newCDPSession(via);
  const deadline = Date.now() + timeoutMs;
  let found: TargetInfo | undefined;
  let sessionId: string | undefined;
  while (!sessionId || !found) {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    found = targetInfos.find(
      (t) => t.type === 'page' && t.url.startsWith(urlPrefix) && !except.includes(t.targetId),
    );
    if (found) {
      // A page still listed while it closes (the previous test's popup) is gone by the attach:
      // look again for the one being opened.
      sessionId = await cdp
        .send('Target.attachToTarget', { targetId: found.targetId, flatten: false })
        .then(
          (reply) => (reply as { sessionId: string }).sessionId,
          (error: Error) => {
            if (!/No target with given id/.test(error.message)) throw error;
            return undefined;
          },
        );
      if (sessionId) break;
    }
    if (Date.now() > deadline) {
      await cdp.detach();
      throw new Error(`No page at ${urlPrefix}… opened within ${timeoutMs} ms`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  let nextId = 1;
  const waiting = new Map<
    number,
    (reply: { result?: unknown; error?: { message: string } }) => void
  >();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number };
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply as never);
  });
  const send = (method: string, params: object) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, (reply) => {
        waiting.delete(id);
        if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
        else resolve(reply.result);
      });
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      });
    });
  return {
    url: found.url,
    async evaluate<T>(expression: string) {
      const result = (await send('Runtime.evaluate', {
        expression,
        awaitPromise: true,
        returnByValue: true,
      })) as { result: { value: T }; exceptionDetails?: { text: string } };
      if (result.exceptionDetails) throw new Error(result.exceptionDetails.text);
      return result.result.value;
    },
    async screenshot() {
      const { data } = (await send('Page.captureScreenshot', { format: 'png' })) as {
        data: string;
      };
      return Buffer.from(data, 'base64');
    },
    detach: () => cdp.detach(),
  };
}

/** In the popup or panel: the name of the expanded row (a lookup's result), or null. */
export const OPEN_ROW = `document.querySelector('.row.open .tag-name')?.textContent ?? null`;

/** Closes the popup or panel (its page closes itself, as a click elsewhere would close it). */
export async function closeTarget(target: OpenTarget): Promise<void> {
  await target.evaluate('setTimeout(() => window.close(), 0), true');
  await target.detach();
}
