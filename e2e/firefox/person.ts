/**
 * What a person does in the extension's pages, over puppeteer in Firefox: find controls by their
 * label or name, type with the keyboard, click; and what they see (alerts, the list's rows).
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import type { FirefoxExtension } from './firefox';

const POLL = { timeout: 20_000, polling: 100 } as const;

/** The form control whose <label> reads exactly `label` (as a screen reader would name it). */
export async function labelled(page: Page, label: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (text) =>
      [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === text)
        ?.control ?? null,
    POLL,
    label,
  );
  return handle as ElementHandle<Element>;
}

/** The enabled button whose text reads exactly `name`, inside `within` (a selector) if given. */
export async function button(
  page: Page,
  name: string,
  within = 'body',
): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (text, scope) =>
      [...(document.querySelector(scope)?.querySelectorAll('button') ?? [])].find(
        (b) => b.textContent?.trim() === text && !b.disabled,
      ) ?? null,
    POLL,
    name,
    within,
  );
  return handle as ElementHandle<Element>;
}

/** The page's visible text once it matches `pattern`. */
export async function waitForText(page: Page, pattern: RegExp, selector = 'body'): Promise<string> {
  await page.waitForFunction(
    (source, flags, scope) =>
      new RegExp(source, flags).test(
        (document.querySelector(scope) as HTMLElement | null)?.innerText ?? '',
      ),
    POLL,
    pattern.source,
    pattern.flags,
    selector,
  );
  return page.$eval(selector, (el) => (el as HTMLElement).innerText);
}

/** The list's rows as a person reads them, once there are at least `atLeast`. */
export async function rowTexts(page: Page, atLeast = 1): Promise<string[]> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('ol > li').length >= n,
    POLL,
    atLeast,
  );
  return page.$$eval('ol > li', (lis) => lis.map((li) => (li as HTMLElement).innerText));
}

/**
 * Saves `key` (and `region`, by the name the list shows, when given) in the options page as a
 * person does: types the key, picks the region by typing its name into the focused list, presses
 * Save and waits for "Saved: …". The page stays open.
 */
export async function saveInOptions(
  ext: FirefoxExtension,
  settings: { key: string; region?: string },
): Promise<Page> {
  const options = await ext.openOptions();
  await (await labelled(options, 'API key')).click();
  await options.keyboard.type(settings.key);
  if (settings.region) {
    const region = await labelled(options, 'Region');
    await region.focus();
    await options.keyboard.type(settings.region);
    const picked = await region.evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.text);
    if (picked !== settings.region)
      throw new Error(`Typing "${settings.region}" picked "${picked}" in the Region list`);
  }
  await (await button(options, 'Save', 'form')).click();
  await waitForText(options, /Saved: /);
  return options;
}
