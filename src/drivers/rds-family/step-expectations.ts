import type { StepContext } from '../../domain/ports/database-driver.js';
import type { BatchDescriber, ResourceType, StepExpectation } from './batch-check.js';
import type { Page } from './pagination.js';
import { collectAll } from './pagination.js';
import type { ResourceRecord } from './records.js';

/**
 * What the steps every RDS-family kind shares wait for, on the kind's primary resource (the
 * instance, or the cluster). `undefined` for the kind-specific steps (copy, writer).
 */
export function commonExpectation(context: StepContext, primary: ResourceType): StepExpectation | undefined {
  const { plan, step } = context;
  const ref = (identifier: string) => ({ type: primary, identifier });
  // Tag calls take effect at once: nothing to wait for.
  if (step === 'validate' || step === 'reapply-table-settings' || step === 'restore-original-tags')
    return { type: 'settled', status: { state: 'done' } };
  if (step === 'restore') return { type: 'available', resource: ref(plan.target.identifier) };
  // Our failed restore set aside, or our expired copy deleted: either way the target name is free.
  if (step === 'set-aside-failed-restore') return { type: 'gone', resource: ref(plan.target.identifier) };
  if (step === 'delete-restored-copy') {
    return { type: 'gone', resource: ref(context.copyIdentifier ?? plan.target.identifier) };
  }
  if (step !== 'rename-existing-target' && step !== 'delete-replaced-target' && step !== 'rename-back')
    return undefined;
  const replace = plan.replace;
  if (!replace) {
    return { type: 'settled', status: { state: 'failed', reason: `The plan replaces no existing target (${step})` } };
  }
  if (step === 'rename-existing-target') {
    return { type: 'renamed', from: ref(replace.identifier), to: ref(replace.renamedTo) };
  }
  if (step === 'rename-back') return { type: 'renamed', from: ref(replace.renamedTo), to: ref(replace.identifier) };
  return { type: 'gone', resource: ref(replace.renamedTo) };
}

/** A step the kind does not run: reported failed rather than waited on forever. */
export function unsupportedStep(context: StepContext): StepExpectation {
  return {
    type: 'settled',
    status: { state: 'failed', reason: `Step ${context.step} does not apply to ${context.plan.kind}` },
  };
}

/** A batch describer from a describe call that takes a `Filters` entry named `filterName`. */
export function filterDescriber(
  filterName: string,
  describe: (input: {
    Filters: { Name: string; Values: string[] }[];
    Marker?: string;
  }) => Promise<Page<ResourceRecord>>,
): BatchDescriber {
  return async (identifiers) => {
    const filters = [{ Name: filterName, Values: identifiers }];
    const records = await collectAll((marker) =>
      describe(marker ? { Filters: filters, Marker: marker } : { Filters: filters }),
    );
    return records.map(({ identifier, status }) => ({ identifier, status }));
  };
}
