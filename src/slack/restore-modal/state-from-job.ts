import { allowedExpiryChoices } from '../../domain/expiry-rules.js';
import type { Job } from '../../domain/job/job.js';
import type { Policy } from '../../domain/policy.js';
import { DEFAULT_EXPIRY_CHOICE, EXPIRY_CHOICES } from '../ids.js';
import { type RestoreModalState, withPolicyFacts } from './state.js';

export interface RequestAgain {
  job: Job;
  policy: Policy;
  /** The channel of the job's card, as the bot recorded it: the new request goes there too. */
  channelId: string;
  /** The zone of whoever asks again, who may not be the first requester. */
  timeZone: string;
}

/**
 * The restore modal filled in with what `job` asked for, so a rejected, cancelled or expired request
 * is asked again with one click and any change. Everything is checked again on submit, as for any
 * request: the policy, the source and the restore point may have changed since.
 */
export function modalStateFromJob({ job, policy, channelId, timeZone }: RequestAgain): RestoreModalState {
  const { request } = job;
  const targetEnvironment = request.target.environment ?? request.source.environment;
  const ifTargetExists = request.ifTargetExists;
  const expiryChoices = allowedExpiryChoices(policy, { targetEnvironment, ifTargetExists }, EXPIRY_CHOICES);
  const asked = request.expiresIn?.trim().toLowerCase();
  const point = request.restorePoint;
  return withPolicyFacts(
    {
      kind: request.kind,
      source: { environment: request.source.environment, identifier: request.source.identifier },
      targetEnvironment,
      environments: Object.keys(policy.environments),
      restorePointType: point.type,
      ...(point.type === 'time' ? { restoreTime: point.at } : {}),
      ...(point.type === 'snapshot' ? { snapshot: { value: point.id, label: point.id } } : {}),
      target: request.target.identifier,
      ifTargetExists,
      // An expiry the policy no longer allows falls back to the default, which the modal names.
      expiry: asked && expiryChoices.includes(asked) ? asked : DEFAULT_EXPIRY_CHOICE,
      expiryChoices,
      ...(policy.defaultExpiry ? { defaultExpiry: policy.defaultExpiry } : {}),
      reason: request.reason,
      timeZone,
      channelId,
    },
    policy,
  );
}
