import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { isToldToPerson } from '../../../domain/job/errors.js';
import { ModalMetadataError } from '../../blocks/errors.js';
import type { ListenerDeps } from '../../deps.js';
import { REJECT_MODAL } from '../../ids.js';

export function rejectReasonSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const reason = view.state.values[REJECT_MODAL.reason.blockId]?.[REJECT_MODAL.reason.actionId]?.value?.trim() ?? '';
    if (reason === '') {
      return ack({
        response_action: 'errors',
        errors: { [REJECT_MODAL.reason.blockId]: 'give a reason for rejecting' },
      });
    }
    try {
      const jobId = deps.metadataSeal.open(view.private_metadata);
      await deps.service.reject(jobId, await deps.directory.principalOf(body.user.id), reason);
      await ack();
    } catch (error) {
      if (!(isToldToPerson(error) || error instanceof ModalMetadataError)) throw error;
      await ack({ response_action: 'errors', errors: { [REJECT_MODAL.reason.blockId]: error.message } });
    }
  };
}
