import { jobIdFor, newJobId } from '../job-id.js';

/** DR run ids: `dr-` and a job-like id, so one kicker tells a DR run from a job. */
export function newDrRunId(): string {
  return `dr-${newJobId()}`;
}

export function isDrRunId(id: string): boolean {
  return id.startsWith('dr-');
}

/** The restore job of a DR run: the same id on every retry of its start. */
export function drJobId(run: { id: string }): string {
  return jobIdFor(`dr:${run.id}`);
}
