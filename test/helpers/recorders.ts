import type { Job, JobStatus } from '../../src/domain/job/job.js';
import type { Kicker } from '../../src/domain/ports/kicker.js';
import type { Notifier } from '../../src/domain/ports/notifier.js';

/** A notifier that remembers every job version it was told about. */
export class RecordingNotifier implements Notifier {
  readonly seen: Job[] = [];

  async jobChanged(job: Job): Promise<void> {
    this.seen.push(job);
  }

  async sync(jobs: Job[]): Promise<void> {
    this.seen.push(...jobs);
  }

  statusesOf(jobId: string): JobStatus[] {
    const statuses = this.seen.filter((job) => job.id === jobId).map((job) => job.status);
    return statuses.filter((status, index) => statuses[index - 1] !== status);
  }
}

/** A kicker that only remembers whom it was asked to kick; tests tick the worker themselves. */
export class RecordingKicker implements Kicker {
  readonly kicked: string[] = [];

  async kick(jobId: string): Promise<void> {
    this.kicked.push(jobId);
  }
}
