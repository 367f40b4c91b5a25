import { type CycleRun, isEnded } from '../../domain/refresh/cycle-run.js';
import { decodeCycleRun, encodeCycleRun } from './cycle-run-codec.js';
import { cycleRunKey, OPEN_CYCLE_RUNS_PARTITION } from './keys.js';
import { DynamoDbRunRecords, type RunRecordKind, type RunRecordsOptions } from './run-records.js';

/** Refresh cycle runs on the job table; the open ones sorted by occurrence, so the oldest comes first. */
export const CYCLE_RUN_RECORDS: RunRecordKind<CycleRun> = {
  noun: 'refresh run',
  key: cycleRunKey,
  openPartition: OPEN_CYCLE_RUNS_PARTITION,
  encode: encodeCycleRun,
  decode: decodeCycleRun,
  phase: (run) => run.phase,
  isEnded,
  sortedBy: (run) => run.occurrence,
  endedAt: (run) => run.finishedAt ?? run.updatedAt,
};

export class DynamoDbCycleRuns extends DynamoDbRunRecords<CycleRun> {
  constructor(options: RunRecordsOptions) {
    super(options, CYCLE_RUN_RECORDS);
  }
}
