import type { DatabaseKind } from '../../domain/kinds.js';
import type { CandidateFilter, RestoreCandidate } from '../../domain/source.js';
import { accountIdOf } from './arn.js';
import type { SnapshotRecord } from './records.js';

/** AWS lists snapshots shared from other accounts with type `shared`, under their ARN. */
function isShared(snapshot: SnapshotRecord): boolean {
  return snapshot.snapshotType === 'shared';
}

function toCandidate(kind: DatabaseKind, snapshot: SnapshotRecord): RestoreCandidate {
  const shared = isShared(snapshot);
  return {
    kind,
    id: snapshot.identifier,
    arn: snapshot.arn,
    sourceIdentifier: snapshot.sourceIdentifier,
    createdAt: snapshot.createdAt ?? new Date(0),
    status: snapshot.status,
    engine: snapshot.engine,
    engineVersion: snapshot.engineVersion,
    ownerAccountId: accountIdOf(snapshot.arn),
    shared,
    origin: shared ? 'shared' : snapshot.snapshotType === 'automated' ? 'automated' : 'manual',
    encrypted: snapshot.encrypted,
    kmsKeyId: snapshot.kmsKeyId,
    sizeGiB: snapshot.allocatedStorage,
  };
}

/**
 * Keeps the snapshots a restore can start from now (status `available`, of the kind's engines,
 * matching the filter) and returns them newest first. Shared ones are kept only from the
 * expected owner when one is given: the acceptance refresh must never pick up a stranger's snapshot.
 */
export function selectRestoreCandidates(
  kind: DatabaseKind,
  snapshots: readonly SnapshotRecord[],
  filter: CandidateFilter,
  acceptsEngine: (engine: string) => boolean,
): RestoreCandidate[] {
  return snapshots
    .filter((snapshot) => snapshot.status === 'available' && acceptsEngine(snapshot.engine))
    .filter((snapshot) => filter.includeShared || !isShared(snapshot))
    .map((snapshot) => toCandidate(kind, snapshot))
    .filter(
      (candidate) =>
        !candidate.shared ||
        !filter.expectedOwnerAccountId ||
        candidate.ownerAccountId === filter.expectedOwnerAccountId,
    )
    .filter((candidate) => !filter.engineVersion || candidate.engineVersion === filter.engineVersion)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}
