import {
  expiredSnapshotIdentifier,
  failedRestoreIdentifier,
  isTaggedForJob,
  managedTags,
  TAG_EXPIRES_AT,
} from '../../domain/managed-resources.js';
import type { StepContext } from '../../domain/ports/database-driver.js';
import { replaceTags } from '../../domain/replaced-target-tags.js';
import type { StepName, StepStartResult } from '../../domain/steps.js';
import { InvalidPlanError, ResourceMissingError, UnmanagedResourceError } from './errors.js';
import { requireReplace } from './restore-plan.js';

/** The primary resource of a kind (instance or cluster), with its tags resolved. */
export interface ReplaceableResource {
  identifier: string;
  arn: string;
  status: string;
  tags: Record<string, string>;
  deletionProtection: boolean;
  pendingIdentifier?: string | undefined;
}

/** The calls the rename, delete and rollback steps need; one implementation per kind of resource. */
export interface ReplaceableOps<R extends ReplaceableResource> {
  /** `DB instance` or `DB cluster`, for messages. */
  readonly label: string;
  find(identifier: string): Promise<R | undefined>;
  /**
   * Tags the resource, and for a cluster its member instances too, each with `tagsFor` its own
   * current tags: the worker's IAM role may delete only what carries the managed tag, and
   * deleting a cluster deletes its members first.
   */
  tag(resource: R, tagsFor: (current: Record<string, string>) => Record<string, string>): Promise<void>;
  /** Gives the resource (and a cluster's members) back the tags each had before `tag`, by its record. */
  restoreTags(resource: R): Promise<void>;
  /** Modify with a new identifier, applied immediately; resolves to the request id. */
  rename(identifier: string, newIdentifier: string): Promise<string | undefined>;
  disableDeletionProtection(resource: R): Promise<void>;
  /**
   * Deletes the resource, keeping a final snapshot; resolves to the request id. `tags` are the
   * job's managed tags, for what must carry them to be deleted (a cluster's members).
   */
  delete(resource: R, finalSnapshotIdentifier: string, tags: Record<string, string>): Promise<string | undefined>;
  finalSnapshotExists(identifier: string): Promise<boolean>;
}

const STARTED: StepStartResult = { alreadyStarted: true };

/**
 * A rename to `newIdentifier` is under way: AWS shows `renaming`, or, just after accepting the
 * call, still `available` with the new name pending. Either way a retry must not rename again.
 */
function isRenamingTo(resource: ReplaceableResource, newIdentifier: string): boolean {
  return resource.status === 'renaming' || resource.pendingIdentifier === newIdentifier;
}

/**
 * Moves the existing target aside. It is tagged for this job first: the delete step later
 * deletes only what carries this job's tags, and a retry recognises its own rename.
 */
async function renameExistingTarget<R extends ReplaceableResource>(
  ops: ReplaceableOps<R>,
  { plan, jobId }: StepContext,
): Promise<StepStartResult> {
  const { identifier, renamedTo } = requireReplace(plan);
  const original = await ops.find(identifier);
  if (!original) {
    const renamed = await ops.find(renamedTo);
    if (renamed && isTaggedForJob(renamed.tags, jobId)) return STARTED;
    throw new ResourceMissingError(
      `Neither ${ops.label} ${identifier} nor ${renamedTo} (tagged for job ${jobId}) exists.`,
    );
  }
  if (isRenamingTo(original, renamedTo) && isTaggedForJob(original.tags, jobId)) return STARTED;
  await ops.tag(original, (current) => replaceTags(jobId, identifier, current));
  return { requestId: await ops.rename(identifier, renamedTo), alreadyStarted: false };
}

/** Deletes the renamed old target with a final snapshot, once the restore replacing it is validated. */
function deleteReplacedTarget<R extends ReplaceableResource>(
  ops: ReplaceableOps<R>,
  { plan, jobId }: StepContext,
): Promise<StepStartResult> {
  const { renamedTo, finalSnapshotIdentifier } = requireReplace(plan);
  return deleteManaged(ops, jobId, renamedTo, finalSnapshotIdentifier);
}

/**
 * Deletes the restored copy when it expires (or someone pressed "Delete now"), with a final snapshot;
 * for a failed restore, what it left (under the target name, or set aside by a rollback).
 */
function deleteRestoredCopy<R extends ReplaceableResource>(
  ops: ReplaceableOps<R>,
  { plan, jobId, copyIdentifier }: StepContext,
): Promise<StepStartResult> {
  const target = plan.target.identifier;
  return deleteManaged(ops, jobId, copyIdentifier ?? target, expiredSnapshotIdentifier(target, jobId));
}

/**
 * Deletes `identifier` with a final snapshot. Refuses anything without this job's tags: the
 * bot deletes only what it created or was told to replace.
 */
async function deleteManaged<R extends ReplaceableResource>(
  ops: ReplaceableOps<R>,
  jobId: string,
  renamedTo: string,
  finalSnapshotIdentifier: string,
): Promise<StepStartResult> {
  const resource = await ops.find(renamedTo);
  if (!resource) {
    if (await ops.finalSnapshotExists(finalSnapshotIdentifier)) return STARTED;
    throw new ResourceMissingError(
      `${ops.label} ${renamedTo} is gone and its final snapshot ${finalSnapshotIdentifier} does not exist.`,
    );
  }
  if (!isTaggedForJob(resource.tags, jobId)) {
    throw new UnmanagedResourceError(
      `Refusing to delete ${ops.label} ${renamedTo}: it does not carry the managed tags of job ${jobId}.`,
    );
  }
  // A delete AWS accepted may not show as `deleting` yet, but its final snapshot is begun.
  if (resource.status === 'deleting' || (await ops.finalSnapshotExists(finalSnapshotIdentifier))) return STARTED;
  if (resource.deletionProtection) await ops.disableDeletionProtection(resource);
  return {
    requestId: await ops.delete(resource, finalSnapshotIdentifier, managedTags(jobId)),
    alreadyStarted: false,
  };
}

/**
 * Rewrites the copy's expiry tag after Extend (on a cluster, its members too). Tagging is
 * idempotent, and the request carries the managed tags the role requires of every tagging call.
 */
async function tagCopyExpiry<R extends ReplaceableResource>(
  ops: ReplaceableOps<R>,
  { plan, jobId, copyExpiresAt }: StepContext,
): Promise<StepStartResult> {
  const target = plan.target.identifier;
  if (!copyExpiresAt) throw new InvalidPlanError(`No expiry to tag ${ops.label} ${target} with.`);
  const copy = await ops.find(target);
  if (!copy) throw new ResourceMissingError(`${ops.label} ${target} is gone: there is no copy to tag.`);
  if (!isTaggedForJob(copy.tags, jobId)) {
    throw new UnmanagedResourceError(
      `Refusing to tag ${ops.label} ${target}: it does not carry the managed tags of job ${jobId}.`,
    );
  }
  await ops.tag(copy, () => managedTags(jobId, { [TAG_EXPIRES_AT]: copyExpiresAt.toISOString() }));
  return { alreadyStarted: false };
}

/** Rollback: moves our failed restore off the target name so the old target can have it back. */
async function setAsideFailedRestore<R extends ReplaceableResource>(
  ops: ReplaceableOps<R>,
  { plan, jobId }: StepContext,
): Promise<StepStartResult> {
  const target = plan.target.identifier;
  const setAside = failedRestoreIdentifier(target, jobId);
  const restored = await ops.find(target);
  if (!restored) return { alreadyStarted: (await ops.find(setAside)) !== undefined };
  // Whatever holds the name and is not ours stays where it is.
  if (!isTaggedForJob(restored.tags, jobId)) return { alreadyStarted: false };
  if (isRenamingTo(restored, setAside)) return STARTED;
  return { requestId: await ops.rename(target, setAside), alreadyStarted: false };
}

/** Rollback: gives the renamed old target its name back (its tags follow once it has it: restore-original-tags). */
async function renameBack<R extends ReplaceableResource>(
  ops: ReplaceableOps<R>,
  { plan }: StepContext,
): Promise<StepStartResult> {
  const { identifier, renamedTo } = requireReplace(plan);
  const renamed = await ops.find(renamedTo);
  if (!renamed) {
    if (await ops.find(identifier)) return STARTED;
    throw new ResourceMissingError(`Neither ${ops.label} ${renamedTo} nor ${identifier} exists.`);
  }
  if (isRenamingTo(renamed, identifier)) return STARTED;
  return { requestId: await ops.rename(renamedTo, identifier), alreadyStarted: false };
}

/**
 * Rollback, last: the old target, back under its name, gets back exactly the tags it had. Renaming
 * needed the managed tag (the role renames only what carries it), so this comes after the rename.
 */
async function restoreOriginalTags<R extends ReplaceableResource>(
  ops: ReplaceableOps<R>,
  { plan }: StepContext,
): Promise<StepStartResult> {
  const { identifier } = requireReplace(plan);
  const original = await ops.find(identifier);
  if (!original) throw new ResourceMissingError(`${ops.label} ${identifier} does not exist.`);
  await ops.restoreTags(original);
  return { alreadyStarted: false };
}

/** The steps that run the same way for instances and clusters. */
const SHARED_STEPS = [
  'rename-existing-target',
  'delete-replaced-target',
  'delete-restored-copy',
  'tag-copy-expiry',
  'set-aside-failed-restore',
  'rename-back',
  'restore-original-tags',
  'validate',
  'reapply-table-settings',
] as const satisfies readonly StepName[];

export type SharedStepName = (typeof SHARED_STEPS)[number];

export function isSharedStep(step: StepName): step is SharedStepName {
  return (SHARED_STEPS as readonly StepName[]).includes(step);
}

/** Starts a rename, delete or rollback step with the kind's ops; the rest start nothing. */
export function startSharedStep<R extends ReplaceableResource>(
  ops: ReplaceableOps<R>,
  step: SharedStepName,
  context: StepContext,
): Promise<StepStartResult> {
  switch (step) {
    case 'rename-existing-target':
      return renameExistingTarget(ops, context);
    case 'delete-replaced-target':
      return deleteReplacedTarget(ops, context);
    case 'delete-restored-copy':
      return deleteRestoredCopy(ops, context);
    case 'tag-copy-expiry':
      return tagCopyExpiry(ops, context);
    case 'set-aside-failed-restore':
      return setAsideFailedRestore(ops, context);
    case 'rename-back':
      return renameBack(ops, context);
    case 'restore-original-tags':
      return restoreOriginalTags(ops, context);
    // Validation only checks, and table settings are DynamoDB's: neither has a call to start.
    case 'validate':
    case 'reapply-table-settings':
      return Promise.resolve({ alreadyStarted: false });
  }
}
