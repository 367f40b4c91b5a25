// Placeholder until the RDS simulation lands.
import type { DemoAccounts } from '../fixture.js';
import type { RdsSimulation } from './index.js';

export function seedRdsDemo(_rds: RdsSimulation, _accounts: DemoAccounts): void {}
