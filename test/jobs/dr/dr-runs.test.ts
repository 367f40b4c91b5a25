import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  approveRecovery,
  approveSwitch,
  type DrRun,
  discardRecovery,
  switchBack,
} from '../../../src/domain/dr/dr-run.js';
import { APPROVER, createDrHarness, type DrHarness, INCIDENT } from '../../helpers/dr-harness.js';
import { ManualClock } from '../../helpers/manual-clock.js';
import { examplePolicy } from '../../helpers/simulated-environment.js';

const DR = { accountId: '111111111111', region: 'us-west-2' };

let harness: DrHarness;
/** Set while the worker's saves are made to die: a person's decision is still saved. */
let personSave: ((run: DrRun) => Promise<DrRun>) | undefined;

beforeEach(async () => {
  harness = await createDrHarness();
});

afterEach(async () => {
  personSave = undefined;
  await harness.stop();
});

/**
 * The worker dies once in every step: each new state of the run is lost the first time it is saved
 * (after the step's AWS calls were made), and saved when the next worker, a tick later, gets there.
 */
function killTheWorkerInEveryStep(): string[] {
  const store = harness.runs;
  const save = store.save.bind(store);
  personSave = save;
  const lost = new Set<string>();
  const killed: string[] = [];
  store.save = async (run: DrRun) => {
    const state = JSON.stringify([
      run.phase,
      run.timeline.map((entry) => entry.event),
      run.switches,
      run.jobId,
      run.failoverRequested,
    ]);
    if (!lost.has(state)) {
      lost.add(state);
      killed.push(run.phase);
      throw new Error('worker killed before its save');
    }
    return save(run);
  };
  return killed;
}

const plan = () => {
  const found = harness.core.policy.disasterRecovery?.environments.production;
  if (!found) throw new Error('no production plan');
  return found;
};

/** A decision as a button makes it: the domain's transition, one conditional write, a kick. */
async function decide(run: DrRun, transition: typeof approveRecovery): Promise<DrRun> {
  const save = personSave ?? harness.runs.save.bind(harness.runs);
  const saved = await save(transition(run, plan(), APPROVER, harness.clock.now()));
  await harness.core.kicker.kick(saved.id);
  await harness.core.idle();
  return harness.run(saved.id);
}

const events = (run: DrRun) => run.timeline.map((entry) => entry.event);

describe('a DR run of an RDS instance from its replicated automated backups', () => {
  it('restores in us-west-2 with the DR network, waits for the second approval, switches, and switches back', async () => {
    // Arrange
    const asked = await harness.ask('rds-instance', 'orders-db');

    // Act: the first approval starts the restore; it runs to validation.
    await decide(asked, approveRecovery);
    const validated = await harness.tickUntil(asked.id, (run) => run.phase === 'awaiting-switch');
    const restore = harness.sim.callsOf('RestoreDBInstanceToPointInTime')[0];
    // The second approval switches the parameter and the Route 53 record.
    await decide(validated, approveSwitch);
    const switched = await harness.tickUntil(asked.id, (run) => run.phase === 'switched');
    const putsAtSwitch = harness.sim.callsOf('PutParameter').map((call) => call.input);
    const record = harness.sim.route53.record(DR.accountId, 'Z0INTERNAL', 'orders-db.internal.example.com', 'CNAME');
    await decide(switched, switchBack);
    const back = await harness.tickUntil(asked.id, (run) => run.phase === 'switched-back');
    const recordAfter = harness.sim.route53.record(
      DR.accountId,
      'Z0INTERNAL',
      'orders-db.internal.example.com',
      'CNAME',
    );

    // Assess
    expect(asked).toMatchObject({ phase: 'awaiting-approval', path: { type: 'replicated-backups' } });
    expect(restore).toMatchObject({ region: 'us-west-2', outcome: 'ok' });
    expect(restore?.input).toMatchObject({
      SourceDBInstanceAutomatedBackupsArn:
        asked.path.type === 'replicated-backups' ? asked.path.automatedBackupsArn : '',
      TargetDBInstanceIdentifier: 'orders-db-dr',
      UseLatestRestorableTime: true,
      DBSubnetGroupName: 'dr-private',
      VpcSecurityGroupIds: ['sg-0c3d00000000orders'],
    });
    expect(restore?.input).not.toHaveProperty('SourceDBInstanceIdentifier');
    expect(validated.endpoint).toMatch(/^orders-db-dr\..*us-west-2/);
    expect(events(switched)).toEqual([
      'declared',
      'requested',
      'approved',
      'restore-started',
      'available',
      'validated',
      'switch-approved',
      'switched',
    ]);
    expect(record?.ResourceRecords?.[0]?.Value).toBe(validated.endpoint);
    expect(record?.TTL).toBe(60);
    expect(putsAtSwitch).toEqual([
      expect.objectContaining({ Name: '/orders/database-endpoint', Value: validated.endpoint, Overwrite: true }),
    ]);
    expect(back.switches.map((target) => target.previous)).toEqual([
      'orders-db.c0prod1a2b3c.eu-west-1.rds.amazonaws.com',
      'orders-db.c0prod1a2b3c.eu-west-1.rds.amazonaws.com',
    ]);
    expect(recordAfter?.ResourceRecords?.[0]?.Value).toBe('orders-db.c0prod1a2b3c.eu-west-1.rds.amazonaws.com');
    expect(harness.sim.callsOf('PutParameter').at(-1)?.input).toMatchObject({
      Name: '/orders/database-endpoint',
      Value: 'orders-db.c0prod1a2b3c.eu-west-1.rds.amazonaws.com',
    });
    // One UPSERT each way, however many ticks waited for INSYNC.
    expect(harness.sim.callsOf('ChangeResourceRecordSets')).toHaveLength(2);
    // Nothing in the primary Region was changed.
    const primaryWrites = harness.sim.calls.filter(
      (call) => call.region === 'eu-west-1' && !/^(Describe|List|Get)/.test(call.operation) && call.service !== 'STS',
    );
    expect(primaryWrites).toEqual([]);
  });
});

describe.each([
  ['aurora-cluster', 'orders', 'snapshot-copy', 'RestoreDBClusterFromSnapshot', 'orders-dr'],
  ['aurora-cluster', 'inventory', 'global-failover', 'FailoverGlobalCluster', 'inventory-dr'],
  ['docdb-cluster', 'catalog', 'snapshot-copy', 'RestoreDBClusterFromSnapshot', 'catalog-dr'],
  ['dynamodb-table', 'orders-events', 'point-in-time', 'RestoreTableToPointInTime', 'orders-events-dr'],
  ['dynamodb-table', 'carts', 'global-replica', undefined, 'carts'],
] as const)('a DR run of %s %s', (kind, source, pathType, operation, recovered) => {
  it(`takes the ${pathType} path in us-west-2 to a validated database, then switches its parameter`, async () => {
    // Arrange
    const asked = await harness.ask(kind, source);

    // Act
    await decide(asked, approveRecovery);
    const validated = await harness.tickUntil(asked.id, (run) => run.phase !== 'recovering');
    await decide(validated, approveSwitch);
    const switched = await harness.tickUntil(asked.id, (run) => run.phase === 'switched');

    // Assess
    expect(asked.path.type).toBe(pathType);
    expect(validated.phase).toBe('awaiting-switch');
    if (operation) {
      const calls = harness.sim.callsOf(operation);
      expect(calls).toHaveLength(1);
      expect(calls[0]?.region).toBe('us-west-2');
    } else {
      // A global table's replica is there already: nothing is restored, only switched.
      expect(harness.sim.calls.filter((call) => /^Restore|^Failover/.test(call.operation))).toEqual([]);
    }
    expect(validated.endpoint).toContain(recovered);
    expect(validated.endpoint).toContain('us-west-2');
    expect(events(switched)).toEqual(expect.arrayContaining(['available', 'validated', 'switched']));
    const put = harness.sim.callsOf('PutParameter');
    expect(put).toHaveLength(1);
    expect(put[0]).toMatchObject({ region: 'us-west-2', input: { Value: validated.endpoint } });
  });
});

describe.each([
  ['rds-instance', 'orders-db', 'RestoreDBInstanceToPointInTime', 'DeleteDBInstance'],
  ['aurora-cluster', 'orders', 'RestoreDBClusterFromSnapshot', 'DeleteDBCluster'],
  ['aurora-cluster', 'inventory', 'RestoreDBClusterFromSnapshot', 'DeleteDBCluster'],
  ['docdb-cluster', 'catalog', 'RestoreDBClusterFromSnapshot', 'DeleteDBCluster'],
  ['dynamodb-table', 'orders-events', 'RestoreTableToPointInTime', 'DeleteTable'],
] as const)('a DR drill of %s %s', (kind, source, restore, deletion) => {
  it('restores, validates, expires its copy and ends with a scorecard, switching nothing', async () => {
    // Arrange
    const asked = await harness.ask(kind, source, { drill: true });

    // Act
    await decide(asked, approveRecovery);
    const drilled = await harness.tickUntil(asked.id, (run) => run.phase === 'drilled');
    // The copy's job deletes it (with a final snapshot where the kind has them) on its next ticks.
    const job = drilled.jobId ?? '';
    for (let tick = 0; tick < 30 && (await harness.core.service.get(job)).expiry?.state !== 'deleted'; tick += 1) {
      harness.clock.advance(60_000);
      await harness.core.worker.tick();
    }

    // Assess
    expect(drilled.database.restoreAs).toMatch(/-drill$/);
    expect(harness.sim.callsOf(restore)).toHaveLength(1);
    expect(harness.sim.callsOf('FailoverGlobalCluster')).toEqual([]);
    expect(events(drilled)).toEqual(expect.arrayContaining(['validated', 'copy-expired']));
    expect(drilled.outcome).toMatch(
      /^drill done: RPO .* \(objective 5m, (met|missed)\), time to a validated database .* \(RTO 4h, met\); nothing was switched$/,
    );
    expect(harness.sim.callsOf('PutParameter')).toEqual([]);
    expect(harness.sim.callsOf('ChangeResourceRecordSets')).toEqual([]);
    expect(harness.sim.callsOf(deletion).map((call) => JSON.stringify(call.input))).toEqual([
      expect.stringContaining(drilled.database.restoreAs),
    ]);
  });
});

describe('a worker killed in every step of a DR run', () => {
  it('resumes each step without a second restore, parameter write or record change', async () => {
    // Arrange
    const killed = killTheWorkerInEveryStep();
    const asked = await harness.ask('rds-instance', 'orders-db');

    // Act
    await decide(asked, approveRecovery);
    const validated = await harness.tickUntil(asked.id, (run) => run.phase === 'awaiting-switch');
    await decide(validated, approveSwitch);
    const switched = await harness.tickUntil(asked.id, (run) => run.phase === 'switched');
    await decide(switched, switchBack);
    const back = await harness.tickUntil(asked.id, (run) => run.phase === 'switched-back');

    // Assess
    expect(new Set(killed)).toEqual(
      new Set(['recovering', 'awaiting-switch', 'switching', 'switched', 'switching-back', 'switched-back']),
    );
    expect(harness.sim.callsOf('RestoreDBInstanceToPointInTime')).toHaveLength(1);
    expect(harness.sim.callsOf('PutParameter')).toHaveLength(2);
    expect(harness.sim.callsOf('ChangeResourceRecordSets')).toHaveLength(2);
    expect(
      back.switches.every((target) => target.previous === 'orders-db.c0prod1a2b3c.eu-west-1.rds.amazonaws.com'),
    ).toBe(true);
  });

  it('fails a global database over once', async () => {
    // Arrange
    killTheWorkerInEveryStep();
    const asked = await harness.ask('aurora-cluster', 'inventory');

    // Act
    await decide(asked, approveRecovery);
    await harness.tickUntil(asked.id, (run) => run.phase === 'awaiting-switch');

    // Assess
    expect(harness.sim.callsOf('FailoverGlobalCluster')).toHaveLength(1);
  });
});

describe('who may do what on a DR run', () => {
  it('refuses the requester’s own approval and a switch before validation', async () => {
    // Arrange
    const asked = await harness.ask('rds-instance', 'orders-db');
    const oncall = { userId: asked.requestedBy, userGroupIds: [] };

    // Act and assess
    expect(() => approveRecovery(asked, plan(), oncall, harness.clock.now())).toThrow(
      'you asked for this recovery: another DR approver must approve this recovery',
    );
    expect(() => approveSwitch(asked, plan(), APPROVER, harness.clock.now())).toThrow(
      'the recovered database is not validated yet',
    );
    expect(() =>
      approveRecovery(asked, plan(), { userId: 'U0OUTSIDER', userGroupIds: [] }, harness.clock.now()),
    ).toThrow('only a DR approver of production can approve this recovery');
  });

  it('lets on-call start at once in a declared incident where the policy allows, never a drill', async () => {
    // Arrange
    plan().onCallStartsWithoutApproval = true;

    // Act
    const incident = await harness.ask('aurora-cluster', 'orders');
    const drill = await harness.ask('docdb-cluster', 'catalog', { drill: true });
    const undeclared = await harness.ask('rds-instance', 'orders-db', { declaredAt: undefined });

    // Assess
    expect(incident.phase).toBe('recovering');
    expect(incident.timeline.find((entry) => entry.event === 'approved')?.detail).toContain(
      'onCallStartsWithoutApproval',
    );
    expect(drill.phase).toBe('awaiting-approval');
    expect(undeclared.phase).toBe('awaiting-approval');
  });

  it('refuses a request outside an incident channel, from someone not on call, and of a database no plan covers', async () => {
    // Act and assess
    await expect(
      harness.ask('rds-instance', 'orders-db', { channel: { id: 'C0RESTORES', name: 'db-restores' } }),
    ).rejects.toThrow('DR runs are asked for from an incident channel (inc-*, C0INCIDENT): this channel is not one');
    await expect(
      harness.ask('rds-instance', 'orders-db', { principal: { userId: 'U0OUTSIDER', userGroupIds: [] } }),
    ).rejects.toThrow("only production's on-call and DR approvers may ask for a DR run");
    await expect(harness.ask('rds-instance', 'audit-db')).rejects.toThrow(
      'audit-db is not among the RDS instances a DR plan covers (orders-db, billing-db)',
    );
    await expect(harness.ask('rds-instance', 'billing-db')).rejects.toThrow(
      'billing-db cannot be recovered in us-west-2: no automated backups replicated there',
    );
  });
});

describe('the worker following a DR run closely between its ticks', () => {
  it('sees the restore done within ten seconds of AWS finishing it, not at the next minute', async () => {
    // Arrange
    const asked = await harness.ask('rds-instance', 'orders-db');
    await decide(asked, approveRecovery);
    const dr = await harness.core.drServices?.();
    const restoreCall = harness.sim.callsOf('RestoreDBInstanceToPointInTime')[0];
    const doneByAws = (restoreCall?.at.getTime() ?? 0) + 20 * 60_000;

    // Act: the deployed tick, once a minute: jobs, DR runs, then the close looks (they move the clock).
    let nextTickAt = harness.clock.now().getTime();
    for (let tick = 0; tick < 40 && (await harness.run(asked.id)).phase === 'recovering'; tick += 1) {
      nextTickAt += 60_000;
      harness.clock.advance(Math.max(0, nextTickAt - harness.clock.now().getTime()));
      await harness.core.worker.tick();
      await dr?.runner.tick();
      await dr?.runner.followClosely();
    }
    const run = await harness.run(asked.id);

    // Assess
    const available = run.timeline.find((entry) => entry.event === 'available')?.at.getTime() ?? 0;
    expect(run.phase).toBe('awaiting-switch');
    expect(available - doneByAws).toBeGreaterThanOrEqual(0);
    expect(available - doneByAws).toBeLessThanOrEqual(10_000);
  });
});

describe('a scheduled DR drill', () => {
  it('is made once at its time, starts without approval, and makes no run for a database with no path', async () => {
    // Arrange: a drill of the Aurora cluster and of billing-db (nothing replicated) due in five minutes.
    await harness.stop();
    const policy = examplePolicy();
    const clock = new ManualClock();
    const due = new Date(clock.now().getTime() + 5 * 60_000);
    policy.disasterRecovery?.drills.push({
      name: 'quarterly-dr-drill',
      channel: INCIDENT.id,
      cadence: {
        everyDays: 91,
        anchor: due.toISOString().slice(0, 10),
        at: due.toISOString().slice(11, 16),
        timeZone: 'UTC',
      },
      approvalRequired: false,
      databases: [
        { kind: 'aurora-cluster', identifier: 'orders' },
        { kind: 'rds-instance', identifier: 'billing-db' },
      ],
    });
    harness = await createDrHarness({ policy, clock });
    const dr = await harness.core.drServices?.();
    const drillRuns = async () => (await harness.runs.listOpen()).filter((run) => run.requestedBy.startsWith('drill:'));

    // Act: ticks before, at and after its time.
    await dr?.runner.tick();
    const before = await drillRuns();
    harness.clock.advance(5 * 60_000);
    await dr?.runner.tick();
    await dr?.runner.tick();
    const made = await drillRuns();
    const drilled = await harness.tickUntil(made[0]?.id ?? '', (run) => run.phase === 'drilled');

    // Assess
    expect(before).toEqual([]);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ drill: true, database: { identifier: 'orders', restoreAs: 'orders-dr-drill' } });
    expect(made[0]?.timeline.find((entry) => entry.event === 'approved')?.detail).toContain(
      "the policy's scheduled drill quarterly-dr-drill runs without approval",
    );
    expect(drilled.outcome).toMatch(/^drill done/);
    expect(harness.sim.callsOf('RestoreDBClusterFromSnapshot')).toHaveLength(1);
  });
});

describe('a DR run of a database whose plan names no endpoint', () => {
  it('is switched at its second approval with nothing to write, and says so', async () => {
    // Arrange
    const database = plan().databases.find((candidate) => candidate.identifier === 'orders');
    if (database) database.switch = {};
    const asked = await harness.ask('aurora-cluster', 'orders');

    // Act
    await decide(asked, approveRecovery);
    const validated = await harness.tickUntil(asked.id, (run) => run.phase === 'awaiting-switch');
    await decide(validated, approveSwitch);
    const switched = await harness.tickUntil(asked.id, (run) => run.phase === 'switched', 3);

    // Assess
    expect(switched.timeline.find((entry) => entry.event === 'switched')?.detail).toBe(
      'nothing to switch: the policy names no endpoint',
    );
    expect(harness.sim.callsOf('PutParameter')).toEqual([]);
  });
});

describe('discarding a DR recovery nobody switched to', () => {
  it('deletes the recovered database with its final snapshot, as any copy; a switched-to one never', async () => {
    // Arrange
    const asked = await harness.ask('rds-instance', 'orders-db');
    await decide(asked, approveRecovery);
    const validated = await harness.tickUntil(asked.id, (run) => run.phase === 'awaiting-switch');

    // Act
    await decide(validated, discardRecovery);
    const discarded = await harness.tickUntil(asked.id, (run) => run.phase === 'discarded', 3);
    for (
      let tick = 0;
      tick < 20 && (await harness.core.service.get(discarded.jobId ?? '')).expiry?.state !== 'deleted';
      tick += 1
    ) {
      harness.clock.advance(60_000);
      await harness.core.worker.tick();
    }

    // Assess
    expect(discarded.outcome).toContain('orders-db-dr was not switched to and is being deleted');
    const deletion = harness.sim.callsOf('DeleteDBInstance');
    expect(deletion).toHaveLength(1);
    expect(deletion[0]?.input).toMatchObject({ DBInstanceIdentifier: 'orders-db-dr', SkipFinalSnapshot: false });
    expect(harness.sim.callsOf('PutParameter')).toEqual([]);
  });

  it('is refused once the application was switched to it, and for a failover the bot cannot undo', async () => {
    // Arrange
    const restored = await harness.ask('rds-instance', 'orders-db');
    await decide(restored, approveRecovery);
    await decide(await harness.tickUntil(restored.id, (run) => run.phase === 'awaiting-switch'), approveSwitch);
    const switched = await harness.tickUntil(restored.id, (run) => run.phase === 'switched');
    const failover = await harness.ask('aurora-cluster', 'inventory');
    await decide(failover, approveRecovery);
    const failedOver = await harness.tickUntil(failover.id, (run) => run.phase === 'awaiting-switch');

    // Act and assess
    expect(() => discardRecovery(switched, plan(), APPROVER, harness.clock.now())).toThrow(
      'the bot never deletes a database it switched to',
    );
    expect(() => discardRecovery(failedOver, plan(), APPROVER, harness.clock.now())).toThrow(
      'the global database has failed over: the bot cannot undo that',
    );
  });
});

describe('a DR restore of a table encrypted with a key of its own', () => {
  it('restores with the DR Region’s key from restoreDefaults, and is refused where the policy names none', async () => {
    // Arrange: carts has a customer key in eu-west-1; --at takes the point-in-time path, not its replica.
    const at = new Date(harness.clock.now().getTime() - 30 * 60_000);
    const asked = await harness.ask('dynamodb-table', 'carts', { at });

    // Act
    await decide(asked, approveRecovery);
    const validated = await harness.tickUntil(asked.id, (run) => run.phase === 'awaiting-switch');
    const dr = harness.core.policy.environments['production-dr'];
    if (dr) delete dr.restoreDefaults['dynamodb-table'];
    const again = await harness.ask('dynamodb-table', 'carts', { at, drill: true });
    await decide(again, approveRecovery);
    const refused = await harness.tickUntil(again.id, (run) => run.phase === 'failed', 3);

    // Assess
    expect(asked.path.type).toBe('point-in-time');
    expect(harness.sim.callsOf('RestoreTableToPointInTime')[0]?.input).toMatchObject({
      TargetTableName: 'carts-dr',
      RestoreDateTime: at,
      SSESpecificationOverride: {
        KMSMasterKeyId: 'arn:aws:kms:us-west-2:111111111111:key/3c4e5f60-2a7b-4c8d-9e0f-2c3d4e5f6a03',
      },
    });
    expect(validated.phase).toBe('awaiting-switch');
    expect(refused.outcome).toContain('restoreDefaults.dynamodb-table.kmsKeyId');
    expect(harness.sim.callsOf('RestoreTableToPointInTime')).toHaveLength(1);
  });
});
