import type { DrRun } from '../dr/dr-run.js';
import type { RunRepository } from './run-records.js';

/** DR runs and drills, beside the jobs; the open ones oldest first. */
export type DrRunRepository = RunRepository<DrRun>;
