/**
 * Reaching into the extension's closed shadow roots from a test. Playwright's locators, like the
 * page, cannot see inside a closed root; Chromium's DevTools protocol can. `exposeShadowRoot` hands
 * the page's main world the real root object (nothing is copied or reopened in the extension), so a
 * test can read it and find where to click; clicks and keys still go through `page.mouse` and
 * `page.keyboard`, as trusted input.
 */
import type { Page } from 'playwright-core';

interface DomNode {
  backendNodeId: number;
  localName?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  shadowRootType?: string;
}

function findHost(node: DomNode, tag: string): DomNode | null {
  if (node.localName === tag) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findHost(child, tag);
    if (found) return found;
  }
  return null;
}

/**
 * Sets `window[name]` in the page's main world to the shadow root of the first `tag` element, and
 * makes that host's `shadowRoot` answer with it there (for axe-core, which walks `shadowRoot`).
 * Returns the root's mode, which the extension chose.
 */
export async function exposeShadowRoot(page: Page, tag: string, name: string): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: DomNode;
    };
    const host = findHost(root, tag);
    const shadow = host?.shadowRoots?.[0];
    if (!host || !shadow) throw new Error(`No <${tag}> with a shadow root on ${page.url()}`);
    const resolved = (await cdp.send('DOM.resolveNode', {
      backendNodeId: shadow.backendNodeId,
    })) as { object: { objectId: string } };
    await cdp.send('Runtime.callFunctionOn', {
      objectId: resolved.object.objectId,
      functionDeclaration: `function (name) {
        window[name] = this;
        Object.defineProperty(this.host, 'shadowRoot', { configurable: true, get: () => this });
      }`,
      arguments: [{ value: name }],
    });
    return shadow.shadowRootType ?? 'unknown';
  } finally {
    await cdp.detach();
  }
}
