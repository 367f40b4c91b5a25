import type { StepStatus } from '../../domain/steps.js';
import { chunk, MAX_FILTER_VALUES } from './pagination.js';
import { classifyStatus } from './resource-status.js';

export type ResourceType = 'instance' | 'cluster' | 'cluster-snapshot' | 'snapshot';

export interface ResourceRef {
  type: ResourceType;
  identifier: string;
}

/** What a step waits for, stated so that many steps can be checked with a few describe calls. */
export type StepExpectation =
  | { type: 'settled'; status: StepStatus }
  | { type: 'available'; resource: ResourceRef }
  | { type: 'renamed'; from: ResourceRef; to: ResourceRef }
  | { type: 'gone'; resource: ResourceRef };

export interface ResourceStatus {
  identifier: string;
  status: string;
}

/** Describes up to 100 resources of one type in one call (a `Filters` value list); every page. */
export type BatchDescriber = (identifiers: string[]) => Promise<ResourceStatus[]>;

const LABELS: Record<ResourceType, string> = {
  instance: 'DB instance',
  cluster: 'DB cluster',
  'cluster-snapshot': 'DB cluster snapshot',
  snapshot: 'DB snapshot',
};

function refsOf(expectation: StepExpectation): ResourceRef[] {
  switch (expectation.type) {
    case 'settled':
      return [];
    case 'renamed':
      return [expectation.from, expectation.to];
    default:
      return [expectation.resource];
  }
}

function key(ref: ResourceRef): string {
  // RDS identifiers are case-insensitive and reported in lower case.
  return `${ref.type}/${ref.identifier.toLowerCase()}`;
}

async function describeAll(
  expectations: readonly StepExpectation[],
  describers: Partial<Record<ResourceType, BatchDescriber>>,
): Promise<Map<string, string>> {
  const wanted = new Map<ResourceType, Set<string>>();
  for (const ref of expectations.flatMap(refsOf)) {
    const ids = wanted.get(ref.type) ?? new Set<string>();
    ids.add(ref.identifier.toLowerCase());
    wanted.set(ref.type, ids);
  }
  const statuses = new Map<string, string>();
  for (const [type, ids] of wanted) {
    const describe = describers[type];
    if (!describe) throw new Error(`No describer for ${LABELS[type]}s`);
    for (const batch of chunk([...ids], MAX_FILTER_VALUES)) {
      for (const found of await describe(batch))
        statuses.set(key({ type, identifier: found.identifier }), found.status);
    }
  }
  return statuses;
}

function describeRef(ref: ResourceRef): string {
  return `${LABELS[ref.type]} ${ref.identifier}`;
}

function availability(ref: ResourceRef, status: string | undefined): StepStatus {
  if (status === undefined) return { state: 'failed', reason: `${describeRef(ref)} does not exist` };
  switch (classifyStatus(status)) {
    case 'ready':
      return { state: 'done', detail: `${describeRef(ref)} is available` };
    case 'broken':
      return { state: 'failed', reason: `${describeRef(ref)} is ${status}` };
    default:
      return { state: 'pending', detail: `${describeRef(ref)} is ${status}` };
  }
}

function evaluate(expectation: StepExpectation, statuses: ReadonlyMap<string, string>): StepStatus {
  switch (expectation.type) {
    case 'settled':
      return expectation.status;
    case 'available':
      return availability(expectation.resource, statuses.get(key(expectation.resource)));
    case 'gone': {
      const status = statuses.get(key(expectation.resource));
      return status === undefined
        ? { state: 'done', detail: `${describeRef(expectation.resource)} is gone` }
        : { state: 'pending', detail: `${describeRef(expectation.resource)} is ${status}` };
    }
    case 'renamed': {
      const from = statuses.get(key(expectation.from));
      const to = statuses.get(key(expectation.to));
      if (from !== undefined) {
        // The old name stays, `renaming`, until RDS switches it over.
        return classifyStatus(from) === 'broken'
          ? { state: 'failed', reason: `${describeRef(expectation.from)} is ${from}` }
          : { state: 'pending', detail: `${describeRef(expectation.from)} is ${from}` };
      }
      if (to === undefined) {
        return {
          state: 'failed',
          reason: `Neither ${describeRef(expectation.from)} nor ${expectation.to.identifier} exists`,
        };
      }
      return availability(expectation.to, to);
    }
  }
}

/**
 * Checks many steps at once: collects every identifier the expectations name, describes each
 * type in batches of 100 (one call per batch, not per step), then evaluates each expectation.
 * Statuses come back in the order of `expectations`.
 */
export async function checkExpectations(
  expectations: readonly StepExpectation[],
  describers: Partial<Record<ResourceType, BatchDescriber>>,
): Promise<StepStatus[]> {
  const statuses = await describeAll(expectations, describers);
  return expectations.map((expectation) => evaluate(expectation, statuses));
}
