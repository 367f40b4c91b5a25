/**
 * Tags and derived names of what the bot creates. Every name is a pure function of the target
 * and the job id, so a retried step finds the resource its earlier attempt made.
 */

export const TAG_MANAGED = 'restore-bot:managed';
export const TAG_JOB_ID = 'restore-bot:job-id';
export const TAG_EXPIRES_AT = 'restore-bot:expires-at';
export const TAG_SOURCE = 'restore-bot:source';
export const TAG_RENAMED_FROM = 'restore-bot:renamed-from';
/**
 * Set by an account's owners (never by the bot) on databases the bot must never replace: the
 * planner refuses them, and infra/target-account-role.yml denies the bot's role any change to them.
 */
export const TAG_PROTECTED = 'restore-bot:protected';

/** Tag keys AWS or the bot own: never copied from a source onto a restored resource. */
export function isReservedTagKey(key: string): boolean {
  return key.startsWith('aws:') || key.startsWith('restore-bot:');
}

export function managedTags(jobId: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...extra, [TAG_MANAGED]: 'true', [TAG_JOB_ID]: jobId };
}

export function isTaggedForJob(tags: Record<string, string>, jobId: string): boolean {
  return tags[TAG_MANAGED] === 'true' && tags[TAG_JOB_ID] === jobId;
}

/** The first eight characters of the job id: enough to be unique among live jobs, short enough for names. */
export function shortJobId(jobId: string): string {
  return jobId
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 8);
}

const RDS_MAX_IDENTIFIER = 63;

/** `base-suffix`, trimming `base` so the result stays a valid RDS identifier (≤ 63, no `--`, no trailing hyphen). */
export function withSuffix(base: string, suffix: string, maxLength = RDS_MAX_IDENTIFIER): string {
  const room = maxLength - suffix.length - 1;
  const trimmed = base.slice(0, room).replace(/-+$/, '');
  return `${trimmed}-${suffix}`.replace(/-{2,}/g, '-');
}

/** Where an existing target is moved while the restore takes its name. */
export function renamedTargetIdentifier(target: string, jobId: string): string {
  return withSuffix(target, `old-${shortJobId(jobId)}`);
}

/** The final snapshot taken when the replaced target is deleted. */
export function finalSnapshotIdentifier(target: string, jobId: string): string {
  return withSuffix(target, `final-${shortJobId(jobId)}`, 255);
}

/** The final snapshot (or DynamoDB backup) taken when an expired copy is deleted. */
export function expiredSnapshotIdentifier(target: string, jobId: string): string {
  return withSuffix(target, `expired-${shortJobId(jobId)}`, 255);
}

/** The writer instance created in a restored Aurora or DocumentDB cluster. */
export function writerInstanceIdentifier(target: string, jobId: string): string {
  return withSuffix(target, `writer-${shortJobId(jobId)}`);
}

/** The in-account copy of a shared DocumentDB snapshot. */
export function copiedSnapshotIdentifier(target: string, jobId: string): string {
  return withSuffix(target, `src-${shortJobId(jobId)}`, 255);
}

/** Where a failed restore of ours is moved so the replaced target can have its name back. */
export function failedRestoreIdentifier(target: string, jobId: string): string {
  return withSuffix(target, `failed-${shortJobId(jobId)}`);
}
