/**
 * Wraps an async job so that calls while it runs are folded into one more run after it: a burst
 * of live events (a catch-up after a night offline) costs two fetches, not one per event.
 * The returned promise settles when a run that started after the call has finished.
 */
export function coalesce(job: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again: Promise<void> | null = null;
  const run = (): Promise<void> => {
    running = job().finally(() => {
      running = null;
    });
    return running;
  };
  return () => {
    if (!running) return run();
    again ??= running.then(
      () => {
        again = null;
        return run();
      },
      () => {
        again = null;
        return run();
      },
    );
    return again;
  };
}
