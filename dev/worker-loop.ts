import type { Composition } from '../src/entrypoints/composition.js';

/**
 * Ticks the worker every `seconds`, one tick at a time (a slow tick delays the next instead of
 * overlapping it): on Lambda a schedule does this. The returned closer waits for the running tick
 * and for in-process kicks.
 */
export function startWorkerLoop(composition: Composition, seconds: number): () => Promise<void> {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    timer = setTimeout(() => {
      running = composition.worker
        .tick()
        // The refresh cycles ride on the same tick, as on Lambda (src/entrypoints/lambda-worker.ts).
        .then(() => composition.refresh?.tick())
        .then(async () => (await composition.drServices?.())?.runner.tick())
        .then(() => undefined)
        .catch((error: Error) => console.error(`worker tick failed: ${error.message}`))
        .finally(() => {
          if (!stopped) schedule();
        });
    }, seconds * 1000);
  };
  schedule();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
    await composition.idle();
  };
}
