import { DescribeGlobalClustersCommand as DescribeDocdbGlobalClusters, type DocDBClient } from '@aws-sdk/client-docdb';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeDBInstanceAutomatedBackupsCommand,
  DescribeGlobalClustersCommand,
  type GlobalCluster,
  type RDSClient,
} from '@aws-sdk/client-rds';
import type { GlobalSecondary, RecoveryFacts } from '../../domain/dr/recovery-path.js';
import type { DatabaseDriver } from '../../domain/ports/database-driver.js';
import type { RecoveredDatabase, RecoveryProbe } from '../../domain/ports/recovery.js';
import type { AwsEnvironment } from '../clients.js';
import { hasAwsErrorName } from '../error-names.js';

export interface RecoveryProbeDeps {
  primary: AwsEnvironment;
  dr: AwsEnvironment;
  /** Clients in the DR Region (global clusters are described from any Region of the account). */
  rds(): RDSClient;
  docdb(): DocDBClient;
  /** In the primary Region: the table's replicas are the source table's to tell. */
  dynamodb(): DynamoDBClient;
  /** The drivers of the two environments: snapshot copies (DR) and the table's point-in-time window (primary). */
  driverFor(kind: RecoveredDatabase['kind'], side: 'primary' | 'dr'): DatabaseDriver;
}

/** Reads, in the DR Region and of the primary database, what each recovery path needs. */
export class AwsRecoveryProbe implements RecoveryProbe {
  constructor(private readonly deps: RecoveryProbeDeps) {}

  async facts(database: RecoveredDatabase): Promise<RecoveryFacts> {
    switch (database.kind) {
      case 'rds-instance': {
        const [replicatedBackups, snapshotCopies] = await Promise.all([
          this.replicatedBackups(database.identifier),
          this.snapshotCopies(database),
        ]);
        return { snapshotCopies, ...(replicatedBackups && { replicatedBackups }) };
      }
      case 'aurora-cluster':
      case 'docdb-cluster': {
        const [globalSecondary, snapshotCopies] = await Promise.all([
          this.globalSecondary(database),
          this.snapshotCopies(database),
        ]);
        return { snapshotCopies, ...(globalSecondary && { globalSecondary }) };
      }
      case 'dynamodb-table':
        return this.tableFacts(database);
    }
  }

  /** The instance's automated backups replicated into the DR Region from the primary one. */
  private async replicatedBackups(identifier: string): Promise<RecoveryFacts['replicatedBackups']> {
    const { DBInstanceAutomatedBackups: backups = [] } = await this.deps
      .rds()
      .send(new DescribeDBInstanceAutomatedBackupsCommand({ DBInstanceIdentifier: identifier }));
    const replicated = backups.find(
      (backup) => backup.Region === this.deps.primary.region && backup.DBInstanceAutomatedBackupsArn,
    );
    if (!replicated?.DBInstanceAutomatedBackupsArn) return undefined;
    const window = replicated.RestoreWindow;
    return {
      arn: replicated.DBInstanceAutomatedBackupsArn,
      ...(window?.EarliestTime && window.LatestTime
        ? { window: { earliest: window.EarliestTime, latest: window.LatestTime } }
        : {}),
    };
  }

  /** Snapshots of the database held in the DR Region: the copies AWS Backup or a copy job made there. */
  private async snapshotCopies(database: RecoveredDatabase) {
    return this.deps
      .driverFor(database.kind, 'dr')
      .listRestoreCandidates({ sourceIdentifier: database.identifier, includeShared: false });
  }

  /** The DR Region's member of the global database the primary cluster belongs to, if it is in one. */
  private async globalSecondary(database: RecoveredDatabase): Promise<GlobalSecondary | undefined> {
    const clusters = await this.globalClusters(database.kind);
    const primaryArn = `arn:aws:rds:${this.deps.primary.region}:${this.deps.primary.accountId}:cluster:${database.identifier.toLowerCase()}`;
    const global = clusters.find((cluster) =>
      cluster.GlobalClusterMembers?.some((member) => member.DBClusterArn === primaryArn),
    );
    const drPrefix = `arn:aws:rds:${this.deps.dr.region}:`;
    const member = global?.GlobalClusterMembers?.find((candidate) => candidate.DBClusterArn?.startsWith(drPrefix));
    if (!global?.GlobalClusterIdentifier || !member?.DBClusterArn) return undefined;
    return {
      globalClusterId: global.GlobalClusterIdentifier,
      clusterArn: member.DBClusterArn,
      clusterIdentifier: member.DBClusterArn.split(':').at(-1) ?? member.DBClusterArn,
      isWriter: member.IsWriter === true,
      status: global.Status ?? 'unknown',
    };
  }

  private async globalClusters(kind: RecoveredDatabase['kind']): Promise<GlobalCluster[]> {
    if (kind === 'docdb-cluster') {
      const { GlobalClusters = [] } = await this.deps.docdb().send(new DescribeDocdbGlobalClusters({}));
      return GlobalClusters as GlobalCluster[];
    }
    const { GlobalClusters = [] } = await this.deps.rds().send(new DescribeGlobalClustersCommand({}));
    return GlobalClusters;
  }

  private async tableFacts(database: RecoveredDatabase): Promise<RecoveryFacts> {
    let replicas: { RegionName?: string; ReplicaStatus?: string }[] = [];
    try {
      const { Table } = await this.deps.dynamodb().send(new DescribeTableCommand({ TableName: database.identifier }));
      replicas = Table?.Replicas ?? [];
    } catch (error) {
      if (!hasAwsErrorName(error, 'ResourceNotFoundException')) throw error;
      return { snapshotCopies: [] };
    }
    const replica = replicas.find((candidate) => candidate.RegionName === this.deps.dr.region);
    const source = await this.deps.driverFor('dynamodb-table', 'primary').describeSource(database.identifier);
    const { accountId, region } = this.deps.dr;
    return {
      snapshotCopies: [],
      ...(replica && {
        tableReplica: {
          arn: `arn:aws:dynamodb:${region}:${accountId}:table/${database.identifier}`,
          status: replica.ReplicaStatus ?? 'unknown',
        },
      }),
      ...(source.restorableWindow && { pointInTime: source.restorableWindow }),
    };
  }
}
