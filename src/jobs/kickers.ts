import type { Kicker, LambdaInvoker } from '../domain/ports/kicker.js';

/** A kicker whose work runs in this process; `idle()` resolves once every kick so far has finished. */
export interface InProcessKicker extends Kicker {
  idle(): Promise<void>;
}

/** Locally the worker runs in this process: advance the job right after the caller has answered. */
export function createInProcessKicker(
  advance: (jobId: string) => Promise<unknown>,
  onError?: (error: unknown) => void,
): InProcessKicker {
  const running = new Set<Promise<void>>();
  return {
    kick: async (jobId) => {
      // Not awaited, and started on the next turn of the event loop: the Slack listener answers
      // first (3-second rule); the restore's first call can take longer than that.
      const work: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => advance(jobId))
        .then(
          () => undefined,
          (error: unknown) => onError?.(error),
        )
        .finally(() => running.delete(work));
      running.add(work);
    },
    idle: async () => {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}

/**
 * On Lambda the HTTP function must answer Slack before the restore's first call could finish,
 * so it invokes the worker function asynchronously (InvocationType Event) and returns.
 */
export function createLambdaKicker(
  invoker: LambdaInvoker,
  workerFunctionName: string,
  onError: (error: unknown) => void,
): Kicker {
  return {
    // The change is saved before the kick: a failed invoke is reported, not thrown at the person
    // (who would try again and ask twice). The worker's scheduled tick picks the job up anyway.
    kick: (jobId) => invoker.invokeAsync(workerFunctionName, { kick: jobId }).catch(onError),
  };
}
