import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/config/errors.js';
import { parsePolicy } from '../../src/config/policy.js';
import { type RequestField, RestoreInputError } from '../../src/domain/errors.js';
import { planRestore } from '../../src/domain/planner.js';
import { type RequestSketch, requestFrom } from '../helpers/requests.js';
import { createSimulatedEnvironment, type SimulatedEnvironment } from '../helpers/simulated-environment.js';

const HOUR = 3_600_000;

/** Plans the request as typed, so parse errors and planning errors are both caught. */
async function plan(
  env: SimulatedEnvironment,
  sketch: RequestSketch | ((env: SimulatedEnvironment) => Promise<RequestSketch>),
) {
  const resolved = typeof sketch === 'function' ? await sketch(env) : sketch;
  return planRestore(requestFrom(resolved, env.clock.now()), 'jobcorpus1', env.plannerDeps);
}

/** A snapshot id of `source` visible in `environment`, chosen by `pick`. */
async function snapshotOf(
  env: SimulatedEnvironment,
  kind: RequestSketch['kind'],
  environment: string,
  pick: (
    candidates: Awaited<ReturnType<ReturnType<SimulatedEnvironment['driverFor']>['listRestoreCandidates']>>,
  ) => string | undefined,
): Promise<string> {
  const candidates = await env.driverFor(kind, environment).listRestoreCandidates({ includeShared: true });
  const id = pick(candidates);
  if (!id) throw new Error(`the seed has no fitting snapshot in ${environment}`);
  return id;
}

type Case = [string, RequestSketch | ((env: SimulatedEnvironment) => Promise<RequestSketch>), RequestField, RegExp];

const aurora = { kind: 'aurora-cluster', source: 'orders', target: 'orders-copy' } as const;
const instance = { kind: 'rds-instance', source: 'orders-db', target: 'orders-db-copy' } as const;
const table = { kind: 'dynamodb-table', source: 'carts', target: 'carts-copy' } as const;

const CASES: Case[] = [
  ['an unknown kind', { ...aurora, kind: 'mysql' as never }, 'kind', /kind/],
  ['an empty reason', { ...aurora, reason: '' }, 'reason', /reason/],
  ['a one-letter reason', { ...aurora, reason: 'x' }, 'reason', /at least 3 characters/],
  ['an empty target', { ...aurora, target: '' }, 'target', /Give the new database a name/],
  ['a target starting with a digit', { ...aurora, target: '1orders' }, 'target', /must start with a letter/],
  ['a target with two hyphens', { ...aurora, target: 'orders--copy' }, 'target', /two consecutive hyphens/],
  ['a target ending in a hyphen', { ...aurora, target: 'orders-copy-' }, 'target', /end with a hyphen/],
  ['a target with an underscore', { ...instance, target: 'orders_copy' }, 'target', /letters, digits and hyphens/],
  ['a target of 64 characters', { ...aurora, target: `o${'x'.repeat(63)}` }, 'target', /1 to 63/],
  ['a two-letter table name', { ...table, target: 'ca' }, 'target', /3 to 255/],
  ['a table name with a space', { ...table, target: 'carts copy' }, 'target', /letters, digits/],
  ['a target breaking the naming rule', { ...aurora, target: 'OrdersCopy' }, 'target', /naming rule/],
  [
    'an unknown source environment',
    { ...aurora, from: 'staging', into: 'acceptance' },
    'sourceEnvironment',
    /"staging" is not in the policy \(known: production, acceptance, production-dr\)/,
  ],
  ['an unknown target environment', { ...aurora, into: 'qa' }, 'targetEnvironment', /"qa" is not in the policy/],
  [
    'a requester the policy does not list',
    { ...aurora, requester: 'U0OUTSIDER', userGroupIds: [] },
    'requester',
    /may not request restores into production/,
  ],
  ['an unknown source', { ...aurora, source: 'nonexistent' }, 'source', /nonexistent/],
  ['an RDS instance asked for as an Aurora cluster', { ...aurora, source: 'orders-db' }, 'source', /orders-db/],
  [
    'an Aurora cluster asked for as DocumentDB',
    { kind: 'docdb-cluster', source: 'orders', target: 'orders-copy' },
    'source',
    /orders/,
  ],
  ['a bad source identifier', { ...aurora, source: 'orders_main' }, 'source', /letters, digits and hyphens/],
  [
    'the source itself as target',
    { ...aurora, source: 'inventory', target: 'inventory' },
    'target',
    /is the source itself/,
  ],
  [
    'a protected target',
    { ...instance, source: 'billing-db', target: 'orders-db' },
    'target',
    /protected by the policy \(protectedIdentifiers: "orders-db"\)/,
  ],
  [
    'a target protected by a wildcard',
    { ...aurora, target: 'payments-prod' },
    'target',
    /protectedIdentifiers: "\*-prod"/,
  ],
  [
    'a time before the restorable window',
    { ...aurora, at: '2026-10-01T00:00Z' },
    'restorePoint',
    /before the earliest restorable time/,
  ],
  [
    'a time after the latest restorable time',
    { ...aurora, at: '1 minute ago' },
    'restorePoint',
    /after the latest restorable time/,
  ],
  ['a future time', { ...aurora, at: 'tomorrow 10:00' }, 'restorePoint', /in the future/],
  ['an ambiguous date', { ...aurora, at: '03/04/2026 10:00' }, 'restorePoint', /day\/month or month\/day/],
  ['a day without a time', { ...aurora, at: 'yesterday' }, 'restorePoint', /no time of day/],
  ['an unreadable time', { ...aurora, at: 'before lunch-ish' }, 'restorePoint', /could not read/],
  [
    'an unknown snapshot',
    { ...aurora, at: 'snapshot:orders-never-taken' },
    'restorePoint',
    /"orders-never-taken" is not available in production/,
  ],
  [
    'a snapshot of another database',
    async (env) => ({
      ...aurora,
      at: `snapshot:${await snapshotOf(env, 'aurora-cluster', 'production', (all) => all.find((s) => s.sourceIdentifier === 'inventory')?.id)}`,
    }),
    'restorePoint',
    /is of inventory, not of orders/,
  ],
  [
    'a snapshot of another engine version',
    async (env) => {
      const source = await env.driverFor('aurora-cluster', 'production').describeSource('orders');
      const id = await snapshotOf(
        env,
        'aurora-cluster',
        'acceptance',
        (all) => all.find((s) => s.sourceIdentifier === 'orders' && s.engineVersion !== source.engineVersion)?.arn,
      );
      return { ...aurora, into: 'acceptance', target: 'orders-refresh', at: id };
    },
    'restorePoint',
    /engine version .* but orders runs/,
  ],
  [
    'a point-in-time restore into another account',
    { ...aurora, into: 'acceptance', target: 'orders-pitr', at: '2h ago' },
    'targetEnvironment',
    /acceptance is in another account or region than production/,
  ],
  [
    'a table without point-in-time recovery',
    { kind: 'dynamodb-table', source: 'audit-log', target: 'audit-log-copy' },
    'restorePoint',
    /no restorable window/,
  ],
  [
    'an existing target without replace',
    { ...aurora, target: 'inventory' },
    'target',
    /inventory already exists in production/,
  ],
  [
    'replace in a protected environment',
    { ...aurora, target: 'inventory', replace: true },
    'target',
    /production is protected/,
  ],
  [
    'replace of a DynamoDB table',
    { ...table, source: 'carts-acc', from: 'acceptance', target: 'orders-events-acc', replace: true },
    'ifTargetExists',
    /cannot be renamed/,
  ],
  [
    'a replace of a database of another engine',
    async (env) => {
      const candidates = await env
        .driverFor('rds-instance', 'acceptance')
        .listRestoreCandidates({ includeShared: true });
      const postgres = candidates.find((candidate) => candidate.shared && candidate.sourceIdentifier === 'orders-db');
      return {
        kind: 'rds-instance',
        source: 'orders-db',
        into: 'acceptance',
        target: 'billing-acc',
        at: postgres?.arn,
        replace: true,
      };
    },
    'target',
    /billing-acc runs mysql but orders-db runs postgres/,
  ],
  [
    'a replace of a database its owners tagged restore-bot:protected=true',
    async (env) => ({
      ...instance,
      into: 'acceptance',
      target: 'orders-db-acc',
      at: await snapshotOf(
        env,
        'rds-instance',
        'acceptance',
        (candidates) =>
          candidates.find((candidate) => candidate.shared && candidate.sourceIdentifier === 'orders-db')?.arn,
      ),
      replace: true,
    }),
    'target',
    /orders-db-acc in acceptance is tagged restore-bot:protected=true/,
  ],
  [
    'a source ARN of another environment',
    { ...aurora, source: 'arn:aws:rds:eu-west-1:222222222222:cluster:orders-acc' },
    'source',
    /names account 222222222222 in eu-west-1, but production is account 111111111111 in eu-west-1/,
  ],
  [
    'a source ARN of an account no environment is in',
    { ...aurora, source: 'arn:aws:rds:eu-west-1:999999999999:cluster:orders' },
    'source',
    /no environment of the policy is in account 999999999999/,
  ],
  [
    'a source ARN of a region no environment is in',
    { ...aurora, source: 'arn:aws:rds:us-east-1:111111111111:cluster:orders' },
    'source',
    /names account 111111111111 in us-east-1/,
  ],
  ['a reason over 500 characters', { ...aurora, reason: 'r'.repeat(612) }, 'reason', /it has 612/],
  ['an empty expiry', { ...aurora, expiresIn: '' }, 'expiresIn', /^Choose when the copy is deleted/],
  ['an expiry too long to be a date', { ...aurora, expiresIn: '99999999999999999999d' }, 'expiresIn', /not a duration/],
  [
    '"never" where the policy does not allow it',
    { ...aurora, expiresIn: 'never' },
    'expiresIn',
    /Copies in production always expire/,
  ],
  ['an expiry that is not a duration', { ...aurora, expiresIn: 'forever' }, 'expiresIn', /not a duration/],
  [
    'an expiry beyond the policy maximum',
    { ...aurora, expiresIn: '60d' },
    'expiresIn',
    /longer than the policy allows \(30d\)/,
  ],
];

describe('bad requests', () => {
  it.each(CASES)('%s: a typed error on the field, no AWS write', async (_case, sketch, field, message) => {
    const env = createSimulatedEnvironment();
    const error = await plan(env, sketch).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(RestoreInputError);
    expect((error as RestoreInputError).field).toBe(field);
    expect((error as Error).message).toMatch(message);
    expect(env.writeCalls()).toEqual([]);
  });

  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it('a malformed policy stops start-up naming the field, before any AWS call', () => {
    const env = createSimulatedEnvironment();
    expect(() => parsePolicy({ environments: { acceptance: { accountId: 'x', region: 'eu-west-1' } } })).toThrow(
      ConfigurationError,
    );
    expect(() => parsePolicy({ environments: { acceptance: { accountId: 'x', region: 'eu-west-1' } } })).toThrow(
      /environments\.acceptance\.accountId/,
    );
    expect(env.sim.calls).toEqual([]);
  });

  it('reads a restorable time in the window without complaint (the corpus is not refusing everything)', async () => {
    const env = createSimulatedEnvironment();
    const planned = await plan(env, { ...aurora, at: '2h ago' });
    expect(planned.method).toEqual({ type: 'point-in-time', at: new Date(env.clock.now().getTime() - 2 * HOUR) });
    expect(env.writeCalls()).toEqual([]);
  });
});
