/** What the Watching and Changes views show around their data: loading, a failure, empty. */
import type { ComponentChildren } from 'preact';

/** Loading (`failed` null), or why the background did not answer. */
export function Pending({ failed, loading }: { failed: string | null; loading: string }) {
  return failed ? (
    <p class="notice notice-error" role="alert">
      {failed}
    </p>
  ) : (
    <p class="page-note" aria-busy="true">
      {loading}
    </p>
  );
}

/** Nothing to list yet: a heading and what will appear here. */
export function Empty({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <div class="empty watch-empty">
      <h2 class="section-title">{title}</h2>
      {children}
    </div>
  );
}
