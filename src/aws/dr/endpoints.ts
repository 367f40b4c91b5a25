import { DescribeDBClustersCommand as DescribeDocdbClusters, type DocDBClient } from '@aws-sdk/client-docdb';
import { DescribeDBClustersCommand, DescribeDBInstancesCommand, type RDSClient } from '@aws-sdk/client-rds';
import type { DatabaseEndpoints, RecoveredDatabase } from '../../domain/ports/recovery.js';

/** The recovered database's address, as the application connects to it: what the switch writes. */
export class AwsDatabaseEndpoints implements DatabaseEndpoints {
  constructor(
    private readonly clients: { rds(): RDSClient; docdb(): DocDBClient; accountId: string; region: string },
  ) {}

  async endpointOf(kind: RecoveredDatabase['kind'], identifier: string): Promise<string | undefined> {
    switch (kind) {
      case 'rds-instance': {
        const { DBInstances = [] } = await this.clients
          .rds()
          .send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: identifier }));
        return DBInstances[0]?.Endpoint?.Address;
      }
      case 'aurora-cluster': {
        const { DBClusters = [] } = await this.clients
          .rds()
          .send(new DescribeDBClustersCommand({ DBClusterIdentifier: identifier }));
        return DBClusters[0]?.Endpoint;
      }
      case 'docdb-cluster': {
        const { DBClusters = [] } = await this.clients
          .docdb()
          .send(new DescribeDocdbClusters({ DBClusterIdentifier: identifier }));
        return DBClusters[0]?.Endpoint;
      }
      case 'dynamodb-table':
        // An application names a table by its ARN (Region and all) to reach it in the DR Region.
        return `arn:aws:dynamodb:${this.clients.region}:${this.clients.accountId}:table/${identifier}`;
    }
  }
}
