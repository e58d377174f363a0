// Types for scripts/check-firefox-lint.mjs (imported by tests/repo/scripts.test.ts).
export interface LintMessage {
  code: string;
  message?: string;
  description?: string;
  file?: string;
  line?: number;
  column?: number;
  _type?: string;
}
export interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
  summary: { errors: number; warnings: number; notices: number };
}
export const ACCEPTED: Array<{ code: string; file: RegExp; source: RegExp; why: string }>;
export function classify(
  buildDir: string,
  report: Pick<LintReport, 'errors' | 'warnings' | 'notices'>,
): { accepted: Array<LintMessage & { why: string }>; problems: LintMessage[] };
