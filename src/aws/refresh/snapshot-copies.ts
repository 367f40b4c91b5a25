import { CopyDBClusterSnapshotCommand, type DocDBClient } from '@aws-sdk/client-docdb';
import { CopyDBSnapshotCommand, type RDSClient } from '@aws-sdk/client-rds';
import type { SnapshotCopies, SnapshotCopyRequest } from '../../domain/ports/refresh.js';
import { hasAwsErrorName } from '../error-names.js';

/**
 * The refresh's copies of production's shared snapshots: `CopyDBClusterSnapshot` for DocumentDB and
 * `CopyDBSnapshot` for an encrypted RDS instance snapshot, each with the environment's own key. The
 * copy's name comes from the shared snapshot, so a retried start meets "already exists" and is done.
 */
export class AwsSnapshotCopies implements SnapshotCopies {
  constructor(private readonly clients: { docdb(): DocDBClient; rds(): RDSClient }) {}

  async copyShared(request: SnapshotCopyRequest): Promise<void> {
    const tags = Object.entries(request.tags).map(([Key, Value]) => ({ Key, Value }));
    const key = request.kmsKeyId ? { KmsKeyId: request.kmsKeyId } : {};
    try {
      if (request.kind === 'docdb-cluster') {
        await this.clients.docdb().send(
          new CopyDBClusterSnapshotCommand({
            SourceDBClusterSnapshotIdentifier: request.snapshotArn,
            TargetDBClusterSnapshotIdentifier: request.copyIdentifier,
            Tags: tags,
            ...key,
          }),
        );
      } else {
        await this.clients.rds().send(
          new CopyDBSnapshotCommand({
            SourceDBSnapshotIdentifier: request.snapshotArn,
            TargetDBSnapshotIdentifier: request.copyIdentifier,
            Tags: tags,
            ...key,
          }),
        );
      }
    } catch (error) {
      if (hasAwsErrorName(error, 'DBClusterSnapshotAlreadyExistsFault', 'DBSnapshotAlreadyExistsFault')) return;
      throw error;
    }
  }
}
