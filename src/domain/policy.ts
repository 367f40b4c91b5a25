import { z } from 'zod';
import { type DisasterRecoveryPolicy, disasterRecoverySchema } from './dr/dr-schema.js';
import { parseDuration } from './duration.js';
import { DATABASE_KINDS } from './kinds.js';
import { durationText, principals, slackChannelId } from './policy-fields.js';
import { refreshCycleSchema } from './refresh/cycle-schema.js';

const regexText = z.string().refine(
  (text) => {
    try {
      new RegExp(text);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be a valid regular expression' },
);

/** Settings for restores into an environment that cannot copy them from the source (another account). */
const restoreDefaultsOfKind = z
  .object({
    subnetGroup: z.string().min(1).optional(),
    securityGroupIds: z
      .array(z.string().regex(/^sg-[0-9a-z]+$/, 'must be a security group id such as sg-0abc'))
      .optional(),
    kmsKeyId: z.string().min(1).optional(),
  })
  .strict();

/** Per kind: DocumentDB usually lives in other subnets, with other keys, than RDS and Aurora. */
const restoreDefaults = z
  .object({
    'rds-instance': restoreDefaultsOfKind.optional(),
    'aurora-cluster': restoreDefaultsOfKind.optional(),
    'docdb-cluster': restoreDefaultsOfKind.optional(),
    // A table lives in no VPC: only its key, for a restore into another Region (a DR recovery).
    'dynamodb-table': z
      .object({
        kmsKeyId: z
          .string()
          .min(1)
          .describe('The KMS key of this Region a table encrypted with a customer key is restored with.'),
      })
      .strict()
      .optional(),
  })
  .strict()
  .default({});

const environment = z
  .object({
    accountId: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id'),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as eu-west-1'),
    roleArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, 'must be an IAM role ARN')
      .optional()
      .describe(
        'The role the worker assumes in this account (its Slack function assumes the read-only twin, this ARN with -reader appended; infra/target-account-role.yml creates both). Leave out when the bot runs in this account.',
      ),
    protected: z
      .boolean()
      .default(false)
      .describe('Production: the bot never replaces, renames or deletes anything here (new copies are allowed).'),
    requesters: principals.describe('Who may request restores into this environment.'),
    approvers: principals.describe('Who may approve them; never the requester.'),
    approvalsRequired: z.number().int().min(1).max(5).default(1),
    channels: z.array(slackChannelId).default([]).describe('Channels requests may come from; empty allows any.'),
    deletionProtection: z.boolean().default(false).describe('Deletion protection on restored databases.'),
    allowNeverExpire: z
      .boolean()
      .default(false)
      .describe(
        'Whether a restore into this environment may choose "never" as its expiry. Off: every copy expires within maxExpiry.',
      ),
    sharedSnapshotsFrom: z
      .string()
      .optional()
      .describe('The environment whose shared snapshots this one restores (the acceptance refresh rule).'),
    restoreDefaults,
  })
  .strict();

const kindMinutes = z.object(Object.fromEntries(DATABASE_KINDS.map((kind) => [kind, z.number().positive()]))).partial();

export const PolicySchema = z
  .object({
    environments: z
      .record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'environment names are lower-case words'), environment)
      .refine((record) => Object.keys(record).length > 0, { message: 'must name at least one environment' }),
    approvalTimeout: durationText.default('4h').describe('A request not approved in this time expires.'),
    defaultExpiry: durationText.default('3d').describe('New copies delete themselves after this unless extended.'),
    maxExpiry: durationText
      .default('30d')
      .describe('The longest expiry a request may choose ("never" is allowNeverExpire).'),
    failedCopyGracePeriod: durationText
      .default('1d')
      .describe(
        'What a failed restore left behind (its copy, or a replace’s set-aside restore) is deleted, with a final snapshot, this long after the failure.',
      ),
    protectedIdentifiers: z
      .array(z.string().min(1))
      .default([])
      .describe('Names (with * wildcards) that are never a restore target, in any environment.'),
    targetNaming: z
      .object({
        pattern: regexText.default('^.+$').describe('Every target name must match this.'),
        hint: z.string().optional().describe('Shown when a name does not match, e.g. "names end in -copy".'),
      })
      .strict()
      .default({ pattern: '^.+$' }),
    fastClone: z.boolean().default(true).describe('Restore "latest" Aurora copies in the same account as clones.'),
    estimates: z
      .object({
        baseMinutes: kindMinutes.default({}),
        minutesPer100GiB: z.number().nonnegative().default(5),
      })
      .strict()
      .default({ baseMinutes: {}, minutesPer100GiB: 5 }),
    finishedJobRetention: durationText.default('90d').describe('How long finished jobs stay in the job table.'),
    refreshCycles: z
      .array(refreshCycleSchema)
      .default([])
      .describe('Scheduled refreshes of acceptance databases from production, announced in a channel.'),
    disasterRecovery: disasterRecoverySchema
      .optional()
      .describe("Recovery of production's databases in another Region, asked for from an incident channel."),
  })
  .strict()
  .superRefine((policy, context) => {
    checkRefreshCycles(policy, context);
    if (policy.disasterRecovery) checkDisasterRecovery(policy.environments, policy.disasterRecovery, context);
    for (const [name, env] of Object.entries(policy.environments)) {
      if (env.approvers.users.length === 0 && env.approvers.userGroups.length === 0) {
        context.addIssue({
          code: 'custom',
          path: ['environments', name, 'approvers'],
          message: 'names no user or user group, so no restore into it could ever be approved',
        });
      }
      if (env.sharedSnapshotsFrom && !policy.environments[env.sharedSnapshotsFrom]) {
        context.addIssue({
          code: 'custom',
          path: ['environments', name, 'sharedSnapshotsFrom'],
          message: `names "${env.sharedSnapshotsFrom}", which is not an environment of this policy`,
        });
      }
    }
  });

type PolicyOutput = z.output<typeof PolicySchema>;

/**
 * Each recovery plan is of an environment of the policy into another of another Region; a
 * Route 53 record is switched only for databases with an endpoint (not DynamoDB tables).
 */
function checkDisasterRecovery(
  environments: PolicyOutput['environments'],
  disasterRecovery: DisasterRecoveryPolicy,
  context: z.RefinementCtx,
): void {
  for (const [name, plan] of Object.entries(disasterRecovery.environments)) {
    const path = ['disasterRecovery', 'environments', name];
    const primary = environments[name];
    const dr = environments[plan.drEnvironment];
    if (!primary) {
      context.addIssue({ code: 'custom', path, message: `"${name}" is not an environment of this policy` });
    }
    if (!dr) {
      context.addIssue({
        code: 'custom',
        path: [...path, 'drEnvironment'],
        message: `names "${plan.drEnvironment}", which is not an environment of this policy`,
      });
    }
    if (dr && !dr.allowNeverExpire) {
      context.addIssue({
        code: 'custom',
        path: [...path, 'drEnvironment'],
        message: `${plan.drEnvironment} must set allowNeverExpire: true: a recovered production database must not expire`,
      });
    }
    if (primary && dr && primary.region === dr.region) {
      context.addIssue({
        code: 'custom',
        path: [...path, 'drEnvironment'],
        message: `${plan.drEnvironment} is in ${dr.region}, the same Region as ${name}: a DR environment is in another Region`,
      });
    }
    if (plan.approvers.users.length === 0 && plan.approvers.userGroups.length === 0) {
      context.addIssue({
        code: 'custom',
        path: [...path, 'approvers'],
        message: 'names no user or user group, so no DR run could ever be approved',
      });
    }
    const seen = new Set<string>();
    for (const [index, database] of plan.databases.entries()) {
      const key = `${database.kind}/${database.identifier.toLowerCase()}`;
      if (seen.has(key)) {
        context.addIssue({
          code: 'custom',
          path: [...path, 'databases', index, 'identifier'],
          message: `${database.identifier} is listed twice`,
        });
      }
      seen.add(key);
      if (database.kind === 'dynamodb-table' && database.switch.record) {
        context.addIssue({
          code: 'custom',
          path: [...path, 'databases', index, 'switch', 'record'],
          message: 'a DynamoDB table has no endpoint to point a DNS record at: switch an SSM parameter instead',
        });
      }
    }
  }
  const covered = Object.values(disasterRecovery.environments).flatMap((plan) =>
    plan.databases.map((database) => `${database.kind}/${database.identifier.toLowerCase()}`),
  );
  const names = new Set<string>();
  for (const [index, drill] of disasterRecovery.drills.entries()) {
    if (names.has(drill.name)) {
      context.addIssue({
        code: 'custom',
        path: ['disasterRecovery', 'drills', index, 'name'],
        message: `"${drill.name}" names two drills`,
      });
    }
    names.add(drill.name);
    for (const [position, database] of drill.databases.entries()) {
      if (!covered.includes(`${database.kind}/${database.identifier.toLowerCase()}`)) {
        context.addIssue({
          code: 'custom',
          path: ['disasterRecovery', 'drills', index, 'databases', position, 'identifier'],
          message: `${database.identifier} is not a ${database.kind} of any DR plan's databases`,
        });
      }
    }
  }
}

/** Cycle names are unique; every database names environments of the policy, targets none protected and none twice. */
function checkRefreshCycles(
  policy: Pick<PolicyOutput, 'environments' | 'refreshCycles'>,
  context: z.RefinementCtx,
): void {
  const names = new Set<string>();
  const targets = new Map<string, string>();
  for (const [index, cycle] of policy.refreshCycles.entries()) {
    if (names.has(cycle.name)) {
      context.addIssue({
        code: 'custom',
        path: ['refreshCycles', index, 'name'],
        message: `"${cycle.name}" names two cycles`,
      });
    }
    names.add(cycle.name);
    for (const [position, database] of cycle.databases.entries()) {
      const path = ['refreshCycles', index, 'databases', position];
      for (const end of ['source', 'target'] as const) {
        const environment = database[end].environment;
        if (!policy.environments[environment]) {
          context.addIssue({
            code: 'custom',
            path: [...path, end, 'environment'],
            message: `names "${environment}", which is not an environment of this policy`,
          });
        }
      }
      if (policy.environments[database.target.environment]?.protected) {
        context.addIssue({
          code: 'custom',
          path: [...path, 'target', 'environment'],
          message: `${database.target.environment} is protected: a refresh replaces its target, so it cannot be one`,
        });
      }
      const key = `${database.target.environment}/${database.kind}/${database.target.identifier.toLowerCase()}`;
      const holder = targets.get(key);
      if (holder) {
        context.addIssue({
          code: 'custom',
          path: [...path, 'target', 'identifier'],
          message: `${database.target.identifier} is already refreshed by cycle ${holder}`,
        });
      }
      targets.set(key, cycle.name);
    }
  }
}

export type Policy = PolicyOutput;
export type EnvironmentPolicy = Policy['environments'][string];
export type Principals = EnvironmentPolicy['approvers'];

export const DEFAULT_BASE_MINUTES = {
  'rds-instance': 30,
  'aurora-cluster': 25,
  'docdb-cluster': 30,
  'dynamodb-table': 40,
} as const;

/** Milliseconds of a duration the schema has already validated. */
export function policyDuration(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) throw new Error(`policy duration "${text}" was not validated`);
  return ms;
}
