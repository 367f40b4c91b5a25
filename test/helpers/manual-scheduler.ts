import type { Scheduler } from '../../src/jobs/scheduler.js';
import type { ManualClock } from './manual-clock.js';

interface Repetition {
  everyMs: number;
  dueAt: number;
  task(): Promise<void>;
}

/** A scheduler on the manual clock: repeated tasks run only while the test moves time on with `advance`. */
export class ManualScheduler implements Scheduler {
  private readonly repetitions = new Set<Repetition>();

  constructor(private readonly clock: ManualClock) {}

  repeat(everyMs: number, task: () => Promise<void>): { cancel(): void } {
    const repetition = { everyMs, dueAt: this.clock.now().getTime() + everyMs, task };
    this.repetitions.add(repetition);
    return { cancel: () => this.repetitions.delete(repetition) };
  }

  /** Moves the clock on by `ms`, stopping at each task's due time to run it (and waiting for it). */
  async advance(ms: number): Promise<void> {
    const end = this.clock.now().getTime() + ms;
    for (;;) {
      const due = [...this.repetitions]
        .filter((repetition) => repetition.dueAt <= end)
        .sort((a, b) => a.dueAt - b.dueAt)[0];
      if (!due) break;
      // A task overdue (the clock was moved without the scheduler) runs now: time never goes back.
      this.clock.advance(Math.max(0, due.dueAt - this.clock.now().getTime()));
      due.dueAt += due.everyMs;
      await due.task();
    }
    this.clock.advance(end - this.clock.now().getTime());
  }
}
