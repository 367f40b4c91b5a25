import type { Kicker } from '../domain/ports/kicker.js';

/** Locally the worker runs in this process: advance the job now, without holding up the caller. */
export function createInProcessKicker(advance: (jobId: string) => Promise<unknown>, onError?: (error: unknown) => void): Kicker {
  return {
    kick: async (jobId) => {
      // Not awaited: a Slack listener must answer within 3 seconds; the restore's first call can take longer.
      void advance(jobId).catch((error: unknown) => onError?.(error));
    },
  };
}
