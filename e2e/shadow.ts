/**
 * The extension's UI on tiktok.com sits in closed shadow roots: neither the page's scripts nor
 * Playwright's locators can enter them. Tests reach them the way DevTools does: CDP's DOM domain
 * pierces closed roots, and the root found is handed to the test's worlds as its host's
 * `shadowRoot` — for this test page only — so locators and axe can read it. The production build
 * is unchanged; a page without CDP cannot do this.
 */
import type { Locator, Page } from 'playwright-core';

/** The hover card's shadow host (`OWN_UI_TAG` in lib/highlight/scan.ts). */
export const CARD_HOST = 'hashtag-radar-card';

interface CdpNode {
  backendNodeId: number;
  localName?: string;
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
}

function findHost(node: CdpNode, localName: string): CdpNode | null {
  if (node.localName === localName && node.shadowRoots?.length) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findHost(child, localName);
    if (found) return found;
  }
  return null;
}

/**
 * Waits for `host` (a custom element's tag name) and exposes its closed shadow root as the host's
 * `shadowRoot` to the page's main world (where `page.evaluate` and axe run) and to Playwright's
 * utility world (where its locators run). Returns the root's mode as the page saw it before
 * (`closed`; or `open` if it was open, or already revealed, and nothing is done).
 */
export async function revealShadowRoot(page: Page, host: string): Promise<'closed' | 'open'> {
  await page.locator(host).first().waitFor({ state: 'attached', timeout: 10_000 });
  const before = await page.evaluate(
    (name) => (document.querySelector(name)?.shadowRoot ? 'open' : 'closed'),
    host,
  );
  if (before === 'open') return before;
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; name: string; auxData?: { isDefault?: boolean } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const worlds = contexts.filter(
      (c) => c.auxData?.isDefault || c.name.includes('__playwright_utility_world'),
    );
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const found = findHost(root, host);
    if (!found?.shadowRoots?.[0]) throw new Error(`No shadow root on <${host}>`);
    for (const world of worlds) {
      const resolve = async (backendNodeId: number) =>
        (await cdp.send('DOM.resolveNode', { backendNodeId, executionContextId: world.id })).object
          .objectId!;
      await cdp.send('Runtime.callFunctionOn', {
        objectId: await resolve(found.backendNodeId),
        functionDeclaration:
          'function (root) { Object.defineProperty(this, "shadowRoot", { get: () => root, configurable: true }); }',
        arguments: [{ objectId: await resolve(found.shadowRoots[0].backendNodeId) }],
      });
    }
  } finally {
    await cdp.detach();
  }
  return before;
}

/** The hover card's dialog, once the card exists (after the first hover or focus of a mark). */
export async function hoverCard(page: Page): Promise<Locator> {
  await revealShadowRoot(page, CARD_HOST);
  return page.locator(CARD_HOST).getByRole('dialog');
}
