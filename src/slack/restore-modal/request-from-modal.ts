import type { Policy } from '../../domain/policy.js';
import type { RestoreRequestInput } from '../../domain/restore-request.js';
import { DEFAULT_EXPIRY_CHOICE, type RestorePointType } from '../ids.js';
import type { RestoreModalMetadata } from './metadata.js';
import { modalChoices } from './state.js';
import type { RestoreModalValues } from './values.js';

export interface ModalSubmission {
  values: RestoreModalValues;
  /** What the bot sealed into the modal: the channel the request is for is this one, never one sent back. */
  metadata: RestoreModalMetadata;
  policy: Policy;
  /** Who submitted it, as the user directory knows them. */
  requester: { userId: string; userGroupIds: readonly string[]; timeZone: string };
}

/**
 * The domain's request input, from a submitted modal. Pure. It reads the modal's choices the way the
 * redraw does (modalChoices) and decides nothing else: what is missing stays missing, so the domain
 * (parseRestoreRequest, then the planner) names the field and says what to do. Throws a
 * RestoreInputError on the source only, for a source the policy refuses.
 */
export function requestFromModal({
  values,
  metadata,
  policy,
  requester,
}: ModalSubmission): Partial<RestoreRequestInput> {
  const choices = modalChoices(values, metadata, policy);
  return {
    kind: choices.kind,
    source: choices.source,
    target: { identifier: values.target ?? '', environment: choices.targetEnvironment },
    restorePoint: restorePointOf(choices.restorePointType, values),
    ifTargetExists: values.ifTargetExists ?? 'fail',
    // The default choice asks for no expiry: the planner gives a new copy the policy's, a replacement none.
    expiresIn: values.expiry === DEFAULT_EXPIRY_CHOICE ? undefined : values.expiry,
    reason: values.reason ?? '',
    requester: { ...requester, userGroupIds: [...requester.userGroupIds], channelId: metadata.channelId },
  };
}

/**
 * The restore point the form names. A snapshot's option value is its ARN or the domain's digest of it,
 * and goes as it is: the planner knows the snapshot by either.
 */
function restorePointOf(type: RestorePointType, values: RestoreModalValues): RestoreRequestInput['restorePoint'] {
  switch (type) {
    case 'latest':
      return { type: 'latest' };
    case 'time':
      return { type: 'time', at: values.restoreTime };
    case 'snapshot':
      return { type: 'snapshot', id: values.snapshotValue ?? '' };
  }
}
