import type { Page } from './pagination.js';
import {
  type ClusterRecord,
  type ClusterShape,
  type ClusterSnapshotShape,
  type InstanceRecord,
  type InstanceShape,
  type InstanceSnapshotShape,
  type SnapshotRecord,
  toClusterRecord,
  toClusterSnapshotRecord,
  toInstanceRecord,
  toInstanceSnapshotRecord,
} from './records.js';

/*
 * RDS and DocumentDB name their describe outputs' lists the same, so one page mapper per list
 * serves both SDKs.
 */

interface Paged {
  Marker?: string | undefined;
}

export function clusterPage(output: Paged & { DBClusters?: ClusterShape[] | undefined }): Page<ClusterRecord> {
  return { items: (output.DBClusters ?? []).map(toClusterRecord), marker: output.Marker };
}

export function instancePage(output: Paged & { DBInstances?: InstanceShape[] | undefined }): Page<InstanceRecord> {
  return { items: (output.DBInstances ?? []).map(toInstanceRecord), marker: output.Marker };
}

export function clusterSnapshotPage(
  output: Paged & { DBClusterSnapshots?: ClusterSnapshotShape[] | undefined },
): Page<SnapshotRecord> {
  return { items: (output.DBClusterSnapshots ?? []).map(toClusterSnapshotRecord), marker: output.Marker };
}

export function instanceSnapshotPage(
  output: Paged & { DBSnapshots?: InstanceSnapshotShape[] | undefined },
): Page<SnapshotRecord> {
  return { items: (output.DBSnapshots ?? []).map(toInstanceSnapshotRecord), marker: output.Marker };
}
