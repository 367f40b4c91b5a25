import type { CycleRun } from '../refresh/cycle-run.js';
import type { RunRepository } from './run-records.js';

/** The refresh cycles' runs, beside the jobs; the open ones oldest occurrence first. */
export type CycleRunRepository = RunRepository<CycleRun>;
