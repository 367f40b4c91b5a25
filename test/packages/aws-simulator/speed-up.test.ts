import {
  DescribeDBInstancesCommand,
  ModifyDBInstanceCommand,
  RestoreDBInstanceToPointInTimeCommand,
} from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DURATIONS } from '../../../packages/aws-simulator/src/world.js';
import { createHarness, MINUTE, PROD, START } from './simulated-harness.js';

/** The sandbox's default: one AWS minute per second. */
const SPEED_UP = 60;

function spedUpAccount() {
  const harness = createHarness(START, { speedUp: SPEED_UP });
  harness.rds.addInstance(PROD, { id: 'orders-db', engine: 'postgres', instanceClass: 'db.m6g.large' });
  const prod = harness.rdsClient(PROD);
  const describeOne = async (id: string) => {
    const output = await prod.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }));
    const instance = output.DBInstances?.[0];
    if (!instance) throw new Error(`no instance ${id}`);
    return instance;
  };
  return { ...harness, prod, describeOne };
}

describe('a sped-up simulated account (the sandbox)', () => {
  it('finishes a restore after its AWS duration divided by the speed-up, on an unscaled clock', async () => {
    // Prepare
    const { prod, advance, describeOne } = spedUpAccount();
    const faster = DEFAULT_DURATIONS.restoreInstanceMs / SPEED_UP;

    // Act
    await prod.send(
      new RestoreDBInstanceToPointInTimeCommand({
        SourceDBInstanceIdentifier: 'orders-db',
        TargetDBInstanceIdentifier: 'orders-copy',
        UseLatestRestorableTime: true,
      }),
    );
    advance(faster - 1);
    const almost = await describeOne('orders-copy');
    advance(1);
    const done = await describeOne('orders-copy');

    // Assess
    expect(almost.DBInstanceStatus).toBe('creating');
    expect(done.DBInstanceStatus).toBe('available');
  });

  it('renames faster too, while the latest restorable time trails the clock as on AWS', async () => {
    // Prepare
    const { prod, advance, describeOne, now } = spedUpAccount();

    // Act
    await prod.send(
      new ModifyDBInstanceCommand({
        DBInstanceIdentifier: 'orders-db',
        NewDBInstanceIdentifier: 'orders-db-old',
        ApplyImmediately: true,
      }),
    );
    const renaming = await describeOne('orders-db-old');
    advance(DEFAULT_DURATIONS.renameMs / SPEED_UP);
    const renamed = await describeOne('orders-db-old');

    // Assess
    expect(renaming.DBInstanceStatus).toBe('renaming');
    expect(renamed.DBInstanceStatus).toBe('available');
    expect(renamed.LatestRestorableTime).toEqual(new Date(now().getTime() - DEFAULT_DURATIONS.restoreLagMs));
    expect(DEFAULT_DURATIONS.restoreLagMs).toBe(5 * MINUTE);
  });
});
