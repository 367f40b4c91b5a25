import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { RestoreInputError } from '../../../domain/errors.js';
import { JobConflictError, TargetBusyError } from '../../../domain/job/errors.js';
import type { RestorePoint } from '../../../domain/restore-point.js';
import { parseRestoreRequest } from '../../../domain/restore-request.js';
import { parseSourceReference } from '../../../domain/source-reference.js';
import { jobIdFor } from '../../../jobs/job-id.js';
import { ModalMetadataError } from '../../blocks/errors.js';
import type { ListenerDeps } from '../../deps.js';
import { DEFAULT_EXPIRY_CHOICE } from '../../ids.js';
import { blockForField } from '../../restore-modal/field-errors.js';
import { type RestoreModalMetadata, readRestoreModalMetadata } from '../../restore-modal/metadata.js';
import { findSnapshotByOptionValue } from '../../restore-modal/options.js';
import { type RestoreModalValues, readRestoreModalValues } from '../../restore-modal/values.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The modal's "Show plan": validates through the domain (the planner reads AWS, writes
 * nothing) and either answers with errors on the fields or records the job awaiting approval
 * and closes the modal. The card is drawn by the worker, kicked by the job service.
 */
export function restoreRequestSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view }: SubmitArgs): Promise<void> => {
    const values = readRestoreModalValues(view.state.values);
    const fieldError = (field: Parameters<typeof blockForField>[0], message: string) =>
      ack({ response_action: 'errors', errors: { [blockForField(field, values.restorePointType)]: message } });
    let metadata: RestoreModalMetadata;
    try {
      // The channel the request is for (and its channel policy) is the one the bot sealed, never one sent back to it.
      metadata = readRestoreModalMetadata(deps.metadataSeal.open(view.private_metadata));
    } catch (error) {
      if (!(error instanceof ModalMetadataError)) throw error;
      deps.log('restore modal metadata refused', { error: error.message });
      return fieldError('kind', error.message);
    }
    try {
      const [principal, timeZone] = await Promise.all([
        deps.directory.principalOf(body.user.id),
        deps.directory.timeZoneOf(body.user.id),
      ]);
      const source = values.sourceValue ? parseSourceReference(values.sourceValue, deps.policy) : metadata.source;
      if (!source) return await fieldError('source', 'choose the database to restore');
      const kind = values.kind ?? metadata.kind;
      const request = parseRestoreRequest({
        kind,
        source,
        target: { identifier: values.target ?? '', environment: values.targetEnvironment ?? source.environment },
        restorePoint: await restorePointOf(values, kind, values.targetEnvironment ?? source.environment, deps),
        ifTargetExists: values.ifTargetExists ?? 'fail',
        // The default choice asks for no expiry: the planner gives a new copy the policy's, a replacement none.
        expiresIn: values.expiry === DEFAULT_EXPIRY_CHOICE ? undefined : values.expiry,
        reason: values.reason ?? '',
        requester: { ...principal, timeZone, channelId: metadata.channelId },
      });
      // The view id names the job: the same submission delivered again finds its job already created.
      const jobId = jobIdFor(`${view.team_id}/${view.id}`);
      await deps.service.request(request, { jobId }).catch(async (error: unknown) => {
        if (!(error instanceof JobConflictError) || !(await deps.store.get(jobId))) throw error;
      });
      await ack();
    } catch (error) {
      if (error instanceof RestoreInputError) return fieldError(error.field, error.message);
      if (error instanceof TargetBusyError || error instanceof JobConflictError)
        return fieldError('target', error.message);
      throw error;
    }
  };
}

async function restorePointOf(
  values: RestoreModalValues,
  kind: string | undefined,
  environment: string,
  deps: ListenerDeps,
): Promise<RestorePoint | undefined> {
  switch (values.restorePointType ?? 'latest') {
    case 'latest':
      return { type: 'latest' };
    case 'time':
      if (!values.restoreTime) throw new RestoreInputError('restorePoint', 'pick the date and time to restore to');
      if (values.restoreTime > deps.clock.now()) {
        throw new RestoreInputError('restorePoint', 'that time is in the future: pick a past time, or "latest"');
      }
      return { type: 'time', at: values.restoreTime };
    case 'snapshot': {
      const value = values.snapshotValue;
      if (!value) throw new RestoreInputError('restorePoint', 'choose a snapshot');
      // Long ARNs travel as digests (option values are limited to 150 characters): find the snapshot again.
      if (value.startsWith('arn:') || !kind) return { type: 'snapshot', id: value };
      const candidates = await deps
        .driverFor(kind as Parameters<ListenerDeps['driverFor']>[0], environment)
        .listRestoreCandidates({ includeShared: true });
      const found = findSnapshotByOptionValue(value, candidates);
      return { type: 'snapshot', id: found?.arn ?? value };
    }
  }
}
