import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approveRecovery, approveSwitch, type DrRun, switchBack } from '../../../src/domain/dr/dr-run.js';
import { APPROVER, createDrHarness, type DrHarness } from '../../helpers/dr-harness.js';

const DR = { accountId: '111111111111', region: 'us-west-2' };

let harness: DrHarness;

beforeEach(async () => {
  harness = await createDrHarness();
});

afterEach(async () => {
  await harness.stop();
});

const plan = () => {
  const found = harness.core.policy.disasterRecovery?.environments.production;
  if (!found) throw new Error('no production plan');
  return found;
};

/** A decision as a button makes it: the domain's transition, one conditional write, a kick. */
async function decide(run: DrRun, transition: typeof approveRecovery): Promise<DrRun> {
  const saved = await harness.core.drRuns.save(transition(run, plan(), APPROVER, harness.clock.now()));
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
