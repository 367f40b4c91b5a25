/** Repeats work on an interval. Injected so tests decide when an interval has passed, without waiting. */
export interface Scheduler {
  /** Runs `task` every `everyMs` until cancelled; a run still under way when the next is due is not awaited. */
  repeat(everyMs: number, task: () => Promise<void>): { cancel(): void };
}

export const timerScheduler: Scheduler = {
  repeat(everyMs, task) {
    const timer = setInterval(() => void task(), everyMs);
    // A forgotten repetition must not keep a process (a test run, the local server) alive.
    timer.unref();
    return { cancel: () => clearInterval(timer) };
  },
};
