import { z } from 'zod';
import { DATABASE_KINDS } from '../kinds.js';
import { durationText, principals, slackChannelId, ssmParameterName } from '../policy-fields.js';
import { cadenceSchema } from '../refresh/cycle-schema.js';

/**
 * Disaster recovery as the policy file declares it: which channels are incident channels, and per
 * production environment the environment in the DR Region it recovers into (its account, region,
 * role and restoreDefaults: the subnet groups, security groups and keys there), who approves, the
 * objectives, and per database the endpoint the application reads. Checked against the rest of
 * the policy by the policy's own refinement.
 */

const route53Record = z
  .object({
    hostedZoneId: z.string().regex(/^(\/hostedzone\/)?Z[A-Z0-9]{1,32}$/, 'must be a hosted zone id such as Z0123ABC'),
    name: z
      .string()
      .regex(/^[a-z0-9*]([a-z0-9-]*\.)+[a-z0-9-]+\.?$/i, 'must be a DNS name such as orders-db.internal.example.com'),
    ttl: z
      .number()
      .int()
      .min(0)
      .max(300)
      .default(60)
      .describe('The TTL the switch writes: low, so clients follow a switch (and a switch back) within it.'),
  })
  .strict();

const drDatabase = z
  .object({
    kind: z.enum(DATABASE_KINDS),
    identifier: z.string().min(1).describe('The production database (in the protected environment).'),
    restoreAs: z
      .string()
      .min(1)
      .optional()
      .describe('The name the recovered database gets in the DR Region; <identifier>-dr unless given.'),
    switch: z
      .object({
        parameter: ssmParameterName
          .optional()
          .describe('An SSM parameter in the DR environment that holds the endpoint the application connects to.'),
        record: route53Record
          .optional()
          .describe('A Route 53 CNAME the application connects through (RDS, Aurora and DocumentDB).'),
      })
      .strict()
      .default({})
      .describe('What the switch points at the recovered database, after its own approval.'),
  })
  .strict();

const recoveryPlan = z
  .object({
    drEnvironment: z
      .string()
      .min(1)
      .describe(
        'The environment of this policy in the DR Region: the recovery goes into its account and region, with its restoreDefaults.',
      ),
    approvers: principals.describe('Who approves a DR run and, separately, its switch; never the one who asked.'),
    onCall: principals.describe('Who may ask for a DR run or drill from an incident channel (approvers may too).'),
    onCallStartsWithoutApproval: z
      .boolean()
      .default(false)
      .describe(
        'In a declared incident, on-call starts the restore without a first approval; the switch still needs one.',
      ),
    objectives: z
      .object({
        rpo: durationText.default('5m').describe('The most data the business accepts to lose.'),
        rto: durationText
          .default('4h')
          .describe('The longest the business accepts to be down, from the request to the switch.'),
      })
      .strict()
      .default({ rpo: '5m', rto: '4h' }),
    snapshotCopyEvery: durationText
      .default('1d')
      .describe('How often snapshots are copied into the DR Region: the RPO of a snapshot-copy recovery.'),
    databases: z.array(drDatabase).min(1, 'must name at least one database'),
  })
  .strict();

/** A drill on a schedule, like a refresh cycle: each occurrence rehearses its databases' recovery. */
const drillSchedule = z
  .object({
    name: z.string().regex(/^[a-z0-9-]+$/, 'drill names are lower-case words and digits, such as quarterly-dr-drill'),
    channel: slackChannelId.describe('Where the drill cards and scorecards are posted.'),
    cadence: cadenceSchema,
    approvalRequired: z
      .boolean()
      .default(false)
      .describe('A DR approver must approve each drill on its card before it restores anything.'),
    databases: z
      .array(z.object({ kind: z.enum(DATABASE_KINDS), identifier: z.string().min(1) }).strict())
      .min(1, 'must name at least one database'),
  })
  .strict();

export const disasterRecoverySchema = z
  .object({
    incidentChannels: z
      .array(
        z.union([
          slackChannelId,
          z
            .string()
            .regex(
              /^[a-z0-9*][a-z0-9_*-]*$/,
              'must be a channel id or a channel name (with * wildcards) such as inc-*',
            ),
        ]),
      )
      .min(1, 'must name at least one channel (an id, a name, or a pattern such as inc-*)')
      .describe('Channels DR runs may be asked for from: ids, names, or name patterns such as inc-*.'),
    environments: z
      .record(z.string(), recoveryPlan)
      .describe('Per production environment: how its databases are recovered in the DR Region.'),
    drills: z
      .array(drillSchedule)
      .default([])
      .describe('Drills on a schedule: each occurrence rehearses the recovery of its databases, switching nothing.'),
  })
  .strict();

export type DisasterRecoveryPolicy = z.output<typeof disasterRecoverySchema>;
export type RecoveryPlanPolicy = DisasterRecoveryPolicy['environments'][string];
export type DrDatabasePolicy = RecoveryPlanPolicy['databases'][number];
export type DrillSchedule = DisasterRecoveryPolicy['drills'][number];
