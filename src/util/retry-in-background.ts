/** How long to wait between attempts: `firstDelayMs`, doubling up to `maxDelayMs`. */
export interface BackoffSchedule {
  firstDelayMs: number;
  maxDelayMs: number;
}

export interface BackgroundRetryOptions {
  schedule: BackoffSchedule;
  /** False for an error no later attempt can cure: the attempts stop. */
  retryable?(error: unknown): boolean;
  /** Each failure, with the wait before the next attempt (none when the attempts stop). */
  onFailure(error: unknown, retryInMs: number | undefined): void;
}

export interface BackgroundRetry {
  /** Resolves when the attempts are over: one succeeded, an error was final, or `stop()` was called. */
  readonly done: Promise<void>;
  stop(): void;
}

/**
 * Runs `attempt` now and, while it fails, again after a growing wait. It never rejects: a failure is
 * handed to `onFailure`, so what runs it keeps serving. Its timers are unref'd, so a pending retry
 * keeps no process (or test) alive.
 */
export function retryInBackground(attempt: () => Promise<void>, options: BackgroundRetryOptions): BackgroundRetry {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const run = async (delayMs: number): Promise<void> => {
    try {
      await attempt();
      finish();
    } catch (error) {
      if (stopped) return;
      const again = options.retryable?.(error) ?? true;
      options.onFailure(error, again ? delayMs : undefined);
      // onFailure may have stopped the retries.
      if (!again || stopped) {
        finish();
        return;
      }
      timer = setTimeout(() => void run(Math.min(delayMs * 2, options.schedule.maxDelayMs)), delayMs);
      timer.unref();
    }
  };
  void run(options.schedule.firstDelayMs);
  return {
    done,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      finish();
    },
  };
}
