import {
  DescribeGlobalClustersCommand as DescribeDocdbGlobalClusters,
  type DocDBClient,
  FailoverGlobalClusterCommand as FailoverDocdbGlobalCluster,
} from '@aws-sdk/client-docdb';
import {
  DescribeGlobalClustersCommand,
  FailoverGlobalClusterCommand,
  type GlobalCluster,
  type RDSClient,
} from '@aws-sdk/client-rds';
import type { GlobalClusterState, GlobalClusters } from '../../domain/ports/recovery.js';

/** Aurora's and DocumentDB's global databases, called in the DR Region (where the failover lands). */
export class AwsGlobalClusters implements GlobalClusters {
  constructor(private readonly clients: { rds(): RDSClient; docdb(): DocDBClient }) {}

  async state(kind: 'aurora-cluster' | 'docdb-cluster', globalClusterId: string): Promise<GlobalClusterState> {
    const input = { GlobalClusterIdentifier: globalClusterId };
    const { GlobalClusters = [] } =
      kind === 'docdb-cluster'
        ? await this.clients.docdb().send(new DescribeDocdbGlobalClusters(input))
        : await this.clients.rds().send(new DescribeGlobalClustersCommand(input));
    const global = GlobalClusters[0] as GlobalCluster | undefined;
    const writer = global?.GlobalClusterMembers?.find((member) => member.IsWriter)?.DBClusterArn;
    const failingOverTo = global?.FailoverState?.ToDbClusterArn;
    return {
      status: global?.Status ?? 'missing',
      ...(writer ? { writerArn: writer } : {}),
      ...(failingOverTo ? { failingOverTo } : {}),
    };
  }

  async failover(kind: 'aurora-cluster' | 'docdb-cluster', globalClusterId: string, targetClusterArn: string) {
    const input = {
      GlobalClusterIdentifier: globalClusterId,
      TargetDbClusterIdentifier: targetClusterArn,
      AllowDataLoss: true,
    };
    if (kind === 'docdb-cluster') await this.clients.docdb().send(new FailoverDocdbGlobalCluster(input));
    else await this.clients.rds().send(new FailoverGlobalClusterCommand(input));
  }
}
