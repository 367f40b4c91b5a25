import { identifierFromArn, sameIdentifier } from '../identifiers.js';
import { isReferenceTo } from '../snapshot-reference.js';
import { isAvailableCandidate, type RestoreCandidate } from '../source.js';
import type { RefreshDatabase } from './cycle.js';
import type { DatabasePick } from './cycle-run.js';

export interface DiscoveryInput {
  database: RefreshDatabase;
  /** The snapshots the acceptance account can restore (its own and those shared with it), any order. */
  candidates: readonly RestoreCandidate[];
  /** Production's account: a shared snapshot from any other account is not production's. */
  productionAccountId: string;
  /** The `latest` and `current` parameters as they read now. */
  latest?: string;
  current?: string;
}

/**
 * The snapshot a run restores for one database. `latest`, when it names another snapshot than
 * `current`, is honoured: a person pinned it (or an earlier run found it and did not get to run);
 * otherwise the newest snapshot production shared, available, of the cycle's engine (and version,
 * when pinned). One that is still being shared or copied, of another engine, or the snapshot
 * acceptance already runs on is said so, for the card: nothing is picked silently.
 */
export function pickSnapshot(input: DiscoveryInput): DatabasePick {
  const { database, candidates, latest, current } = input;
  const target = database.target.identifier;
  const pinned = latest && !sameReference(latest, current) ? candidates.find((c) => refersTo(latest, c)) : undefined;
  if (latest && !sameReference(latest, current) && !pinned) {
    return { target, problem: `latest names ${identifierFromArn(latest)}, which acceptance cannot see` };
  }
  if (pinned) {
    const wrong = mismatch(pinned, input);
    if (wrong) return { target, problem: `latest names ${pinned.id}, ${wrong}` };
    return pickOf(target, pinned, current);
  }
  const ofSource = candidates
    .filter((candidate) => candidate.shared && candidate.ownerAccountId === input.productionAccountId)
    .filter((candidate) => sameIdentifier(database.kind, candidate.sourceIdentifier, database.source.identifier))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const newest = ofSource.find((candidate) => mismatch(candidate, input) === undefined);
  if (newest) return pickOf(target, newest, current);
  const [first] = ofSource;
  if (!first) return { target, problem: `production has shared no snapshot of ${database.source.identifier}` };
  return { target, problem: `the newest shared snapshot, ${first.id}, ${mismatch(first, input)}` };
}

function pickOf(target: string, snapshot: RestoreCandidate, current: string | undefined): DatabasePick {
  return {
    target,
    snapshotId: snapshot.arn,
    takenAt: snapshot.createdAt,
    ...(current && refersTo(current, snapshot) ? { unchanged: true } : {}),
  };
}

/** Why `snapshot` cannot be restored by this cycle, or undefined when it can. */
function mismatch(snapshot: RestoreCandidate, { database }: DiscoveryInput): string | undefined {
  if (!isAvailableCandidate(snapshot)) return `is ${snapshot.status}, not yet available`;
  if (snapshot.engine !== database.engine) return `is of ${snapshot.engine}, not ${database.engine}`;
  if (database.engineVersion && snapshot.engineVersion !== database.engineVersion) {
    return `is of ${snapshot.engine} ${snapshot.engineVersion}, not the pinned ${database.engineVersion}`;
  }
  return undefined;
}

function refersTo(reference: string, candidate: RestoreCandidate): boolean {
  return isReferenceTo(reference, candidate) || identifierFromArn(reference) === candidate.id;
}

function sameReference(a: string, b: string | undefined): boolean {
  return b !== undefined && (a === b || identifierFromArn(a) === identifierFromArn(b));
}
