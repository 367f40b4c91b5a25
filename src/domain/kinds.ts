/** The four kinds of database the bot restores; each has one driver in src/drivers/. */
export const DATABASE_KINDS = ['rds-instance', 'aurora-cluster', 'docdb-cluster', 'dynamodb-table'] as const;

export type DatabaseKind = (typeof DATABASE_KINDS)[number];

/** Kinds whose restore creates a cluster with no instance: the bot creates the writer afterwards. */
export const CLUSTER_KINDS: ReadonlySet<DatabaseKind> = new Set(['aurora-cluster', 'docdb-cluster']);

export const KIND_LABELS: Record<DatabaseKind, string> = {
  'rds-instance': 'RDS instance',
  'aurora-cluster': 'Aurora cluster',
  'docdb-cluster': 'DocumentDB cluster',
  'dynamodb-table': 'DynamoDB table',
};
