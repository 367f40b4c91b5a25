import type { TargetSettings } from '../../domain/plan.js';

/**
 * An empty list is left out rather than sent: RDS reads an empty VpcSecurityGroupIds as "none
 * given" and would attach the default security group anyway, so sending it only hides the gap.
 */
export function securityGroupIdsInput(settings: TargetSettings): string[] | undefined {
  return settings.securityGroupIds.length > 0 ? [...settings.securityGroupIds] : undefined;
}
