/**
 * The README's pictures: every run saves them to `.e2e-artifacts/`; `UPDATE_DOCS_SCREENSHOTS=1`
 * also writes them to `docs/` (run by hand, then look at them before committing).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

/** Saves `png` as .e2e-artifacts/NAME.png, and as docs/NAME.png when asked; returns the first path. */
export async function keepPicture(name: string, png: Buffer): Promise<string> {
  await mkdir('.e2e-artifacts', { recursive: true });
  const path = `.e2e-artifacts/${name}.png`;
  await writeFile(path, png);
  if (process.env.UPDATE_DOCS_SCREENSHOTS) {
    await mkdir('docs', { recursive: true });
    await writeFile(`docs/${name}.png`, png);
  }
  return path;
}

/**
 * Two screenshots side by side, as one picture (e.g. a page and the side panel beside it): the
 * browser itself lays them out, on a blank page of `via`'s context, with a divider between.
 */
export async function sideBySide(via: Page, left: Buffer, right: Buffer): Promise<Buffer> {
  const page = await via.context().newPage();
  try {
    const img = (png: Buffer) => `<img src="data:image/png;base64,${png.toString('base64')}">`;
    await page.setContent(
      `<body style="margin:0;display:flex;background:#888;gap:1px;width:max-content">${img(left)}${img(right)}</body>`,
    );
    await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
    return await page.locator('body').screenshot();
  } finally {
    await page.close();
  }
}
