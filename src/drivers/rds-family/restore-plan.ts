import type { Plan, ReplacedTarget } from '../../domain/plan.js';
import type { RestoreCandidate } from '../../domain/source.js';
import { InvalidPlanError } from './errors.js';

/** The replace section of a plan, which the rename, delete and rollback steps cannot run without. */
export function requireReplace(plan: Plan): ReplacedTarget {
  if (!plan.replace) {
    throw new InvalidPlanError(`The plan for ${plan.target.identifier} replaces no existing target.`);
  }
  return plan.replace;
}

/** The snapshot of a snapshot restore, or `undefined` for point-in-time, latest and clone. */
export function plannedSnapshot(plan: Plan): RestoreCandidate | undefined {
  return plan.method.type === 'snapshot' ? plan.method.snapshot : undefined;
}

/** The shared snapshot a copy step copies, and the key of this account to re-encrypt it with. */
export interface SnapshotCopy {
  snapshot: RestoreCandidate;
  /** Set only for an encrypted snapshot: AWS rejects a key for an unencrypted one. */
  kmsKeyId: string | undefined;
}

/** What the copy-shared-snapshot step copies; throws when the plan copies nothing or lacks the key. */
export function plannedSnapshotCopy(plan: Plan): SnapshotCopy {
  const { method } = plan;
  if (method.type !== 'snapshot' || !method.copyFirst) {
    throw new InvalidPlanError(`The plan for ${plan.target.identifier} copies no shared snapshot.`);
  }
  const { snapshot } = method;
  const { kmsKeyId } = plan.settings;
  if (snapshot.encrypted && !kmsKeyId) {
    throw new InvalidPlanError(
      `Snapshot ${snapshot.arn} is encrypted: copying it needs a KMS key of this account in the plan's settings.`,
    );
  }
  return { snapshot, kmsKeyId: snapshot.encrypted ? kmsKeyId : undefined };
}

/** A shared snapshot is restored by ARN; one of this account by identifier. */
export function snapshotReference(snapshot: RestoreCandidate): string {
  return snapshot.shared ? snapshot.arn : snapshot.id;
}

/** The engine the restored database runs: the snapshot's for a snapshot restore, else the source's. */
export function restoredEngine(plan: Plan): string {
  return plannedSnapshot(plan)?.engine || plan.source.engine;
}

/** A snapshot restore keeps the snapshot's engine version; the others keep the source's. */
export function expectedEngineVersion(plan: Plan): string {
  return plannedSnapshot(plan)?.engineVersion || plan.source.engineVersion;
}

/** Encrypted when what it is restored from is, or when the plan names a key to encrypt with. */
export function expectedEncryption(plan: Plan): boolean {
  const snapshot = plannedSnapshot(plan);
  const fromEncrypted = snapshot ? snapshot.encrypted : plan.source.storageEncrypted;
  return fromEncrypted || plan.settings.kmsKeyId !== undefined;
}
