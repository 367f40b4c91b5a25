/** Where an RDS or DocumentDB status leaves a step that waits for the resource. */
export type StatusClass = 'ready' | 'in-progress' | 'broken';

/** Statuses a resource does not leave by itself: a restore or rename that reaches one has failed. */
const BROKEN = new Set([
  'failed',
  'incompatible-restore',
  'incompatible-parameters',
  'incompatible-network',
  'incompatible-option-group',
  'incompatible-credentials',
  'inaccessible-encryption-credentials',
  'inaccessible-encryption-credentials-recoverable',
  'insufficient-capacity',
  'restore-error',
  'storage-full',
  'cloning-failed',
  'migration-failed',
  'stopped',
  'stopping',
]);

/**
 * `available` is ready; known dead ends are broken; anything else (`creating`, `backing-up`,
 * `modifying`, `renaming`, `deleting`, and statuses AWS adds later) is still in progress.
 */
export function classifyStatus(status: string): StatusClass {
  if (status === 'available') return 'ready';
  if (BROKEN.has(status)) return 'broken';
  return 'in-progress';
}
