import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/config/errors.js';
import { loadPolicy, parsePolicy, policyJsonSchema } from '../../src/config/policy.js';
import { refreshCyclesOf } from '../../src/domain/refresh/cycle.js';

// biome-ignore lint/suspicious/noExplicitAny: each case mutates a different corner of a loose document
type Document = any;

const examplePath = new URL('../../policy.example.yml', import.meta.url).pathname;

function validPolicy(): Record<string, unknown> {
  return {
    environments: {
      acceptance: {
        accountId: '222222222222',
        region: 'eu-west-1',
        approvers: { users: ['U0APPROVER'] },
      },
    },
  };
}

function messageOf(document: unknown): string {
  try {
    parsePolicy(document);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected the policy to be refused');
}

describe('loadPolicy', () => {
  it('loads the shipped example with production protected', async () => {
    const policy = await loadPolicy(examplePath);
    expect(policy.environments.production?.protected).toBe(true);
    expect(policy.environments.acceptance?.protected).toBe(false);
    expect(policy.environments.acceptance?.sharedSnapshotsFrom).toBe('production');
  });

  it('fills defaults', () => {
    const policy = parsePolicy(validPolicy());
    expect(policy.defaultExpiry).toBe('3d');
    expect(policy.environments.acceptance?.approvalsRequired).toBe(1);
    expect(policy.environments.acceptance?.requesters).toEqual({ users: [], userGroups: [] });
    // "never" is a choice the policy makes explicitly, per environment.
    expect(policy.environments.acceptance?.allowNeverExpire).toBe(false);
  });

  it('reads JSON as well as YAML', async () => {
    const path = join(tmpdir(), `policy-${process.pid}.json`);
    await writeFile(path, JSON.stringify(validPolicy()));
    const policy = await loadPolicy(path);
    expect(Object.keys(policy.environments)).toEqual(['acceptance']);
  });

  it('names the file when it cannot be read or parsed', async () => {
    await expect(loadPolicy('/nonexistent/policy.yml')).rejects.toThrow(
      /POLICY_FILE \/nonexistent\/policy.yml cannot be read/,
    );
    const path = join(tmpdir(), `policy-${process.pid}.yml`);
    await writeFile(path, 'environments: [unclosed');
    await expect(loadPolicy(path)).rejects.toThrow(/is not valid YAML/);
  });
});

describe('parsePolicy refuses', () => {
  it.each([
    [
      'a short account id',
      (p: Document) => (p.environments.acceptance.accountId = '2222'),
      'environments.acceptance.accountId: must be a 12-digit AWS account id',
    ],
    [
      'a bad region',
      (p: Document) => (p.environments.acceptance.region = 'Europe'),
      'environments.acceptance.region: must be an AWS region',
    ],
    [
      'a bad role ARN',
      (p: Document) => (p.environments.acceptance.roleArn = 'restore-bot'),
      'environments.acceptance.roleArn: must be an IAM role ARN',
    ],
    [
      'an approver that is not a user id',
      (p: Document) => (p.environments.acceptance.approvers.users = ['alice']),
      'environments.acceptance.approvers.users.0: must be a Slack user id',
    ],
    [
      'no approvers',
      (p: Document) => (p.environments.acceptance.approvers = { users: [] }),
      'environments.acceptance.approvers: names no user or user group',
    ],
    [
      'zero approvals',
      (p: Document) => (p.environments.acceptance.approvalsRequired = 0),
      'environments.acceptance.approvalsRequired',
    ],
    [
      'an unknown field',
      (p: Document) => (p.environments.acceptance.protect = true),
      'environments.acceptance: Unrecognized key: "protect"',
    ],
    [
      'a bad duration',
      (p: Document) => (p.defaultExpiry = '3 days'),
      'defaultExpiry: must be a duration such as 30m, 4h, 3d or 2w',
    ],
    [
      'a bad naming pattern',
      (p: Document) => (p.targetNaming = { pattern: '([a-z' }),
      'targetNaming.pattern: must be a valid regular expression',
    ],
    [
      'a shared-snapshot source that is not an environment',
      (p: Document) => (p.environments.acceptance.sharedSnapshotsFrom = 'prod'),
      'environments.acceptance.sharedSnapshotsFrom: names "prod"',
    ],
    ['no environments', (p: Document) => (p.environments = {}), 'environments: must name at least one environment'],
  ])('%s, naming the field', (_case, mutate, expected) => {
    const policy = validPolicy();
    mutate(policy);
    expect(messageOf(policy)).toContain(expected);
  });
});

describe('refresh cycles', () => {
  function withCycle(): Document {
    return {
      environments: {
        production: {
          accountId: '111111111111',
          region: 'eu-west-1',
          protected: true,
          approvers: { users: ['U0APPROVER'] },
        },
        acceptance: { accountId: '222222222222', region: 'eu-west-1', approvers: { users: ['U0APPROVER'] } },
      },
      refreshCycles: [
        {
          name: 'acceptance-refresh',
          channel: 'C0RESTORES',
          cadence: { everyDays: 14, anchor: '2027-01-04', at: '02:00', timeZone: 'Europe/Amsterdam' },
          mode: 'pipeline',
          pipeline: { nameParameter: 'main_cicd_name' },
          databases: [
            {
              kind: 'aurora-cluster',
              source: { environment: 'production', identifier: 'orders' },
              target: { environment: 'acceptance', identifier: 'orders-acc' },
              engine: 'aurora-postgresql',
              parameters: { latest: 'aurora_latest_snapshot_id', current: 'aurora_current_snapshot_id' },
            },
          ],
        },
      ],
    };
  }

  it('reads a cycle with its lead times defaulted', () => {
    const [cycle] = refreshCyclesOf(parsePolicy(withCycle()));
    expect(cycle).toMatchObject({
      name: 'acceptance-refresh',
      channelId: 'C0RESTORES',
      announceBeforeMs: 86_400_000,
      remindBeforeMs: 1_800_000,
      postponeByMs: 86_400_000,
      approvalRequired: false,
      whenNothingNew: 'skip',
    });
  });

  it('reads the shipped example cycle', async () => {
    const cycles = refreshCyclesOf(await loadPolicy(examplePath));
    expect(cycles.map((cycle) => cycle.databases.map((database) => database.kind))).toEqual([
      ['aurora-cluster', 'docdb-cluster'],
    ]);
  });

  it.each([
    ['a name with capitals', (p: Document) => (p.refreshCycles[0].name = 'Nightly'), 'refreshCycles.0.name'],
    [
      'an unknown time zone',
      (p: Document) => (p.refreshCycles[0].cadence.timeZone = 'Europe/Amsterdm'),
      'refreshCycles.0.cadence.timeZone: must be an IANA time zone',
    ],
    [
      'a date the calendar does not have',
      (p: Document) => (p.refreshCycles[0].cadence.anchor = '2027-02-30'),
      'refreshCycles.0.cadence.anchor: is not a date of the calendar',
    ],
    ['a bad time', (p: Document) => (p.refreshCycles[0].cadence.at = '2:00'), 'refreshCycles.0.cadence.at'],
    ['zero days', (p: Document) => (p.refreshCycles[0].cadence.everyDays = 0), 'refreshCycles.0.cadence.everyDays'],
    [
      'a bad lead time',
      (p: Document) => (p.refreshCycles[0].announceBefore = 'a day'),
      'refreshCycles.0.announceBefore: must be a duration',
    ],
    [
      'a pipeline cycle without a pipeline',
      (p: Document) => delete p.refreshCycles[0].pipeline,
      'refreshCycles.0.pipeline: mode pipeline needs pipeline.name or pipeline.nameParameter',
    ],
    [
      'an environment the policy does not have',
      (p: Document) => (p.refreshCycles[0].databases[0].target.environment = 'staging'),
      'refreshCycles.0.databases.0.target.environment: names "staging"',
    ],
    [
      'a protected target environment',
      (p: Document) => (p.refreshCycles[0].databases[0].target.environment = 'production'),
      'refreshCycles.0.databases.0.target.environment: production is protected',
    ],
    [
      'a cycle of no databases',
      (p: Document) => (p.refreshCycles[0].databases = []),
      'refreshCycles.0.databases: must name at least one database',
    ],
    [
      'one target refreshed twice',
      (p: Document) => p.refreshCycles.push({ ...structuredClone(p.refreshCycles[0]), name: 'again' }),
      'refreshCycles.1.databases.0.target.identifier: orders-acc is already refreshed by cycle acceptance-refresh',
    ],
  ])('refuses %s, naming the field', (_case, mutate, expected) => {
    const policy = withCycle();
    mutate(policy);
    expect(messageOf(policy)).toContain(expected);
  });

  it('refuses two cycles of one name', () => {
    const policy = withCycle();
    const second = structuredClone(policy.refreshCycles[0]);
    second.databases[0].target.identifier = 'orders-acc-2';
    policy.refreshCycles.push(second);
    expect(messageOf(policy)).toContain('refreshCycles.1.name: "acceptance-refresh" names two cycles');
  });
});

describe('policy.schema.json', () => {
  it('is the JSON Schema generated from the zod schema (run npm run policy:schema after changing it)', async () => {
    const committed = JSON.parse(await readFile(new URL('../../policy.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(policyJsonSchema())));
  });

  it('describes the environment fields editors autocomplete', () => {
    const schema = policyJsonSchema() as {
      properties: { environments: { additionalProperties: { properties: object } } };
    };
    expect(Object.keys(schema.properties.environments.additionalProperties.properties)).toEqual(
      expect.arrayContaining(['accountId', 'region', 'roleArn', 'protected', 'approvers', 'approvalsRequired']),
    );
  });
});

describe('the policy’s disaster recovery', () => {
  const examplePolicy = async (): Promise<Document> => {
    const { parse } = await import('yaml');
    return parse(await readFile(examplePath, 'utf8'));
  };

  it('reads the shipped example: production recovers into production-dr, with its objectives', async () => {
    const policy = await loadPolicy(examplePath);
    const plan = policy.disasterRecovery?.environments.production;
    expect(plan?.drEnvironment).toBe('production-dr');
    expect(plan?.objectives).toEqual({ rpo: '5m', rto: '4h' });
    expect(policy.disasterRecovery?.incidentChannels).toEqual(['inc-*', 'C0INCIDENT']);
    expect(plan?.databases.find((database) => database.identifier === 'orders-db')?.switch.record?.ttl).toBe(60);
  });

  it.each([
    [
      'a DR environment the policy does not have',
      (p: Document) => (p.disasterRecovery.environments.production.drEnvironment = 'dr'),
      'disasterRecovery.environments.production.drEnvironment: names "dr"',
    ],
    [
      'a DR environment in the primary’s own Region',
      (p: Document) => (p.disasterRecovery.environments.production.drEnvironment = 'acceptance'),
      'acceptance is in eu-west-1, the same Region as production',
    ],
    [
      'no approvers',
      (p: Document) => (p.disasterRecovery.environments.production.approvers = {}),
      'disasterRecovery.environments.production.approvers: names no user or user group',
    ],
    [
      'a DNS record for a DynamoDB table',
      (p: Document) =>
        (p.disasterRecovery.environments.production.databases[5].switch.record = {
          hostedZoneId: 'Z0INTERNAL',
          name: 'carts.internal.example.com',
        }),
      'databases.5.switch.record: a DynamoDB table has no endpoint',
    ],
    [
      'a bad objective',
      (p: Document) => (p.disasterRecovery.environments.production.objectives.rpo = 'five minutes'),
      'objectives.rpo: must be a duration',
    ],
    [
      'an incident channel that is neither id nor name',
      (p: Document) => (p.disasterRecovery.incidentChannels = ['#Incidents!']),
      'disasterRecovery.incidentChannels.0',
    ],
    [
      'a database listed twice',
      (p: Document) =>
        p.disasterRecovery.environments.production.databases.push({ kind: 'rds-instance', identifier: 'ORDERS-DB' }),
      'ORDERS-DB is listed twice',
    ],
  ])('refuses %s, naming the field', async (_case, change, expected) => {
    const document = await examplePolicy();
    change(document);
    expect(messageOf(document)).toContain(expected);
  });
});

describe('the policy’s drill schedules', () => {
  it('refuses a drill of a database no DR plan covers, naming the field', async () => {
    const { parse } = await import('yaml');
    const document: Document = parse(await readFile(examplePath, 'utf8'));
    document.disasterRecovery.drills[0].databases.push({ kind: 'rds-instance', identifier: 'audit-db' });
    expect(messageOf(document)).toContain(
      "disasterRecovery.drills.0.databases.1.identifier: audit-db is not a rds-instance of any DR plan's databases",
    );
  });
});
