import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { JobConflictError } from '../../../domain/job/errors.js';
import { parseRestoreRequest } from '../../../domain/restore-request.js';
import { jobIdFor } from '../../../jobs/job-id.js';
import { ModalMetadataError } from '../../blocks/errors.js';
import type { ListenerDeps } from '../../deps.js';
import { fieldErrors, refusalOf } from '../../restore-modal/field-errors.js';
import { type RestoreModalMetadata, readRestoreModalMetadata } from '../../restore-modal/metadata.js';
import { requestFromModal } from '../../restore-modal/request-from-modal.js';
import { readRestoreModalValues } from '../../restore-modal/values.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The modal's "Request approval": validates through the domain (the planner reads AWS, writes
 * nothing) and either answers with errors on the fields or records the job awaiting approval
 * and closes the modal. The card is drawn by the worker, kicked by the job service.
 */
export function restoreRequestSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view }: SubmitArgs): Promise<void> => {
    const values = readRestoreModalValues(view.state.values);
    let metadata: RestoreModalMetadata;
    try {
      // The channel the request is for (and its channel policy) is the one the bot sealed, never one sent back to it.
      metadata = readRestoreModalMetadata(deps.metadataSeal.open(view.private_metadata));
    } catch (error) {
      if (!(error instanceof ModalMetadataError)) throw error;
      deps.log('restore modal metadata refused', { error: error.message });
      return ack(fieldErrors('kind', error.message, values.restorePointType));
    }
    try {
      const [principal, timeZone] = await Promise.all([
        deps.directory.principalOf(body.user.id),
        deps.directory.timeZoneOf(body.user.id),
      ]);
      const request = parseRestoreRequest(
        requestFromModal({ values, metadata, policy: deps.policy, requester: { ...principal, timeZone } }),
      );
      // The view id names the job: the same submission delivered again finds its job already created.
      const jobId = jobIdFor(`${view.team_id}/${view.id}`);
      await deps.service.request(request, { jobId }).catch(async (error: unknown) => {
        if (!(error instanceof JobConflictError) || !(await deps.store.get(jobId))) throw error;
      });
      await ack();
    } catch (error) {
      const refused = refusalOf(error);
      if (!refused) throw error;
      return ack(fieldErrors(refused.field, refused.message, values.restorePointType));
    }
  };
}
