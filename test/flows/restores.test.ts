import {
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  ListTagsForResourceCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import type { Execution } from '../../src/domain/execution.js';
import type { DatabaseKind } from '../../src/domain/kinds.js';
import { TAG_EXPIRES_AT, TAG_JOB_ID, TAG_MANAGED } from '../../src/domain/managed-resources.js';
import type { Plan } from '../../src/domain/plan.js';
import { renderPlanText } from '../../src/domain/plan-text.js';
import { planRestore } from '../../src/domain/planner.js';
import { formatInstant } from '../../src/domain/restore-point.js';
import { type RequestSketch, requestFrom } from '../helpers/requests.js';
import { runToEnd } from '../helpers/run-to-end.js';
import { createSimulatedEnvironment, type SimulatedEnvironment } from '../helpers/simulated-environment.js';

const JOB = 'j7k2m9qx4t';
const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** Operations that change an existing resource, and the input fields naming it. */
const MODIFYING =
  /^(Modify|Delete|AddTags|RemoveTags|Update|Tag|Untag|RegisterScalableTarget|PutScalingPolicy|CopyDBClusterSnapshot)/;

type Sketch = RequestSketch | ((env: SimulatedEnvironment) => Promise<RequestSketch>);

/** Plans and runs a request to its end on a fresh simulated account. */
async function restore(sketchOrLookup: Sketch, prepare?: (env: SimulatedEnvironment) => void) {
  const env = createSimulatedEnvironment();
  prepare?.(env);
  const sketch = typeof sketchOrLookup === 'function' ? await sketchOrLookup(env) : sketchOrLookup;
  const plan = await planRestore(requestFrom(sketch, env.clock.now()), JOB, env.plannerDeps);
  const driver = env.driverFor(sketch.kind, sketch.into ?? sketch.from ?? 'production');
  const execution = await runToEnd(plan, JOB, driver, env.clock);
  return { env, plan, execution, driver };
}

/** The source is only ever read: no call modifies, tags or deletes it. */
function expectSourceUntouched(env: SimulatedEnvironment, plan: Plan): void {
  const touching = env.sim.calls
    .filter((call) => MODIFYING.test(call.operation))
    .filter((call) => {
      const input = call.input as Record<string, unknown>;
      const named = [
        input.DBClusterIdentifier,
        input.DBInstanceIdentifier,
        input.TableName,
        input.ResourceName,
        input.ResourceArn,
        input.ResourceId,
      ];
      return named.some(
        (value) =>
          value === plan.source.identifier ||
          value === plan.source.arn ||
          String(value ?? '').endsWith(`table/${plan.source.identifier}`),
      );
    });
  expect(touching).toEqual([]);
}

function expectSucceeded(execution: Execution): void {
  expect({ outcome: execution.outcome, failure: execution.failure }).toEqual({
    outcome: 'succeeded',
    failure: undefined,
  });
  const failedChecks = execution.validation?.filter((check) => check.result === 'failed') ?? [];
  expect(failedChecks).toEqual([]);
  expect(execution.validation?.length ?? 0).toBeGreaterThan(3);
}

async function expectManagedTarget(env: SimulatedEnvironment, kind: DatabaseKind, environment: string, target: string) {
  const existing = await env.driverFor(kind, environment).findExisting(target);
  expect(existing?.tags).toMatchObject({ [TAG_MANAGED]: 'true', [TAG_JOB_ID]: JOB });
  return existing;
}

const PRODUCTION_SOURCES: [DatabaseKind, string][] = [
  ['rds-instance', 'orders-db'],
  ['aurora-cluster', 'orders'],
  ['docdb-cluster', 'catalog'],
  ['dynamodb-table', 'carts'],
];

describe.each(PRODUCTION_SOURCES)('%s %s', (kind, source) => {
  const target = `${source}-copy`;

  it('restores the latest restorable time', async () => {
    const { env, plan, execution } = await restore({ kind, source, target });
    expectSucceeded(execution);
    expect(plan.method.type).toBe(kind === 'aurora-cluster' ? 'clone' : 'latest');
    await expectManagedTarget(env, kind, 'production', target);
    expectSourceUntouched(env, plan);
  });

  it('restores a given time', async () => {
    const { env, plan, execution } = await restore({ kind, source, target, at: '3h ago' });
    expectSucceeded(execution);
    expect(plan.method).toEqual({ type: 'point-in-time', at: new Date(plan.createdAt.getTime() - 3 * 3_600_000) });
    const restoreCall = env.sim.calls.find((call) => /^Restore.*(PointInTime|ToPointInTime)$/.test(call.operation));
    expect(JSON.stringify(restoreCall?.input)).toContain(
      new Date(plan.createdAt.getTime() - 3 * 3_600_000).toISOString().slice(0, 16),
    );
    expectSourceUntouched(env, plan);
  });

  it('restores its own snapshot or backup', async () => {
    const env = createSimulatedEnvironment();
    const candidates = await env
      .driverFor(kind, 'production')
      .listRestoreCandidates({ sourceIdentifier: source, includeShared: false });
    const own = candidates.find((candidate) => !candidate.shared && candidate.sourceIdentifier === source);
    expect(own).toBeDefined();
    const { env: after, plan, execution } = await restore({ kind, source, target, at: `snapshot:${own?.id}` });
    expectSucceeded(execution);
    expect(plan.method).toMatchObject({ type: 'snapshot', copyFirst: false });
    expectSourceUntouched(after, plan);
  });
});

describe.each([
  ['rds-instance', 'orders-db'],
  ['aurora-cluster', 'orders'],
  ['docdb-cluster', 'catalog'],
] as [DatabaseKind, string][])('%s %s shared with acceptance', (kind, source) => {
  async function sharedSnapshotArn(env: SimulatedEnvironment): Promise<string> {
    const description = await env.driverFor(kind, 'production').describeSource(source);
    const candidates = await env.driverFor(kind, 'acceptance').listRestoreCandidates({ includeShared: true });
    const shared = candidates.find(
      (candidate) =>
        candidate.shared &&
        candidate.sourceIdentifier === source &&
        candidate.engineVersion === description.engineVersion,
    );
    if (!shared) throw new Error(`the seed shares no ${kind} snapshot of ${source}`);
    return shared.arn;
  }

  it('restores a snapshot shared from production into a new database', async () => {
    let arn = '';
    const target = `${source}-shared`;
    const { env, plan, execution } = await restore(async (env) => {
      arn = await sharedSnapshotArn(env);
      return { kind, source, target, into: 'acceptance', at: arn };
    });
    expectSucceeded(execution);
    // DocumentDB snapshots, and encrypted instance snapshots, shared from another account are copied in first.
    expect(plan.method).toMatchObject({ type: 'snapshot', copyFirst: kind !== 'aurora-cluster' });
    const restoreCall = env.sim.calls.find((call) => /^Restore.*(Snapshot)$/.test(call.operation));
    expect(restoreCall?.accountId).toBe(env.accounts.acceptance.accountId);
    if (kind === 'aurora-cluster') {
      expect(JSON.stringify(restoreCall?.input)).toContain(arn);
    } else {
      const copy = env.sim.calls.find((call) => /^Copy/.test(call.operation));
      expect(copy?.input).toMatchObject({ KmsKeyId: expect.stringContaining(':222222222222:key/') });
      expect(JSON.stringify(copy?.input)).toContain(arn);
      expect(JSON.stringify(restoreCall?.input)).not.toContain(arn);
    }
    await expectManagedTarget(env, kind, 'acceptance', target);
    expectSourceUntouched(env, plan);
  });
});

const LONG_LIVED_ACCEPTANCE: [DatabaseKind, string][] = [
  ['rds-instance', 'billing-acc'],
  ['aurora-cluster', 'orders-acc'],
  ['docdb-cluster', 'catalog-acc'],
];

describe.each(LONG_LIVED_ACCEPTANCE)('%s replace of %s in acceptance', (kind, target) => {
  /** A refresh request: the newest production snapshot shared with acceptance, replacing the target. */
  async function refreshRequest(env: SimulatedEnvironment): Promise<RequestSketch> {
    const replaced = await env.driverFor(kind, 'acceptance').describeSource(target);
    const candidates = await env.driverFor(kind, 'acceptance').listRestoreCandidates({ includeShared: true });
    for (const candidate of candidates.filter((c) => c.shared && c.engine === replaced.engine)) {
      const source = await env
        .driverFor(kind, 'production')
        .describeSource(candidate.sourceIdentifier)
        .catch(() => undefined);
      if (source?.engineVersion === candidate.engineVersion) {
        return { kind, source: source.identifier, into: 'acceptance', target, at: candidate.arn, replace: true };
      }
    }
    throw new Error(`the seed shares no usable ${kind} snapshot with acceptance`);
  }

  it('renames the old target, restores under its name, validates, then deletes the old one with a final snapshot', async () => {
    const { env, plan, execution } = await restore(refreshRequest);
    expectSucceeded(execution);
    expect(plan.replace?.identifier).toBe(target);
    expect(plan.steps.map((step) => step.name)[0]).toBe('rename-existing-target');
    expect(plan.steps.map((step) => step.name).at(-1)).toBe('delete-replaced-target');
    await expectManagedTarget(env, kind, 'acceptance', target);
    expect(await env.driverFor(kind, 'acceptance').findExisting(plan.replace?.renamedTo ?? '')).toBeUndefined();

    const writes = env.writeCalls().map((call) => call.operation);
    const renamedAt = writes.findIndex((operation) => /^ModifyDB(Instance|Cluster)$/.test(operation));
    const restoredAt = writes.findIndex((operation) => operation.startsWith('Restore'));
    const deletedAt = writes.findIndex(
      (operation) => operation === (kind === 'rds-instance' ? 'DeleteDBInstance' : 'DeleteDBCluster'),
    );
    expect(renamedAt).toBeGreaterThanOrEqual(0);
    expect(renamedAt).toBeLessThan(restoredAt);
    expect(restoredAt).toBeLessThan(deletedAt);
    const deletion = env.writeCalls().find((call) => call.operation === writes[deletedAt]);
    expect(deletion?.input).toMatchObject({ FinalDBSnapshotIdentifier: plan.replace?.finalSnapshotIdentifier });
    const snapshots = await env.driverFor(kind, 'acceptance').listRestoreCandidates({ includeShared: false });
    expect(snapshots.map((snapshot) => snapshot.id)).toContain(plan.replace?.finalSnapshotIdentifier);
    expectSourceUntouched(env, plan);
  });

  it('renames the old target back when the restore fails, and deletes nothing', async () => {
    const restoreOperation =
      kind === 'rds-instance' ? 'RestoreDBInstanceFromDBSnapshot' : 'RestoreDBClusterFromSnapshot';
    const env0 = createSimulatedEnvironment();
    const before = await env0.driverFor(kind, 'acceptance').findExisting(target);
    const { env, plan, execution } = await restore(refreshRequest, (env) => {
      env.sim.faults.failNext(restoreOperation, 'InvalidRestoreFault', 'The snapshot cannot be restored.');
    });
    expect(execution).toMatchObject({ outcome: 'failed', rolledBack: true });
    expect(execution.failure).toContain('InvalidRestoreFault');
    const after = await env.driverFor(kind, 'acceptance').findExisting(target);
    expect(after?.arn).toBe(before?.arn);
    expect(after?.status).toBe('available');
    expect(env.writeCalls().filter((call) => call.operation.startsWith('Delete'))).toEqual([]);
    expect(await env.driverFor(kind, 'acceptance').findExisting(plan.replace?.renamedTo ?? '')).toBeUndefined();
  });

  it('leaves the old target with exactly the tags it had after a rollback, its member instances too', async () => {
    // Prepare: the old target's tags as found (every fresh account is seeded alike)
    const restoreOperation =
      kind === 'rds-instance' ? 'RestoreDBInstanceFromDBSnapshot' : 'RestoreDBClusterFromSnapshot';
    const tagsBefore = await tagsOfTargetAndMembers(createSimulatedEnvironment(), kind, target);

    // Act
    const { env, execution } = await restore(refreshRequest, (env) => {
      env.sim.faults.failNext(restoreOperation, 'InvalidRestoreFault', 'The snapshot cannot be restored.');
    });
    const tagsAfter = await tagsOfTargetAndMembers(env, kind, target);

    // Assess
    expect(execution).toMatchObject({ outcome: 'failed', rolledBack: true });
    expect(tagsBefore.size).toBeGreaterThan(kind === 'rds-instance' ? 0 : 1);
    expect([...tagsBefore.values()].every((tags) => Object.keys(tags).length > 0)).toBe(true);
    expect(tagsAfter).toEqual(tagsBefore);
    expect([...tagsAfter.values()].some((tags) => tags[TAG_MANAGED] !== undefined)).toBe(false);
  });
});

type TagsByResource = Map<string, Record<string, string>>;

/** The tags of `identifier` and, for a cluster, of each of its member instances, by identifier. */
async function tagsOfTargetAndMembers(
  env: SimulatedEnvironment,
  kind: DatabaseKind,
  identifier: string,
): Promise<TagsByResource> {
  const rds = new RDSClient({ region: env.accounts.acceptance.region, credentials: TEST_CREDENTIALS });
  rds.middlewareStack.use(env.sim.plugin(env.accounts.acceptance));
  const found: TagsByResource = new Map();
  const tagsOf = async (arn: string | undefined) =>
    Object.fromEntries(
      ((await rds.send(new ListTagsForResourceCommand({ ResourceName: arn }))).TagList ?? []).map((tag) => [
        tag.Key,
        tag.Value,
      ]),
    );
  if (kind === 'rds-instance') {
    const [instance] =
      (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: identifier }))).DBInstances ?? [];
    found.set(identifier, await tagsOf(instance?.DBInstanceArn));
    return found;
  }
  const [cluster] =
    (await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: identifier }))).DBClusters ?? [];
  found.set(identifier, await tagsOf(cluster?.DBClusterArn));
  const members = (
    await rds.send(new DescribeDBInstancesCommand({ Filters: [{ Name: 'db-cluster-id', Values: [identifier] }] }))
  ).DBInstances;
  for (const member of members ?? []) found.set(member.DBInstanceIdentifier ?? '', await tagsOf(member.DBInstanceArn));
  return found;
}

describe('plan text', () => {
  it('shows the source, target, restore point, steps, approvals and what is replaced', async () => {
    const env = createSimulatedEnvironment();
    const candidates = await env
      .driverFor('aurora-cluster', 'acceptance')
      .listRestoreCandidates({ includeShared: true });
    const shared = candidates.find((candidate) => candidate.shared && candidate.sourceIdentifier === 'orders');
    const source = await env.driverFor('aurora-cluster', 'production').describeSource('orders');
    const usable =
      candidates.find((c) => c.shared && c.sourceIdentifier === 'orders' && c.engineVersion === source.engineVersion) ??
      shared;
    const plan = await planRestore(
      requestFrom(
        {
          kind: 'aurora-cluster',
          source: 'orders',
          into: 'acceptance',
          target: 'orders-acc',
          at: usable?.arn,
          replace: true,
        },
        env.clock.now(),
      ),
      JOB,
      env.plannerDeps,
    );
    const text = renderPlanText(plan);
    expect(text).toContain('Restore Aurora cluster orders (production');
    expect(text).toContain('to orders-acc in acceptance (222222222222, eu-west-1)');
    expect(text).toContain(
      `replaces: orders-acc (renamed to orders-acc-old-j7k2m9qx, deleted after validation with final snapshot orders-acc-final-j7k2m9qx)`,
    );
    expect(text).toMatch(
      /1\. Rename orders-acc to orders-acc-old-j7k2m9qx\n\s+2\. Restore orders-acc from shared snapshot/,
    );
    expect(text).toContain('approvals: 1 (never the requester)');
    expect(text).toContain('expires: never');
    expect(plan.settings.tags).not.toHaveProperty(TAG_EXPIRES_AT);
    expect(text).not.toContain('will be DELETED');
  });

  it('keeps an expiry asked for on a replace and says loudly that the replacement will be deleted', async () => {
    const env = createSimulatedEnvironment();
    const plan = await planRestore(
      requestFrom(
        {
          kind: 'aurora-cluster',
          source: 'orders-acc',
          from: 'acceptance',
          target: 'inventory-acc',
          replace: true,
          expiresIn: '3d',
        },
        env.clock.now(),
      ),
      JOB,
      env.plannerDeps,
    );
    const expiresAt = new Date(env.clock.now().getTime() + 3 * 86_400_000);
    expect(plan.expiresAt).toEqual(expiresAt);
    expect(plan.settings.tags[TAG_EXPIRES_AT]).toBe(expiresAt.toISOString());
    expect(renderPlanText(plan)).toContain(`WARNING: inventory-acc will be DELETED on ${formatInstant(expiresAt)}`);
  });
});
