import type { RDSClient } from '@aws-sdk/client-rds';
import type { StepContext } from '../../../domain/ports/database-driver.js';
import type { ValidationCheck } from '../../../domain/source.js';
import {
  carriedOverCheck,
  commonChecks,
  endpointCheck,
  equalityCheck,
  missingTargetChecks,
} from '../validation-checks.js';
import { findInstance, instanceTags } from './instance-lookup.js';

/** Compares the restored instance with the plan. */
export async function validateInstance(rds: RDSClient, { plan, jobId }: StepContext): Promise<ValidationCheck[]> {
  const target = plan.target.identifier;
  const instance = await findInstance(rds, target);
  if (!instance) return missingTargetChecks('DB instance', target);
  const { settings } = plan;
  return [
    ...commonChecks(plan, jobId, instance, await instanceTags(rds, instance)),
    equalityCheck('Instance class', settings.instanceClass, instance.instanceClass),
    carriedOverCheck(
      'DB parameter group',
      settings.parameterGroup,
      plan.source.parameterGroup,
      instance.parameterGroup,
    ),
    carriedOverCheck('Option group', settings.optionGroup, plan.source.optionGroup, instance.optionGroup),
    equalityCheck('Multi-AZ', settings.multiAz, instance.multiAz),
    equalityCheck('Storage type', settings.storageType, instance.storageType),
    endpointCheck(instance),
  ];
}
