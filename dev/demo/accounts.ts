import type { SimulatedAws, SimulatedTarget } from '@db-restore-bot/aws-simulator';
import { seedDynamoDbDemo } from './dynamodb.js';
import { seedPlatformDemo } from './platform.js';
import { seedRdsDemo } from './rds.js';

/** The demo's accounts: production (protected) shares its snapshots with acceptance. */
export interface DemoAccounts {
  production: SimulatedTarget;
  acceptance: SimulatedTarget;
  /** Production's disaster-recovery region. */
  disasterRecovery: SimulatedTarget;
}

export const DEMO_ACCOUNTS: DemoAccounts = {
  production: { accountId: '111111111111', region: 'eu-west-1' },
  acceptance: { accountId: '222222222222', region: 'eu-west-1' },
  disasterRecovery: { accountId: '111111111111', region: 'us-west-2' },
};

/**
 * Seeds two or three databases of each kind in production and acceptance, automated and manual
 * snapshots, backups, and production snapshots shared with acceptance.
 */
export function seedDemoAccounts(sim: SimulatedAws, accounts: DemoAccounts = DEMO_ACCOUNTS): DemoAccounts {
  seedRdsDemo(sim.rds, accounts);
  seedDynamoDbDemo(sim.dynamodb, accounts);
  seedPlatformDemo({ sts: sim.sts, ssm: sim.ssm, codePipeline: sim.codePipeline, route53: sim.route53 }, accounts);
  return accounts;
}
