import { z } from 'zod';
import type { CycleRun } from '../../domain/refresh/cycle-run.js';

const instant = z.iso.datetime({ offset: true }).transform((text) => new Date(text));

/** A stored run, checked on the way in: a record of another shape is refused with its path, never half-read. */
const storedCycleRun = z.strictObject({
  id: z.string(),
  cycle: z.string(),
  occurrence: instant,
  runAt: instant,
  phase: z.enum(['discovering', 'announced', 'running', 'succeeded', 'failed', 'skipped']),
  databases: z.array(
    z.strictObject({
      target: z.string(),
      snapshotId: z.string().optional(),
      takenAt: instant.optional(),
      copiedFrom: z.string().optional(),
      copying: z.string().optional(),
      unchanged: z.boolean().optional(),
      problem: z.string().optional(),
      jobId: z.string().optional(),
      result: z
        .strictObject({
          outcome: z.enum(['refreshed', 'failed']),
          detail: z.string(),
          durationMs: z.number().nonnegative().optional(),
        })
        .optional(),
    }),
  ),
  decisions: z.array(
    z.strictObject({ type: z.enum(['skip', 'run-now', 'postpone', 'approve']), userId: z.string(), at: instant }),
  ),
  reminded: z.boolean(),
  pipelineExecutionId: z.string().optional(),
  currentWritten: z.boolean(),
  outcome: z.string().optional(),
  createdAt: instant,
  updatedAt: instant,
  finishedAt: instant.optional(),
  version: z.number().int().nonnegative(),
});

export function encodeCycleRun(run: CycleRun): string {
  return JSON.stringify(run);
}

export function decodeCycleRun(text: string): CycleRun {
  return storedCycleRun.parse(JSON.parse(text)) as CycleRun;
}
