import { checkView } from '@db-restore-bot/slack-sandbox';
import type { InputBlock, KnownBlock, ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPIRY_CHOICE, EXPIRY_CHOICES, RESTORE_MODAL } from '../../../src/slack/ids.js';
import { readRestoreModalMetadata } from '../../../src/slack/restore-modal/metadata.js';
import type { RestoreModalState } from '../../../src/slack/restore-modal/state.js';
import { buildRestoreModal, expiryLabel } from '../../../src/slack/restore-modal/view.js';

const BASE: RestoreModalState = {
  environments: ['production', 'acceptance'],
  restorePointType: 'latest',
  ifTargetExists: 'fail',
  expiry: '3d',
  expiryChoices: ['1d', '3d', '7d', '14d', '30d', 'never'],
  timeZone: 'Europe/Amsterdam',
  channelId: 'C0RESTORES',
};

const FILLED: RestoreModalState = {
  ...BASE,
  kind: 'aurora-cluster',
  source: { environment: 'production', identifier: 'orders' },
  targetEnvironment: 'acceptance',
  target: 'orders-20261122-1000',
  reason: 'find a bad migration',
};

function modal(state: RestoreModalState): ModalView {
  const view = buildRestoreModal(state);
  if (view.type !== 'modal') throw new Error('not a modal');
  return view;
}

function block(view: ModalView, blockId: string): KnownBlock | undefined {
  return view.blocks.find((candidate): candidate is KnownBlock => candidate.block_id === blockId) as
    | KnownBlock
    | undefined;
}

function input(view: ModalView, blockId: string): InputBlock {
  const found = block(view, blockId);
  if (found?.type !== 'input') throw new Error(`no input block ${blockId}`);
  return found;
}

describe('buildRestoreModal', () => {
  it('is the restore form: title, submit, close, callback id and the fields in order', () => {
    const view = modal(BASE);

    expect(view.title).toEqual({ type: 'plain_text', text: 'Restore a database' });
    expect(view.submit?.text).toBe('Request approval');
    expect(view.close?.text).toBe('Cancel');
    expect(view.callback_id).toBe(RESTORE_MODAL.callbackId);
    expect(view.blocks.map((candidate) => candidate.block_id)).toEqual([
      RESTORE_MODAL.kind.blockId,
      RESTORE_MODAL.source.blockId,
      RESTORE_MODAL.targetEnvironment.blockId,
      RESTORE_MODAL.restorePointType.blockId,
      RESTORE_MODAL.target.blockId,
      RESTORE_MODAL.ifTargetExists.blockId,
      RESTORE_MODAL.expiry.blockId,
      RESTORE_MODAL.reason.blockId,
      RESTORE_MODAL.whatHappens.blockId,
    ]);
    expect(checkView(view)).toEqual([]);
  });

  it('says what submitting does: the plan goes to the channel for an approver, nothing is restored yet', () => {
    const note = JSON.stringify(block(modal(BASE), RESTORE_MODAL.whatHappens.blockId));

    expect(note).toContain('*Request approval* posts the plan in <#C0RESTORES> for an approver');
    expect(note).toContain('Nothing is restored until someone else approves it');
  });

  it("says which environments can take a point-in-time restore of the source, and gives the policy's naming hint", () => {
    const view = modal({
      ...FILLED,
      environmentNotes: { production: 'Any restore point', acceptance: 'Snapshots only: another account or region' },
      targetNamingHint: 'names end in -copy or a date',
    });

    const environments = input(view, RESTORE_MODAL.targetEnvironment.blockId).element as {
      options: { value: string; description?: { text: string } }[];
    };
    expect(environments.options.map((choice) => [choice.value, choice.description?.text])).toEqual([
      ['production', 'Any restore point'],
      ['acceptance', 'Snapshots only: another account or region'],
    ]);
    expect(input(view, RESTORE_MODAL.target.blockId).hint?.text).toBe(
      'names end in -copy or a date. An existing name needs "Replace it" below.',
    );
    expect(checkView(view)).toEqual([]);
  });

  it('refreshes on kind, source, target environment and restore point changes', () => {
    const view = modal(BASE);

    const dispatching = view.blocks.filter(
      (candidate) => candidate.type === 'input' && (candidate as InputBlock).dispatch_action,
    );

    expect(dispatching.map((candidate) => candidate.block_id)).toEqual([
      RESTORE_MODAL.kind.blockId,
      RESTORE_MODAL.source.blockId,
      RESTORE_MODAL.targetEnvironment.blockId,
      RESTORE_MODAL.restorePointType.blockId,
    ]);
  });

  it('prefills what the state holds', () => {
    const view = modal({ ...FILLED, ifTargetExists: 'replace', expiry: '7d' });

    expect(input(view, RESTORE_MODAL.kind.blockId).element).toMatchObject({
      type: 'static_select',
      action_id: RESTORE_MODAL.kind.actionId,
      initial_option: { value: 'aurora-cluster', text: { text: 'Aurora cluster' } },
    });
    expect(input(view, RESTORE_MODAL.source.blockId).element).toMatchObject({
      type: 'external_select',
      action_id: RESTORE_MODAL.source.actionId,
      min_query_length: 0,
      initial_option: { value: 'production/orders', text: { text: 'orders · production' } },
    });
    expect(input(view, RESTORE_MODAL.targetEnvironment.blockId).element).toMatchObject({
      initial_option: { value: 'acceptance' },
    });
    expect(input(view, RESTORE_MODAL.target.blockId).element).toMatchObject({
      type: 'plain_text_input',
      initial_value: 'orders-20261122-1000',
    });
    expect(input(view, RESTORE_MODAL.ifTargetExists.blockId).element).toMatchObject({
      type: 'radio_buttons',
      initial_option: { value: 'replace' },
    });
    expect(input(view, RESTORE_MODAL.expiry.blockId).element).toMatchObject({ initial_option: { value: '7d' } });
    expect(input(view, RESTORE_MODAL.reason.blockId)).toMatchObject({
      element: { type: 'plain_text_input', multiline: true, initial_value: 'find a bad migration' },
    });
    expect(input(view, RESTORE_MODAL.reason.blockId).optional).toBeFalsy();
    expect(checkView(view)).toEqual([]);
  });

  it('latest: neither a time picker nor a snapshot list', () => {
    const view = modal(FILLED);

    expect(block(view, RESTORE_MODAL.restoreTime.blockId)).toBeUndefined();
    expect(block(view, RESTORE_MODAL.snapshot.blockId)).toBeUndefined();
    expect(input(view, RESTORE_MODAL.restorePointType.blockId).element).toMatchObject({
      initial_option: { value: 'latest' },
    });
  });

  it('time: a datetimepicker in epoch seconds, and the window in UTC and the user zone', () => {
    const view = modal({
      ...FILLED,
      restorePointType: 'time',
      restoreTime: new Date('2026-11-22T08:30:00Z'),
      window: { earliest: new Date('2026-11-15T10:00:00Z'), latest: new Date('2026-11-22T09:55:00Z') },
    });

    expect(input(view, RESTORE_MODAL.restoreTime.blockId).element).toEqual({
      type: 'datetimepicker',
      action_id: RESTORE_MODAL.restoreTime.actionId,
      initial_date_time: 1_795_336_200,
    });
    expect(block(view, RESTORE_MODAL.snapshot.blockId)).toBeUndefined();
    expect(block(view, RESTORE_MODAL.restorableWindow.blockId)).toEqual({
      type: 'context',
      block_id: RESTORE_MODAL.restorableWindow.blockId,
      elements: [
        {
          type: 'mrkdwn',
          text: ':clock3: Restorable from 2026-11-15 10:00 UTC (11:00 Europe/Amsterdam) to 2026-11-22 09:55 UTC (10:55 Europe/Amsterdam)',
        },
      ],
    });
    expect(checkView(view)).toEqual([]);
  });

  it('time without a chosen time: an empty picker', () => {
    const view = modal({ ...FILLED, restorePointType: 'time' });

    expect(input(view, RESTORE_MODAL.restoreTime.blockId).element).not.toHaveProperty('initial_date_time');
    expect(checkView(view)).toEqual([]);
  });

  it('snapshot: an external select with the chosen snapshot, a long ARN as its digest', () => {
    const arn = `arn:aws:rds:eu-west-1:999999999999:cluster-snapshot:${'s'.repeat(150)}`;

    const short = modal({
      ...FILLED,
      restorePointType: 'snapshot',
      snapshot: { value: 'orders-2026-11-21', label: 'orders-2026-11-21 · manual' },
    });
    const long = modal({ ...FILLED, restorePointType: 'snapshot', snapshot: { value: arn, label: arn } });

    expect(input(short, RESTORE_MODAL.snapshot.blockId).element).toMatchObject({
      type: 'external_select',
      action_id: RESTORE_MODAL.snapshot.actionId,
      min_query_length: 0,
      initial_option: { value: 'orders-2026-11-21', text: { text: 'orders-2026-11-21 · manual' } },
    });
    expect(block(short, RESTORE_MODAL.restoreTime.blockId)).toBeUndefined();
    expect(input(long, RESTORE_MODAL.snapshot.blockId).element).toMatchObject({
      initial_option: { value: expect.stringMatching(/^sha256:[0-9a-f]{40}$/) },
    });
    expect(checkView(short)).toEqual([]);
    expect(checkView(long)).toEqual([]);
  });

  it('offers first a default expiry that names the policy default and says a replacement never expires', () => {
    const view = modal({ ...FILLED, expiry: DEFAULT_EXPIRY_CHOICE, defaultExpiry: '3d' });

    const element = input(view, RESTORE_MODAL.expiry.blockId).element as { options: { value: string }[] };

    expect(element).toMatchObject({
      initial_option: { value: DEFAULT_EXPIRY_CHOICE, text: { text: 'Default: 3 days (a replacement: never)' } },
    });
    expect(element.options.map((choice) => choice.value)).toEqual([DEFAULT_EXPIRY_CHOICE, ...EXPIRY_CHOICES]);
    expect(checkView(view)).toEqual([]);
  });

  it('keeps a prefilled expiry that the menu does not list', () => {
    const view = modal({ ...FILLED, expiry: '12h' });

    const element = input(view, RESTORE_MODAL.expiry.blockId).element;

    expect(element).toMatchObject({ initial_option: { value: '12h', text: { text: '12 hours' } } });
    expect(checkView(view)).toEqual([]);
  });

  it('offers only the expiry choices it is given, and never brings back a "never" it was not offered', () => {
    const view = modal({ ...FILLED, expiry: 'never', expiryChoices: ['1d', '3d'] });

    const element = input(view, RESTORE_MODAL.expiry.blockId).element as { options: { value: string }[] };

    // The policy's default comes first (a replacement's default is never to expire), then the choices given.
    expect(element.options.map((choice) => choice.value)).toEqual([DEFAULT_EXPIRY_CHOICE, '1d', '3d']);
    expect(element).not.toHaveProperty('initial_option');
  });

  it('stays valid with oversized input', () => {
    const view = modal({
      ...FILLED,
      source: { environment: 'production', identifier: 'o'.repeat(3000) },
      target: 't'.repeat(5000),
      reason: 'r'.repeat(5000),
      restorePointType: 'snapshot',
      snapshot: { value: 'v'.repeat(400), label: 'l'.repeat(400) },
    });

    expect(checkView(view)).toEqual([]);
    expect(() => readRestoreModalMetadata(view.private_metadata ?? '')).not.toThrow();
  });
});

describe('expiryLabel', () => {
  it('reads choices as words', () => {
    expect(['1d', '3d', '12h', '2w', 'never'].map(expiryLabel)).toEqual([
      '1 day',
      '3 days',
      '12 hours',
      '2 weeks',
      'Never (keep it until deleted)',
    ]);
  });
});
