/**
 * Runs a callback once an element comes near the viewport: one shared IntersectionObserver for all
 * rows, so a long list creates its charts only as they are about to be seen.
 */
const pending = new Map<Element, () => void>();
let observer: IntersectionObserver | null = null;

/** Two screens ahead: the first page of 20 is drawn at once, later rows just before they scroll in. */
const AHEAD = '200% 0px';

function onIntersect(entries: IntersectionObserverEntry[]) {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    const run = pending.get(entry.target);
    pending.delete(entry.target);
    observer?.unobserve(entry.target);
    run?.();
  }
}

/** Calls `run` when `el` is (nearly) visible; the returned function cancels it. */
export function whenVisible(el: Element, run: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    run();
    return () => undefined;
  }
  observer ??= new IntersectionObserver(onIntersect, { rootMargin: AHEAD });
  pending.set(el, run);
  observer.observe(el);
  return () => {
    if (pending.delete(el)) observer?.unobserve(el);
  };
}
