import { describe, expect, it } from 'vitest';
import { RestoreInputError } from '../../../src/domain/errors.js';
import { parseRestoreRequest } from '../../../src/domain/restore-request.js';
import { DEFAULT_EXPIRY_CHOICE } from '../../../src/slack/ids.js';
import type { RestoreModalMetadata } from '../../../src/slack/restore-modal/metadata.js';
import { type ModalSubmission, requestFromModal } from '../../../src/slack/restore-modal/request-from-modal.js';
import type { RestoreModalValues } from '../../../src/slack/restore-modal/values.js';
import { examplePolicy } from '../../helpers/simulated-environment.js';

const REQUESTER = { userId: 'U0REQUESTER', userGroupIds: ['S0DEVELOPERS'], timeZone: 'Europe/Amsterdam' };
const METADATA: RestoreModalMetadata = {
  channelId: 'C0RESTORES',
  timeZone: 'Europe/Amsterdam',
  kind: 'aurora-cluster',
  restorePointType: 'latest',
};
const FILLED: RestoreModalValues = {
  kind: 'aurora-cluster',
  sourceValue: 'production/orders',
  restorePointType: 'latest',
  target: 'orders-copy',
  ifTargetExists: 'fail',
  expiry: DEFAULT_EXPIRY_CHOICE,
  reason: 'find the bad migration',
};

function submission(values: RestoreModalValues, metadata: Partial<RestoreModalMetadata> = {}): ModalSubmission {
  return { values, metadata: { ...METADATA, ...metadata }, policy: examplePolicy(), requester: REQUESTER };
}

/** The request as the domain reads it, or the field and message it refuses it with. */
function domainReading(input: ModalSubmission) {
  try {
    return parseRestoreRequest(requestFromModal(input));
  } catch (error) {
    if (error instanceof RestoreInputError) return { field: error.field, message: error.message };
    throw error;
  }
}

describe('requestFromModal', () => {
  it('reads a filled form as the request the person asked for, for the channel the bot sealed', () => {
    const request = domainReading(submission({ ...FILLED, targetEnvironment: 'acceptance', expiry: '7d' }));

    expect(request).toEqual({
      kind: 'aurora-cluster',
      source: { environment: 'production', identifier: 'orders' },
      target: { identifier: 'orders-copy', environment: 'acceptance' },
      restorePoint: { type: 'latest' },
      ifTargetExists: 'fail',
      expiresIn: '7d',
      reason: 'find the bad migration',
      requester: { ...REQUESTER, channelId: 'C0RESTORES' },
    });
  });

  it('restores into the source environment unless another is chosen, and asks no expiry for the default choice', () => {
    const input = requestFromModal(submission({ ...FILLED, sourceValue: 'acceptance/orders-acc' }));

    expect(input.target).toEqual({ identifier: 'orders-copy', environment: 'acceptance' });
    expect(input.expiresIn).toBeUndefined();
  });

  it('takes the kind and source the modal remembers when the form no longer holds them', () => {
    const { kind: _kind, sourceValue: _source, ...rest } = FILLED;

    const input = requestFromModal(
      submission(rest, {
        source: { environment: 'acceptance', identifier: 'orders-acc' },
        targetEnvironment: 'acceptance',
      }),
    );

    expect(input).toMatchObject({
      kind: 'aurora-cluster',
      source: { environment: 'acceptance', identifier: 'orders-acc' },
      target: { environment: 'acceptance' },
    });
  });

  it('drops a source chosen for another kind, as the redraw does, so the domain asks for one', () => {
    const reading = domainReading(submission({ ...FILLED, kind: 'docdb-cluster' }));

    expect(reading).toEqual({ field: 'source', message: 'Choose the database to restore.' });
  });

  it('names the source for a source in an environment the policy does not have', () => {
    expect(() => requestFromModal(submission({ ...FILLED, sourceValue: 'staging/orders' }))).toThrow(
      expect.objectContaining({ field: 'sourceEnvironment', message: expect.stringMatching(/staging/) }),
    );
  });

  it('passes the picked time, and leaves a missing time or snapshot for the domain to name', () => {
    const at = new Date('2026-11-21T08:30:00Z');

    expect(requestFromModal(submission({ ...FILLED, restorePointType: 'time', restoreTime: at })).restorePoint).toEqual(
      {
        type: 'time',
        at,
      },
    );
    expect(domainReading(submission({ ...FILLED, restorePointType: 'time' }))).toEqual({
      field: 'restorePoint',
      message: expect.stringMatching(/^Pick a real date and time/),
    });
    expect(domainReading(submission({ ...FILLED, restorePointType: 'snapshot' }))).toEqual({
      field: 'restorePoint',
      message: 'Choose a snapshot.',
    });
  });

  it('passes a snapshot option value as it is: the ARN, or the digest the planner knows it by', () => {
    const digest = `sha256:${'a'.repeat(40)}`;

    const input = requestFromModal(submission({ ...FILLED, restorePointType: 'snapshot', snapshotValue: digest }));

    expect(input.restorePoint).toEqual({ type: 'snapshot', id: digest });
  });

  it('reads the restore point type the modal remembers when the form sends none', () => {
    const { restorePointType: _type, ...rest } = FILLED;
    const at = new Date('2026-11-21T08:30:00Z');

    const input = requestFromModal(submission({ ...rest, restoreTime: at }, { restorePointType: 'time' }));

    expect(input.restorePoint).toEqual({ type: 'time', at });
  });

  it('leaves an empty name and reason for the domain to refuse on their fields', () => {
    const { target: _target, reason: _reason, ...rest } = FILLED;

    expect(domainReading(submission(rest))).toMatchObject({ field: 'target' });
    expect(domainReading(submission({ ...rest, target: 'orders-copy' }))).toMatchObject({ field: 'reason' });
  });
});
