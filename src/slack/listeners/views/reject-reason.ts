import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { JobNotFoundError, JobTransitionError } from '../../../domain/job/errors.js';
import { checkRejectReason } from '../../../domain/reason.js';
import type { ListenerDeps } from '../../deps.js';
import { REJECT_MODAL } from '../../ids.js';

export function rejectReasonSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const checked = checkRejectReason(
      view.state.values[REJECT_MODAL.reason.blockId]?.[REJECT_MODAL.reason.actionId]?.value ?? undefined,
    );
    if ('problem' in checked) {
      return ack({ response_action: 'errors', errors: { [REJECT_MODAL.reason.blockId]: checked.problem } });
    }
    try {
      await deps.service.reject(view.private_metadata, await deps.directory.principalOf(body.user.id), checked.reason);
      await ack();
    } catch (error) {
      if (!(error instanceof JobTransitionError || error instanceof JobNotFoundError)) throw error;
      await ack({ response_action: 'errors', errors: { [REJECT_MODAL.reason.blockId]: error.message } });
    }
  };
}
