// Types for scripts/check-bundle-budget.mjs (imported by tests/repo/bundle-budget.build.test.ts).
export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}
export interface Measured {
  files: FileSize[];
  raw: number;
  gzip: number;
}
export interface Budgeted extends Measured {
  /** gzip bytes allowed for what loads up front (`files`). */
  budget: number;
  /** Files loaded later, on demand (dynamic import, runtime.getURL): measured, outside the budget. */
  lazy: Measured;
}
export const KB: number;
export const BUDGETS: { contentScript: number; captionAssistant: number; popup: number };
export const CONTENT_SCRIPTS: { contentScript: string; captionAssistant: string };
export function gzipSize(path: string): number;
export function referencedFiles(
  buildDir: string,
  file: string,
): { eager: string[]; lazy: string[] };
export function loadedFiles(
  buildDir: string,
  entries: string[],
): { eager: string[]; lazy: string[] };
export function measure(buildDir: string, files: string[]): Measured;
export function contentScriptEntries(manifest: {
  content_scripts?: Array<{ js?: string[]; css?: string[] }>;
}): string[];
export function checkBudgets(buildDir: string): {
  contentScript: Budgeted;
  captionAssistant: Budgeted;
  popup: Budgeted;
};
