import type { Job } from '../domain/job/job.js';
import type { Clock } from '../domain/ports/clock.js';
import type { JobRepository } from '../domain/ports/job-repository.js';
import type { Scheduler } from './scheduler.js';

export interface LeaseRenewalDeps {
  store: JobRepository;
  clock: Clock;
  scheduler: Scheduler;
  log?(message: string, detail?: object): void;
}

export interface LeaseRenewal {
  /** Stops renewing, once any renewal under way has landed (so none races the worker's own save). */
  stop(): Promise<void>;
}

/**
 * Keeps `owner`'s lease on `job` while a step's AWS call is in flight: every `renewEveryMs` the
 * lease is taken again until `leaseMs` from now. The lease can stay short (a dead worker's job
 * resumes soon) however long the call takes. Taking it again is conditional on the job's version
 * and on nobody else holding it, so a lost lease stays lost: the worker's save, conditional on
 * the lease owner, then refuses to write over the other worker's progress.
 */
export function renewLeaseWhileInFlight(
  deps: LeaseRenewalDeps,
  job: Job,
  owner: string,
  timing: { leaseMs: number; renewEveryMs: number },
): LeaseRenewal {
  let renewing: Promise<void> | undefined;
  const renew = async (): Promise<void> => {
    const now = deps.clock.now();
    try {
      const held = await deps.store.acquireLease(job, owner, now, new Date(now.getTime() + timing.leaseMs));
      if (!held) {
        repetition.cancel();
        deps.log?.('lease lost while a step was in flight', { jobId: job.id, owner });
      }
    } catch (error) {
      // The lease still holds until it runs out: the next renewal tries again.
      deps.log?.('lease renewal failed', { jobId: job.id, error: (error as Error).message });
    }
  };
  const repetition = deps.scheduler.repeat(timing.renewEveryMs, async () => {
    if (renewing) return;
    renewing = renew().finally(() => {
      renewing = undefined;
    });
    await renewing;
  });
  return {
    async stop() {
      repetition.cancel();
      await renewing;
    },
  };
}
