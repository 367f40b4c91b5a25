import { isValid, parseISO } from 'date-fns';
import { z } from 'zod';
import { durationText, ssmParameterName } from '../policy-fields.js';
import { isKnownTimeZone } from '../time-zone.js';

/**
 * A refresh cycle as the policy file declares it: acceptance databases replaced from production's
 * shared snapshots on a cadence in a time zone, announced in a channel first. Checked against the
 * rest of the policy (environments, targets) by the policy's own refinement.
 */

const refreshDatabase = z
  .object({
    kind: z.enum(['rds-instance', 'aurora-cluster', 'docdb-cluster']),
    source: z.object({ environment: z.string().min(1), identifier: z.string().min(1) }).strict(),
    target: z.object({ environment: z.string().min(1), identifier: z.string().min(1) }).strict(),
    engine: z.string().min(1).describe('The engine a snapshot must be of, e.g. aurora-postgresql or docdb.'),
    engineVersion: z.string().min(1).optional().describe('Pins the engine version a snapshot must be of.'),
    pipelineVariable: z
      .string()
      .regex(/^[A-Za-z0-9@\-_]{1,128}$/, 'must be a CodePipeline variable name such as AURORA_SNAPSHOT_ID')
      .optional()
      .describe(
        'Mode pipeline: the pipeline variable that gets the snapshot id, where the pipeline declares one (a V1 pipeline takes none).',
      ),
    parameters: z
      .object({
        latest: ssmParameterName.describe('Holds the snapshot the next run restores; a person may pin one here.'),
        current: ssmParameterName.describe('Holds the snapshot acceptance runs on now; written after a run.'),
      })
      .strict(),
  })
  .strict();

/** Every `everyDays` days at a local time in a time zone, from a first local date (refreshes and DR drills). */
export const cadenceSchema = z
  .object({
    everyDays: z.number().int().min(1).max(366),
    anchor: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2027-01-04')
      .refine((text) => isValid(parseISO(text)), { message: 'is not a date of the calendar' })
      .describe("The first occurrence's local date."),
    at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time such as 02:00'),
    timeZone: z.string().refine(isKnownTimeZone, { message: 'must be an IANA time zone such as Europe/Amsterdam' }),
  })
  .strict();

export const refreshCycleSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9-]+$/, 'cycle names are lower-case words and digits, such as acceptance-refresh'),
    channel: z.string().regex(/^[CG][A-Z0-9]{2,}$/, 'must be a Slack channel id such as C024BE91L'),
    cadence: cadenceSchema,
    announceBefore: durationText.default('1d').describe('The card is posted this long before the run.'),
    remindBefore: durationText.default('30m').describe('A reminder this long before the run.'),
    postponeBy: durationText.default('1d').describe('How far Postpone moves the run.'),
    mode: z
      .enum(['pipeline', 'restore'])
      .describe(
        'pipeline: promote latest to current and start the pipeline; restore: the bot replaces each database itself.',
      ),
    approvalRequired: z.boolean().default(false).describe('A person must approve each run before it starts.'),
    whenNothingNew: z
      .enum(['skip', 'restore-again'])
      .default('skip')
      .describe('What a run does when no database has a snapshot newer than the last run.'),
    pipeline: z
      .object({
        name: z.string().min(1).optional(),
        nameParameter: ssmParameterName
          .optional()
          .describe('The SSM parameter that holds the name, e.g. main_cicd_name.'),
      })
      .strict()
      .optional(),
    databases: z.array(refreshDatabase).min(1, 'must name at least one database'),
  })
  .strict()
  .superRefine((cycle, context) => {
    if (cycle.mode === 'pipeline' && !cycle.pipeline?.name && !cycle.pipeline?.nameParameter) {
      context.addIssue({
        code: 'custom',
        path: ['pipeline'],
        message: 'mode pipeline needs pipeline.name or pipeline.nameParameter',
      });
    }
  });

export type RefreshCycleInput = z.output<typeof refreshCycleSchema>;
