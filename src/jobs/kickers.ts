import type { Kicker } from '../domain/ports/kicker.js';

/** Locally the worker runs in this process: advance the job now, without holding up the caller. */
export function createInProcessKicker(
  advance: (jobId: string) => Promise<unknown>,
  onError?: (error: unknown) => void,
): Kicker {
  return {
    kick: async (jobId) => {
      // Not awaited: a Slack listener must answer within 3 seconds; the restore's first call can take longer.
      void advance(jobId).catch((error: unknown) => onError?.(error));
    },
  };
}

/** The worker's async-invoke payload: advance this one job. */
export interface KickEvent {
  kick: string;
}

/** The part of the Lambda client the kicker needs. */
export interface LambdaInvoker {
  invokeAsync(functionName: string, payload: KickEvent): Promise<void>;
}

/**
 * On Lambda the HTTP function must answer Slack before the restore's first call could finish,
 * so it invokes the worker function asynchronously (InvocationType Event) and returns.
 */
export function createLambdaKicker(invoker: LambdaInvoker, workerFunctionName: string): Kicker {
  return { kick: (jobId) => invoker.invokeAsync(workerFunctionName, { kick: jobId }) };
}
