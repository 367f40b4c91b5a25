import type {
  ClusterSeed,
  InstanceSeed,
  RdsSimulation,
  SimulatedTarget,
  SnapshotSeed,
} from '@db-restore-bot/aws-simulator';
import type { DemoAccounts } from './accounts.js';

const DAY_MS = 24 * 60 * 60_000;

/** The demo's databases, one readable table per account. Every seeded resource keeps 7 days of backups. */
function demoData(accounts: DemoAccounts, now: Date) {
  const { production: prod, acceptance: acc, disasterRecovery: dr } = accounts;
  const key = (target: SimulatedTarget, id: string) => `arn:aws:kms:${target.region}:${target.accountId}:key/${id}`;
  const keys = {
    prodRds: key(prod, '5f1c2a9e-7d4b-4e1a-9c3d-0a1b2c3d4e01'),
    prodDocdb: key(prod, '5f1c2a9e-7d4b-4e1a-9c3d-0a1b2c3d4e02'),
    accRds: key(acc, '8a2d3b0f-1e5c-4f2b-8d4e-1b2c3d4e5f01'),
    accDocdb: key(acc, '8a2d3b0f-1e5c-4f2b-8d4e-1b2c3d4e5f02'),
    drRds: key(dr, '3c4e5f60-2a7b-4c8d-9e0f-2c3d4e5f6a01'),
    drDocdb: key(dr, '3c4e5f60-2a7b-4c8d-9e0f-2c3d4e5f6a02'),
  };
  /** A snapshot taken at 04:00 UTC `daysAgo` days before now, and the `2026-11-20` stamp of its name. */
  const day = (daysAgo: number) => {
    const at = new Date(now.getTime() - daysAgo * DAY_MS);
    at.setUTCHours(4, 0, 0, 0);
    return { takenAt: at, stamp: at.toISOString().slice(0, 10) };
  };
  const tags = (team: string, service: string, env: string) => ({ team, service, env });

  const production = {
    instances: [
      {
        id: 'orders-db',
        engine: 'postgres',
        engineVersion: '16.4',
        instanceClass: 'db.m6g.large',
        allocatedStorage: 200,
        storageType: 'gp3',
        multiAz: true,
        subnetGroup: 'prod-private',
        securityGroupIds: ['sg-0a1f00000000orders'],
        parameterGroup: 'orders-postgres16',
        optionGroup: 'orders-postgres16-options',
        kmsKeyId: keys.prodRds,
        deletionProtection: true,
        tags: tags('payments', 'orders', 'production'),
      },
      {
        id: 'billing-db',
        engine: 'mysql',
        engineVersion: '8.0.39',
        instanceClass: 'db.r6g.large',
        allocatedStorage: 100,
        multiAz: true,
        subnetGroup: 'prod-private',
        securityGroupIds: ['sg-0a1f0000000billing'],
        parameterGroup: 'billing-mysql80',
        kmsKeyId: keys.prodRds,
        deletionProtection: true,
        tags: tags('payments', 'billing', 'production'),
      },
      {
        id: 'audit-db',
        engine: 'postgres',
        engineVersion: '15.8',
        instanceClass: 'db.t4g.medium',
        allocatedStorage: 50,
        subnetGroup: 'prod-private',
        securityGroupIds: ['sg-0a1f000000000audit'],
        parameterGroup: 'audit-postgres15',
        kmsKeyId: keys.prodRds,
        tags: tags('platform', 'audit', 'production'),
      },
    ] satisfies InstanceSeed[],
    clusters: [
      {
        id: 'orders',
        engine: 'aurora-postgresql',
        engineVersion: '15.4',
        subnetGroup: 'prod-private',
        securityGroupIds: ['sg-0a1f0000aurorapgsql'],
        clusterParameterGroup: 'orders-aurora-pg15',
        kmsKeyId: keys.prodRds,
        deletionProtection: true,
        sizeGiB: 420,
        tags: tags('payments', 'orders', 'production'),
        members: [
          { id: 'orders-1', instanceClass: 'db.r6g.large', parameterGroup: 'orders-aurora-pg15-instance' },
          { id: 'orders-2', instanceClass: 'db.r6g.large', parameterGroup: 'orders-aurora-pg15-instance' },
        ],
      },
      {
        id: 'inventory',
        engine: 'aurora-mysql',
        engineVersion: '8.0.mysql_aurora.3.05.2',
        subnetGroup: 'prod-private',
        securityGroupIds: ['sg-0a1f000auroramysql'],
        clusterParameterGroup: 'inventory-aurora-mysql80',
        kmsKeyId: keys.prodRds,
        sizeGiB: 150,
        tags: tags('logistics', 'inventory', 'production'),
        members: [{ id: 'inventory-1', instanceClass: 'db.r6g.large' }],
      },
      {
        id: 'catalog',
        engine: 'docdb',
        engineVersion: '5.0.0',
        subnetGroup: 'prod-docdb',
        securityGroupIds: ['sg-0a1f00000000docdb'],
        clusterParameterGroup: 'catalog-docdb50',
        kmsKeyId: keys.prodDocdb,
        deletionProtection: true,
        sizeGiB: 80,
        tags: tags('storefront', 'catalog', 'production'),
        members: [
          { id: 'catalog-1', instanceClass: 'db.r6g.large' },
          { id: 'catalog-2', instanceClass: 'db.r6g.large' },
        ],
      },
      {
        id: 'sessions',
        engine: 'docdb',
        engineVersion: '5.0.0',
        subnetGroup: 'prod-docdb',
        securityGroupIds: ['sg-0a1f00000000docdb'],
        sizeGiB: 12,
        tags: tags('storefront', 'sessions', 'production'),
        members: [{ id: 'sessions-1', instanceClass: 'db.t4g.medium' }],
      },
    ] satisfies ClusterSeed[],
    instanceSnapshots: [
      { id: `orders-db-before-migration-${day(3).stamp}`, sourceId: 'orders-db', takenAt: day(3).takenAt },
      // Encrypted and shared: acceptance must copy them (with a key of its own) before restoring.
      {
        id: `orders-db-share-${day(1).stamp}`,
        sourceId: 'orders-db',
        takenAt: day(1).takenAt,
        sharedWith: [acc.accountId],
      },
      {
        id: `billing-db-share-${day(2).stamp}`,
        sourceId: 'billing-db',
        takenAt: day(2).takenAt,
        sharedWith: [acc.accountId],
      },
    ] satisfies SnapshotSeed[],
    clusterSnapshots: [
      // What the acceptance refresh picks from: the newest snapshot shared with acceptance.
      ...[15, 8, 1].map((daysAgo) => ({
        id: `orders-share-${day(daysAgo).stamp}`,
        sourceId: 'orders',
        takenAt: day(daysAgo).takenAt,
        sharedWith: [acc.accountId],
      })),
      // Taken before the upgrade to 15.4: shared, but of another engine version.
      {
        id: 'orders-pre-upgrade',
        sourceId: 'orders',
        takenAt: day(30).takenAt,
        engineVersion: '14.9',
        sharedWith: [acc.accountId],
      },
      ...[8, 1].map((daysAgo) => ({
        id: `catalog-share-${day(daysAgo).stamp}`,
        sourceId: 'catalog',
        takenAt: day(daysAgo).takenAt,
        sharedWith: [acc.accountId],
      })),
      { id: `inventory-weekly-${day(4).stamp}`, sourceId: 'inventory', takenAt: day(4).takenAt },
    ] satisfies SnapshotSeed[],
  };

  const acceptance = {
    instances: [
      {
        id: 'billing-acc',
        engine: 'mysql',
        engineVersion: '8.0.39',
        instanceClass: 'db.t4g.medium',
        allocatedStorage: 100,
        subnetGroup: 'acc-private',
        securityGroupIds: ['sg-0b2e0000000billing'],
        parameterGroup: 'billing-mysql80-acc',
        kmsKeyId: keys.accRds,
        tags: tags('payments', 'billing', 'acceptance'),
      },
      {
        id: 'orders-db-acc',
        engine: 'postgres',
        engineVersion: '16.4',
        instanceClass: 'db.t4g.medium',
        allocatedStorage: 200,
        subnetGroup: 'acc-private',
        securityGroupIds: ['sg-0b2e00000000orders'],
        parameterGroup: 'orders-postgres16-acc',
        kmsKeyId: keys.accRds,
        // Shared by the acceptance teams: its owners keep the bot from ever replacing it.
        tags: { ...tags('payments', 'orders', 'acceptance'), 'restore-bot:protected': 'true' },
      },
    ] satisfies InstanceSeed[],
    clusters: [
      {
        id: 'orders-acc',
        engine: 'aurora-postgresql',
        engineVersion: '15.4',
        subnetGroup: 'acc-private',
        securityGroupIds: ['sg-0b2e0000aurorapgsql'],
        clusterParameterGroup: 'orders-aurora-pg15-acc',
        kmsKeyId: keys.accRds,
        sizeGiB: 420,
        tags: tags('payments', 'orders', 'acceptance'),
        members: [{ id: 'orders-acc-1', instanceClass: 'db.t4g.medium' }],
      },
      {
        id: 'inventory-acc',
        engine: 'aurora-mysql',
        engineVersion: '8.0.mysql_aurora.3.05.2',
        subnetGroup: 'acc-private',
        securityGroupIds: ['sg-0b2e000auroramysql'],
        kmsKeyId: keys.accRds,
        sizeGiB: 150,
        tags: tags('logistics', 'inventory', 'acceptance'),
        members: [{ id: 'inventory-acc-1', instanceClass: 'db.t4g.medium' }],
      },
      {
        id: 'catalog-acc',
        engine: 'docdb',
        engineVersion: '5.0.0',
        subnetGroup: 'acc-docdb',
        securityGroupIds: ['sg-0b2e00000000docdb'],
        clusterParameterGroup: 'catalog-docdb50-acc',
        kmsKeyId: keys.accDocdb,
        sizeGiB: 80,
        tags: tags('storefront', 'catalog', 'acceptance'),
        members: [{ id: 'catalog-acc-1', instanceClass: 'db.t4g.medium' }],
      },
      {
        id: 'sessions-acc',
        engine: 'docdb',
        engineVersion: '5.0.0',
        subnetGroup: 'acc-docdb',
        securityGroupIds: ['sg-0b2e00000000docdb'],
        sizeGiB: 12,
        tags: tags('storefront', 'sessions', 'acceptance'),
        members: [{ id: 'sessions-acc-1', instanceClass: 'db.t4g.medium' }],
      },
    ] satisfies ClusterSeed[],
    instanceSnapshots: [
      { id: `billing-acc-manual-${day(5).stamp}`, sourceId: 'billing-acc', takenAt: day(5).takenAt },
    ] satisfies SnapshotSeed[],
    clusterSnapshots: [
      { id: `orders-acc-before-refresh-${day(14).stamp}`, sourceId: 'orders-acc', takenAt: day(14).takenAt },
      // From before acceptance moved to 15.4: a snapshot of another engine version for version filters.
      { id: 'orders-acc-pg14-baseline', sourceId: 'orders-acc', takenAt: day(40).takenAt, engineVersion: '14.9' },
    ] satisfies SnapshotSeed[],
  };

  // Production's disaster-recovery region holds last night's backups, encrypted with a key of that region.
  const disasterRecovery = {
    clusterSnapshots: [
      {
        id: `orders-dr-${day(1).stamp}`,
        sourceId: 'orders',
        takenAt: day(1).takenAt,
        engine: 'aurora-postgresql',
        engineVersion: '15.4',
        kmsKeyId: keys.drRds,
        allocatedStorage: 420,
        copiedFrom: `arn:aws:rds:${prod.region}:${prod.accountId}:cluster-snapshot:rds:orders-${day(1).stamp}-03-00`,
      },
      {
        id: `catalog-dr-${day(1).stamp}`,
        sourceId: 'catalog',
        takenAt: day(1).takenAt,
        engine: 'docdb',
        engineVersion: '5.0.0',
        kmsKeyId: keys.drDocdb,
        allocatedStorage: 120,
        copiedFrom: `arn:aws:rds:${prod.region}:${prod.accountId}:cluster-snapshot:rds:catalog-${day(1).stamp}-03-00`,
      },
      // Copied too, though a global database: what a drill restores (a drill never fails production over).
      {
        id: `inventory-dr-${day(1).stamp}`,
        sourceId: 'inventory',
        takenAt: day(1).takenAt,
        engine: 'aurora-mysql',
        engineVersion: '8.0.mysql_aurora.3.05.2',
        kmsKeyId: keys.drRds,
        allocatedStorage: 150,
        copiedFrom: `arn:aws:rds:${prod.region}:${prod.accountId}:cluster-snapshot:rds:inventory-${day(1).stamp}-03-00`,
      },
    ] satisfies SnapshotSeed[],
    subnetGroups: ['dr-private', 'dr-docdb'],
    // inventory is a global database: its secondary here takes over on a failover.
    globalClusters: [
      {
        id: 'inventory-global',
        primaryClusterId: 'inventory',
        secondaries: [
          {
            region: dr.region,
            cluster: {
              id: 'inventory-dr',
              subnetGroup: 'dr-private',
              securityGroupIds: ['sg-0c3d000auroramysql'],
              kmsKeyId: keys.drRds,
              members: [{ id: 'inventory-dr-1', instanceClass: 'db.r6g.large' }],
            },
          },
        ],
      },
    ],
    // orders-db's automated backups are replicated here: restorable by SourceDBInstanceAutomatedBackupsArn.
    replicatedInstances: [{ id: 'orders-db', kmsKeyId: keys.drRds }],
  };

  return { production, acceptance, disasterRecovery };
}

/**
 * Seeds the demo: in production and acceptance two or three RDS instances, Aurora clusters and
 * DocumentDB clusters with custom network, parameter groups, KMS keys and tags; manual snapshots,
 * production snapshots shared with acceptance, and in the disaster-recovery region a copy of the
 * `orders` cluster's backup and the replicated automated backups of `orders-db`. Daily
 * automated snapshots follow from each resource's 7-day retention.
 */
export function seedRdsDemo(rds: RdsSimulation, accounts: DemoAccounts): void {
  const data = demoData(accounts, rds.now());
  const seedAccount = (
    target: SimulatedTarget,
    account: {
      instances?: InstanceSeed[];
      clusters?: ClusterSeed[];
      instanceSnapshots?: SnapshotSeed[];
      clusterSnapshots?: SnapshotSeed[];
    },
  ) => {
    for (const instance of account.instances ?? []) rds.addInstance(target, instance);
    for (const cluster of account.clusters ?? []) rds.addCluster(target, cluster);
    for (const snapshot of account.instanceSnapshots ?? []) rds.addInstanceSnapshot(target, snapshot);
    for (const snapshot of account.clusterSnapshots ?? []) rds.addClusterSnapshot(target, snapshot);
  };
  seedAccount(accounts.production, data.production);
  seedAccount(accounts.acceptance, data.acceptance);
  seedAccount(accounts.disasterRecovery, data.disasterRecovery);
  const { production, disasterRecovery } = accounts;
  for (const name of data.disasterRecovery.subnetGroups) rds.addSubnetGroup(disasterRecovery, name);
  for (const global of data.disasterRecovery.globalClusters) rds.addGlobalCluster(production, global);
  for (const { id, kmsKeyId } of data.disasterRecovery.replicatedInstances) {
    const arn = `arn:aws:rds:${production.region}:${production.accountId}:db:${id}`;
    rds.replicateAutomatedBackups(arn, disasterRecovery.region, { kmsKeyId });
  }
}
