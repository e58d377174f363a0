import { useLayoutEffect, useState } from 'preact/hooks';

export interface Store<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
}

/** Renders again whenever the store changes, and returns its current value. */
export function useStore<T>(store: Store<T>): T {
  const [, rerender] = useState(0);
  const value = store.get();
  useLayoutEffect(() => {
    const update = () => rerender((n) => n + 1);
    const stop = store.subscribe(update);
    // A change between this render and the subscription would otherwise be missed.
    if (store.get() !== value) update();
    return stop;
  }, [store]);
  return value;
}
