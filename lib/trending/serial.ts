/**
 * Runs read-modify-write steps on one stored value one after another, so two refreshes finishing
 * together never lose each other's update. In memory only: the background is the sole writer.
 */
const queues = new Map<string, Promise<unknown>>();

export function serialized<T>(name: string, step: () => Promise<T>): Promise<T> {
  const previous = queues.get(name) ?? Promise.resolve();
  const next = previous.then(step, step);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(name, settled);
  void settled.then(() => {
    if (queues.get(name) === settled) queues.delete(name);
  });
  return next;
}
