import { SourceNotFoundError } from '../../domain/errors.js';
import { identifierFromArn, sameIdentifier } from '../../domain/identifiers.js';
import { isReferenceTo } from '../../domain/snapshot-reference.js';
import type { ListenerDeps } from '../deps.js';
import type { RestoreModalState } from './state.js';

/**
 * How long the one-line form waits on AWS before the modal opens anyway: the trigger_id that opens
 * it lasts 3 seconds. A source or snapshot not checked in time is checked again on submission.
 */
const CHECK_BUDGET_MS = 1_500;

/**
 * Why the one-line form's source or snapshot cannot be prefilled (it does not exist), or undefined
 * when it exists or AWS did not say in time. A modal prefilled with a database that is not there
 * would only fail on submission, after the person filled in the rest.
 */
export async function prefillProblem(
  deps: Pick<ListenerDeps, 'driverFor' | 'log'>,
  state: RestoreModalState,
): Promise<string | undefined> {
  const { kind, source } = state;
  if (!kind || !source) return undefined;
  const check = async (): Promise<string | undefined> => {
    const driver = deps.driverFor(kind, source.environment);
    try {
      await driver.describeSource(source.identifier);
    } catch (error) {
      if (error instanceof SourceNotFoundError) return error.message;
      throw error;
    }
    if (state.restorePointType !== 'snapshot' || !state.snapshot) return undefined;
    const candidates = await driver.listRestoreCandidates({ includeShared: true });
    const reference = state.snapshot.value;
    if (candidates.some((candidate) => isReferenceTo(reference, candidate))) return undefined;
    const sourceName = identifierFromArn(source.identifier);
    const newest = candidates
      .filter((candidate) => sameIdentifier(kind, candidate.sourceIdentifier, sourceName))
      .slice(0, 3)
      .map((candidate) => candidate.id);
    const offer = newest.length ? ` (newest of ${sourceName}: ${newest.join(', ')})` : '';
    return `snapshot "${reference}" is not available in ${source.environment}${offer}`;
  };
  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), CHECK_BUDGET_MS);
  });
  try {
    return await Promise.race([check(), outOfTime]);
  } catch (error) {
    // AWS could not say (throttling, no access): the modal opens, and the submission checks again.
    deps.log('prefill not checked', { kind, source: source.identifier, error: (error as Error).message });
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
