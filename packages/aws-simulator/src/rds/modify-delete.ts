import type { ModifyDBClusterMessage, ModifyDBInstanceMessage } from '@aws-sdk/client-rds';
import { fault } from '../errors.js';
import type { ClusterRecord, InstanceRecord } from './records.js';

/** ModifyDBInstance and ModifyDBCluster take the settings applied below under the same names. */
type ModifyRequest = ModifyDBInstanceMessage | ModifyDBClusterMessage;

/** Applies what the request sets; a field left out (or an empty group list) keeps its value. */
export function applySharedModifications(record: InstanceRecord | ClusterRecord, input: ModifyRequest): void {
  if (input.DeletionProtection !== undefined) record.deletionProtection = input.DeletionProtection;
  if (input.BackupRetentionPeriod !== undefined) record.backupRetentionDays = input.BackupRetentionPeriod;
  if (input.CopyTagsToSnapshot !== undefined) record.copyTagsToSnapshot = input.CopyTagsToSnapshot;
  if (input.VpcSecurityGroupIds?.length) record.securityGroupIds = [...input.VpcSecurityGroupIds];
}

/** DeleteDBInstance and DeleteDBCluster want exactly one of SkipFinalSnapshot and a final snapshot name. */
export function checkFinalSnapshotChoice(skipFinalSnapshot: boolean | undefined, finalId: string | undefined): void {
  if (skipFinalSnapshot && finalId) {
    throw fault('InvalidParameterCombination', 'FinalDBSnapshotIdentifier cannot be used with SkipFinalSnapshot.');
  }
  if (!skipFinalSnapshot && !finalId) {
    throw fault(
      'InvalidParameterCombination',
      'FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.',
    );
  }
}
