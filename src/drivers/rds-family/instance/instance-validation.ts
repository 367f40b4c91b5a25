import type { RDSClient } from '@aws-sdk/client-rds';
import type { StepContext } from '../../../domain/ports/database-driver.js';
import type { ValidationCheck } from '../../../domain/source.js';
import { commonChecks, endpointCheck, equalityCheck, missingTargetChecks } from '../validation-checks.js';
import { findInstance, instanceTags } from './instance-lookup.js';

/** Compares the restored instance with the plan. */
export async function validateInstance(rds: RDSClient, { plan, jobId }: StepContext): Promise<ValidationCheck[]> {
  const target = plan.target.identifier;
  const instance = await findInstance(rds, target);
  if (!instance) return missingTargetChecks('DB instance', target);
  const { settings } = plan;
  return [
    ...commonChecks(plan, jobId, instance, await instanceTags(rds, instance)),
    equalityCheck('instance class', settings.instanceClass, instance.instanceClass),
    equalityCheck('DB parameter group', settings.parameterGroup, instance.parameterGroup),
    equalityCheck('option group', settings.optionGroup, instance.optionGroup),
    equalityCheck('Multi-AZ', settings.multiAz, instance.multiAz),
    equalityCheck('storage type', settings.storageType, instance.storageType),
    endpointCheck(instance),
  ];
}
