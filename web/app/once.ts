const running = new Map<string, Promise<unknown>>();

/**
 * Runs `work` once per key for the life of the page and hands every caller the same promise.
 * Single-use links must be used up exactly once, even when React mounts a screen twice
 * (development's StrictMode does).
 */
export function once<T>(key: string, work: () => Promise<T>): Promise<T> {
  let promise = running.get(key) as Promise<T> | undefined;
  if (!promise) {
    promise = work();
    running.set(key, promise);
  }
  return promise;
}
