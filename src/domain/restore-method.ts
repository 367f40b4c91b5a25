import {
  InvalidRestorePointError,
  RestoreInputError,
  RestoreTimeOutsideWindowError,
  SnapshotMismatchError,
} from './errors.js';
import { sameIdentifier } from './identifiers.js';
import type { DatabaseKind } from './kinds.js';
import type { RestoreMethod } from './plan.js';
import type { DatabaseDriver } from './ports/database-driver.js';
import { formatInstant, type RestorePoint } from './restore-point.js';
import { isReferenceTo } from './snapshot-reference.js';
import {
  isAvailableCandidate,
  type RestorableWindow,
  type RestoreCandidate,
  type SourceDescription,
} from './source.js';

export interface MethodContext {
  kind: DatabaseKind;
  source: SourceDescription;
  sourceEnvironment: string;
  targetEnvironment: string;
  /** The target is in the source's account and region: the only place a point-in-time restore can go. */
  sameAccountAndRegion: boolean;
  /** Aurora "latest" copies in the same account become copy-on-write clones. */
  fastClone: boolean;
  /** Account whose shared snapshots the target environment accepts (the refresh rule), if set. */
  expectedSnapshotOwner?: string;
  targetDriver: DatabaseDriver;
}

/** Resolves a restore point against the source's restorable window and the snapshots the target can see. */
export async function resolveRestoreMethod(point: RestorePoint, context: MethodContext): Promise<RestoreMethod> {
  if (point.type === 'snapshot') return resolveSnapshot(point.id, context);
  if (!context.sameAccountAndRegion) {
    // The environment is what cannot take it: the error belongs on that field.
    throw new RestoreInputError(
      'targetEnvironment',
      `${context.targetEnvironment} is in another account or region than ${context.sourceEnvironment}: it can receive only a snapshot shared with it, not a point-in-time restore. Pick a snapshot, or restore into ${context.sourceEnvironment}`,
    );
  }
  const window = requireWindow(context.source);
  if (point.type === 'latest') {
    return context.kind === 'aurora-cluster' && context.fastClone ? { type: 'clone' } : { type: 'latest' };
  }
  assertInsideWindow(point.at, window);
  return { type: 'point-in-time', at: point.at };
}

function requireWindow(source: SourceDescription): RestorableWindow {
  if (!source.restorableWindow) {
    throw new InvalidRestorePointError(
      `${source.identifier} has no restorable window (automated backups or point-in-time recovery are off): pick a snapshot or backup instead`,
    );
  }
  return source.restorableWindow;
}

function assertInsideWindow(at: Date, window: RestorableWindow): void {
  const shown = `restorable window ${formatInstant(window.earliest)} – ${formatInstant(window.latest)}`;
  if (at < window.earliest) {
    throw new RestoreTimeOutsideWindowError(
      `restore time ${formatInstant(at)} is before the earliest restorable time ${formatInstant(window.earliest)} (${shown})`,
    );
  }
  if (at > window.latest) {
    throw new RestoreTimeOutsideWindowError(
      `restore time ${formatInstant(at)} is after the latest restorable time ${formatInstant(window.latest)} (${shown}); use "latest"`,
    );
  }
}

async function resolveSnapshot(id: string, context: MethodContext): Promise<RestoreMethod> {
  const { source } = context;
  const candidates = await context.targetDriver.listRestoreCandidates({ includeShared: true });
  const snapshot = candidates.find((candidate) => isReferenceTo(id, candidate));
  if (!snapshot) {
    const ofSource = candidates.filter((candidate) =>
      sameIdentifier(context.kind, candidate.sourceIdentifier, source.identifier),
    );
    const offer = ofSource
      .slice(0, 3)
      .map((candidate) => candidate.id)
      .join(', ');
    throw new InvalidRestorePointError(
      `snapshot "${id}" is not available in ${context.targetEnvironment}${offer ? ` (newest of ${source.identifier}: ${offer})` : ''}`,
    );
  }
  assertSnapshotFits(snapshot, context);
  return { type: 'snapshot', snapshot, copyFirst: mustCopyFirst(context.kind, snapshot) };
}

/**
 * AWS restores neither a shared DocumentDB snapshot nor a shared encrypted DB instance snapshot
 * directly: the bot copies it into the target account first (Aurora restores shared cluster
 * snapshots as they are).
 */
export function mustCopyFirst(kind: DatabaseKind, snapshot: RestoreCandidate): boolean {
  if (!snapshot.shared) return false;
  return kind === 'docdb-cluster' || (kind === 'rds-instance' && snapshot.encrypted);
}

function assertSnapshotFits(snapshot: RestoreCandidate, context: MethodContext): void {
  const { source } = context;
  if (!sameIdentifier(context.kind, snapshot.sourceIdentifier, source.identifier)) {
    throw new SnapshotMismatchError(
      `snapshot "${snapshot.id}" is of ${snapshot.sourceIdentifier}, not of ${source.identifier}`,
    );
  }
  if (!isAvailableCandidate(snapshot)) {
    throw new SnapshotMismatchError(
      `snapshot "${snapshot.id}" is ${snapshot.status}, not available: wait for it or pick another`,
    );
  }
  if (snapshot.engine !== source.engine) {
    throw new SnapshotMismatchError(
      `snapshot "${snapshot.id}" is of engine ${snapshot.engine}, but ${source.identifier} runs ${source.engine}`,
    );
  }
  if (snapshot.engineVersion !== source.engineVersion) {
    throw new SnapshotMismatchError(
      `snapshot "${snapshot.id}" is engine version ${snapshot.engineVersion}, but ${source.identifier} runs ${source.engineVersion}: pick a snapshot taken since the upgrade`,
    );
  }
  if (snapshot.shared && context.expectedSnapshotOwner && snapshot.ownerAccountId !== context.expectedSnapshotOwner) {
    throw new SnapshotMismatchError(
      `snapshot "${snapshot.id}" is shared from account ${snapshot.ownerAccountId}; ${context.targetEnvironment} accepts snapshots from ${context.expectedSnapshotOwner} only`,
    );
  }
}
