/** What sets Aurora and DocumentDB apart, so one cluster driver serves both. */
export interface ClusterKind {
  kind: 'aurora-cluster' | 'docdb-cluster';
  /** `Aurora cluster`, for messages. */
  label: string;
  /** RDS's DescribeDBClusters also lists other engines' clusters: only these are this kind's. */
  engines: ReadonlySet<string>;
  /** Aurora copy-on-write clones. */
  supportsClone: boolean;
  /** RDS's RestoreDBClusterToPointInTime takes DBClusterParameterGroupName; DocumentDB's does not. */
  pointInTimeTakesClusterParameterGroup: boolean;
  /** Aurora instances have DB parameter groups; DocumentDB instances do not. */
  instancesTakeParameterGroup: boolean;
}
