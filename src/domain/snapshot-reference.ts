import { createHash } from 'node:crypto';
import type { RestoreCandidate } from './source.js';

const DIGEST = /^sha256:[0-9a-f]{40}$/;

/**
 * A name for a snapshot within `maxLength` characters: `name` (its ARN or id) when it fits, else
 * `sha256:` and 40 hex digits of its digest. A channel that limits the length of a value (Slack's
 * option values: 150) carries this; the planner knows the snapshot again among the candidates it
 * lists anyway (isReferenceTo), so nobody has to list snapshots a second time to undo the digest.
 */
export function snapshotReference(name: string, maxLength: number): string {
  if (name.length <= maxLength) return name;
  return digestOf(name);
}

/** Whether `reference` names `candidate`: its id, its ARN, or the digest of either. */
export function isReferenceTo(reference: string, candidate: Pick<RestoreCandidate, 'id' | 'arn'>): boolean {
  if (reference === candidate.id || reference === candidate.arn) return true;
  return DIGEST.test(reference) && (reference === digestOf(candidate.arn) || reference === digestOf(candidate.id));
}

function digestOf(name: string): string {
  return `sha256:${createHash('sha256').update(name).digest('hex').slice(0, 40)}`;
}
