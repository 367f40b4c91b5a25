import { identifierFromArn } from '../identifiers.js';
import { TAG_MANAGED, TAG_SOURCE } from '../managed-resources.js';
import { isReferenceTo } from '../snapshot-reference.js';
import { isAvailableCandidate, type RestoreCandidate } from '../source.js';
import type { DatabasePick } from './cycle-run.js';

const FAILED = new Set(['failed', 'error', 'incompatible-parameters', 'deleting']);
const MAX_SNAPSHOT_IDENTIFIER = 255;

/**
 * The name a refresh gives its copy of a shared snapshot: the shared one's, marked. It depends on
 * nothing else, so a retried copy (another tick, another worker, the next run picking the same
 * snapshot) meets the copy already made instead of making a second one.
 */
export function refreshCopyIdentifier(shared: Pick<RestoreCandidate, 'id'>): string {
  const base = identifierFromArn(shared.id)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const name = `${/^[a-z]/.test(base) ? '' : 's-'}${base}-refresh-copy`;
  return name.slice(0, MAX_SNAPSHOT_IDENTIFIER).replace(/-+$/, '');
}

/** The copy's tags: made by the bot, and from which shared snapshot. */
export function refreshCopyTags(shared: Pick<RestoreCandidate, 'arn'>, cycle: string): Record<string, string> {
  return { [TAG_MANAGED]: 'true', [TAG_SOURCE]: shared.arn, 'restore-bot:refresh-cycle': cycle };
}

/**
 * Where a database's copy stands, given the copy as the environment lists it (undefined: not made
 * yet). Ready: the run restores the copy, which is what `latest` and `current` then name.
 */
export function pickOfCopy(input: {
  target: string;
  shared: RestoreCandidate;
  copy: RestoreCandidate | undefined;
  current?: string;
}): DatabasePick {
  const { target, shared, copy, current } = input;
  const copyIdentifier = refreshCopyIdentifier(shared);
  const from = { target, takenAt: shared.createdAt, copiedFrom: shared.arn };
  if (!copy) return { ...from, copying: copyIdentifier };
  if (FAILED.has(copy.status)) {
    return { target, problem: `the copy ${copyIdentifier} of ${shared.id} is ${copy.status}: delete it to try again` };
  }
  if (!isAvailableCandidate(copy)) return { ...from, copying: copyIdentifier };
  const unchanged = current !== undefined && isReferenceTo(current, copy);
  return { ...from, snapshotId: copy.arn, ...(unchanged ? { unchanged: true } : {}) };
}
