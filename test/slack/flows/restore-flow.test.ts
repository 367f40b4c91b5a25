import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAG_EXPIRES_AT, TAG_JOB_ID } from '../../../src/domain/managed-resources.js';
import { extendActionId, extendButtonValue, JOB_ACTIONS, REJECT_MODAL, RESTORE_MODAL } from '../../../src/slack/ids.js';
import { CHANNEL, type SlackHarness, startSlackHarness } from '../../helpers/slack-harness.js';

const REQUESTER = 'U0REQUESTER';
const APPROVER = 'U0APPROVER';
const OUTSIDER = 'U0OUTSIDER';

let harness: SlackHarness;

beforeAll(async () => {
  harness = await startSlackHarness();
});

afterAll(async () => {
  await harness.stop();
});

const option = (value: string, text = value) => ({ text: { type: 'plain_text', text }, value });

interface ModalInput {
  kind?: string;
  source?: string;
  target?: string;
  pointType?: 'latest' | 'time' | 'snapshot';
  time?: Date;
  snapshot?: string;
  replace?: boolean;
  /** An expiry choice; left out, the modal's default stays selected. */
  expiry?: string;
  reason?: string;
}

/** Opens the modal with `/restore` as `user` and fills it the way a person would, dispatching as Slack does. */
async function fillRestoreModal(user: string, input: ModalInput): Promise<string> {
  const { standIn } = harness;
  const command = await standIn.slashCommand({ user, channel: CHANNEL, command: '/restore', text: '' });
  expect(command.status).toBe(200);
  let view = harness.openView(user);
  await standIn.actInView({
    user,
    viewId: view.id,
    blockId: RESTORE_MODAL.kind.blockId,
    actionId: RESTORE_MODAL.kind.actionId,
    action: { type: 'static_select', selected_option: option(input.kind ?? 'aurora-cluster') },
  });
  view = harness.openView(user);
  await standIn.actInView({
    user,
    viewId: view.id,
    blockId: RESTORE_MODAL.source.blockId,
    actionId: RESTORE_MODAL.source.actionId,
    action: { type: 'external_select', selected_option: option(input.source ?? 'production/orders') },
  });
  if (input.pointType && input.pointType !== 'latest') {
    await standIn.actInView({
      user,
      viewId: view.id,
      blockId: RESTORE_MODAL.restorePointType.blockId,
      actionId: RESTORE_MODAL.restorePointType.actionId,
      action: { type: 'radio_buttons', selected_option: option(input.pointType) },
    });
  }
  view = harness.openView(user);
  if (input.time) {
    standIn.setViewValue(view.id, RESTORE_MODAL.restoreTime.blockId, RESTORE_MODAL.restoreTime.actionId, {
      type: 'datetimepicker',
      selected_date_time: Math.floor(input.time.getTime() / 1000),
    });
  }
  if (input.snapshot) {
    standIn.setViewValue(view.id, RESTORE_MODAL.snapshot.blockId, RESTORE_MODAL.snapshot.actionId, {
      type: 'external_select',
      selected_option: option(input.snapshot),
    });
  }
  standIn.setViewValue(view.id, RESTORE_MODAL.target.blockId, RESTORE_MODAL.target.actionId, {
    type: 'plain_text_input',
    value: input.target ?? 'orders-copy',
  });
  if (input.replace) {
    standIn.setViewValue(view.id, RESTORE_MODAL.ifTargetExists.blockId, RESTORE_MODAL.ifTargetExists.actionId, {
      type: 'radio_buttons',
      selected_option: option('replace'),
    });
  }
  if (input.expiry) {
    standIn.setViewValue(view.id, RESTORE_MODAL.expiry.blockId, RESTORE_MODAL.expiry.actionId, {
      type: 'static_select',
      selected_option: option(input.expiry),
    });
  }
  standIn.setViewValue(view.id, RESTORE_MODAL.reason.blockId, RESTORE_MODAL.reason.actionId, {
    type: 'plain_text_input',
    value: input.reason ?? 'find the bad migration',
  });
  return view.id;
}

/** Fills and submits; returns the job created (found through the store by target). */
async function requestRestore(input: ModalInput) {
  const viewId = await fillRestoreModal(REQUESTER, input);
  const submitted = await harness.standIn.submitView({ user: REQUESTER, viewId });
  expect(submitted.outcome).toEqual({ action: 'closed' });
  const job = await harness.eventually(
    async () =>
      (await harness.composition.store.listActive()).find((active) => active.plan.target.identifier === input.target),
    `job for ${input.target}`,
  );
  const card = await harness.cardOf(job.id);
  return { job, card };
}

function clickOnCard(user: string, card: { ts: string }, actionId: string, jobId: string) {
  return harness.standIn.clickButton({ user, channel: CHANNEL, messageTs: card.ts, actionId, value: jobId });
}

function lastEphemeral(user: string): string | undefined {
  return harness.standIn.ephemerals(CHANNEL, user).at(-1)?.text;
}

function cardText(message: { text: string; blocks: unknown[] }): string {
  return `${message.text}\n${JSON.stringify(message.blocks)}`;
}

describe('the restore flow over HTTP', () => {
  it('goes from the modal to an approved, validated restore on one card', async () => {
    const { job, card } = await requestRestore({
      kind: 'aurora-cluster',
      source: 'production/orders',
      target: 'orders-flow',
    });
    expect(job.status).toBe('awaiting_approval');
    expect(card.blocks.length).toBeGreaterThan(3);
    expect(cardText(card)).toContain('orders-flow');
    expect(cardText(card)).toContain(JOB_ACTIONS.approve);

    const click = await clickOnCard(APPROVER, card, JOB_ACTIONS.approve, job.id);
    expect(click.status).toBe(200);
    const finished = await harness.runToEnd(job.id);
    expect(finished.status).toBe('succeeded');

    const final = await harness.eventually(() => {
      const message = harness.standIn.message(CHANNEL, card.ts);
      return message && cardText(message).includes('Validation') ? message : undefined;
    }, 'the succeeded card with its validation report');
    expect(final.ts).toBe(card.ts);
    expect(cardText(final)).not.toContain(JOB_ACTIONS.approve);
    expect(harness.standIn.messages(CHANNEL).filter((message) => message.text.includes('orders-flow'))).toHaveLength(1);
    expect(final.replies.length).toBeGreaterThan(0);
  });

  it('extends a restored copy, then deletes it now, from its card', async () => {
    const { job, card } = await requestRestore({
      kind: 'rds-instance',
      source: 'production/billing-db',
      target: 'billing-copy',
    });
    await clickOnCard(APPROVER, card, JOB_ACTIONS.approve, job.id);
    const finished = await harness.runToEnd(job.id);
    const expiresAt = finished.expiry?.at.getTime() ?? 0;
    const succeededCard = await harness.eventually(() => {
      const message = harness.standIn.message(CHANNEL, card.ts);
      return message && cardText(message).includes(JOB_ACTIONS.extend) ? message : undefined;
    }, 'the card with Extend');

    // Act: Extend by 7 days.
    await clickOnCard(REQUESTER, succeededCard, extendActionId('7d'), extendButtonValue(job.id, '7d'));
    const extended = await harness.eventually(async () => {
      const current = await harness.composition.store.get(job.id);
      return current && (current.expiry?.at.getTime() ?? 0) > expiresAt ? current : undefined;
    }, 'the later expiry');
    await harness.composition.worker.tick();

    // Assess: the job, the card's expiry line and the copy's tag show one instant.
    const at = extended.expiry?.at as Date;
    expect(at.getTime()).toBe(expiresAt + 7 * 86_400_000);
    expect(extended.events.map((event) => event.type)).toContain('extended');
    const shown = `${at.toISOString().slice(0, 10)} ${at.toISOString().slice(11, 16)} UTC`;
    const redrawn = await harness.eventually(() => {
      const message = harness.standIn.message(CHANNEL, card.ts);
      return message && cardText(message).includes(`:calendar: Expires <!date^${at.getTime() / 1000}^`)
        ? message
        : undefined;
    }, 'the card with the new expiry');
    expect(cardText(redrawn)).toContain(`|${shown}>`);
    const old = new Date(expiresAt);
    expect(cardText(redrawn)).not.toContain(`${old.toISOString().slice(0, 10)} ${old.toISOString().slice(11, 16)} UTC`);
    const copy = await harness.composition
      .driverFor('rds-instance', extended.plan.target.environment)
      .findExisting('billing-copy');
    expect(copy?.tags[TAG_EXPIRES_AT]).toBe(at.toISOString());

    // A choice the card does not offer, sent anyway, is refused to the clicker and changes nothing.
    await harness.standIn.clickButton({
      user: REQUESTER,
      channel: CHANNEL,
      messageTs: card.ts,
      actionId: extendActionId('7d'),
      forgedValue: extendButtonValue(job.id, '90d'),
    });
    await harness.eventually(() => lastEphemeral(REQUESTER)?.includes('is not an Extend choice'), 'the refusal');
    expect((await harness.composition.store.get(job.id))?.expiry?.at.getTime()).toBe(at.getTime());

    await clickOnCard(REQUESTER, succeededCard, JOB_ACTIONS.deleteNow, job.id);
    for (let tick = 0; tick < 30; tick += 1) {
      await harness.composition.worker.tick();
      if ((await harness.composition.store.get(job.id))?.expiry?.state === 'deleted') break;
      harness.clock.advance(60_000);
    }
    await harness.eventually(() => {
      const message = harness.standIn.message(CHANNEL, card.ts);
      return message &&
        cardText(message).includes('*Copy deleted* · `billing-copy` was deleted <!date^') &&
        cardText(message).includes('its final snapshot `billing-copy-expired-') &&
        !cardText(message).includes('is ready') &&
        !cardText(message).includes(JOB_ACTIONS.extend)
        ? message
        : undefined;
    }, 'the card whose headline says the copy was deleted');
  });

  it('names the copy a failed restore left on its card, and deletes it on Delete now', async () => {
    // Prepare: the restore is made, then its writer instance is refused for good
    const { job, card } = await requestRestore({
      kind: 'aurora-cluster',
      source: 'production/orders',
      target: 'orders-left',
    });
    harness.sim.faults.failNext('CreateDBInstance', 'InvalidParameterCombination', 'Simulated refusal.');
    await clickOnCard(APPROVER, card, JOB_ACTIONS.approve, job.id);
    const failed = await harness.runToEnd(job.id);
    expect(failed.status).toBe('failed');
    const failedCard = await harness.eventually(() => {
      const message = harness.standIn.message(CHANNEL, card.ts);
      return message && cardText(message).includes(JOB_ACTIONS.deleteNow) ? message : undefined;
    }, 'the failed card with Delete now');
    expect(cardText(failedCard)).toContain('The failed restore left `orders-left` behind');

    // Act
    await clickOnCard(REQUESTER, failedCard, JOB_ACTIONS.deleteNow, job.id);
    for (let tick = 0; tick < 30; tick += 1) {
      await harness.composition.worker.tick();
      if ((await harness.composition.store.get(job.id))?.expiry?.state === 'deleted') break;
      harness.clock.advance(60_000);
    }

    // Assess
    expect(
      await harness.composition.driverFor('aurora-cluster', 'production').findExisting('orders-left'),
    ).toBeUndefined();
    await harness.eventually(() => {
      const message = harness.standIn.message(CHANNEL, card.ts);
      return message &&
        cardText(message).includes('`orders-left`, left by the failed restore, was deleted') &&
        !cardText(message).includes(JOB_ACTIONS.deleteNow)
        ? message
        : undefined;
    }, 'the failed card saying the leftover was deleted');
  });

  it('gives a replacement no expiry unless asked: no expires-at tag on the new database', async () => {
    // Prepare
    const { job, card } = await requestRestore({
      kind: 'aurora-cluster',
      source: 'acceptance/orders-acc',
      target: 'inventory-acc',
      replace: true,
    });
    expect(job.plan.replace?.identifier).toBe('inventory-acc');
    expect(job.plan.expiresAt).toBeUndefined();
    expect(cardText(card)).toContain('never (kept until someone deletes it)');

    // Act
    await clickOnCard(APPROVER, card, JOB_ACTIONS.approve, job.id);
    const finished = await harness.runToEnd(job.id);

    // Assess
    expect(finished.status).toBe('succeeded');
    expect(finished.expiry).toBeUndefined();
    const replacement = await harness.composition
      .driverFor('aurora-cluster', 'acceptance')
      .findExisting('inventory-acc');
    expect(replacement?.tags[TAG_JOB_ID]).toBe(job.id);
    expect(Object.keys(replacement?.tags ?? {})).not.toContain(TAG_EXPIRES_AT);
  });

  it('keeps an expiry asked for on a replace, and warns loudly that the replacement will be deleted', async () => {
    const { job, card } = await requestRestore({
      kind: 'aurora-cluster',
      source: 'acceptance/orders-acc',
      target: 'inventory-acc',
      replace: true,
      expiry: '7d',
    });
    expect(job.plan.expiresAt?.getTime()).toBe(harness.clock.now().getTime() + 7 * 86_400_000);
    expect(cardText(card)).toContain(':warning: *`inventory-acc` will be DELETED <!date^');
    await clickOnCard(REQUESTER, card, JOB_ACTIONS.cancel, job.id);
  });

  it('refuses the requester approving their own request, ephemerally, and changes nothing', async () => {
    const { job, card } = await requestRestore({ target: 'orders-self' });
    await clickOnCard(REQUESTER, card, JOB_ACTIONS.approve, job.id);
    await harness.eventually(() => lastEphemeral(REQUESTER)?.includes('someone else must approve'), 'the refusal');
    expect((await harness.composition.store.get(job.id))?.status).toBe('awaiting_approval');
  });

  it('refuses someone who is not an approver', async () => {
    const { job, card } = await requestRestore({ target: 'orders-outsider' });
    await clickOnCard(OUTSIDER, card, JOB_ACTIONS.approve, job.id);
    await harness.eventually(() => lastEphemeral(OUTSIDER)?.includes('not an approver for production'), 'the refusal');
    expect((await harness.composition.store.get(job.id))?.approvals).toEqual([]);
  });

  it('approves once when the approver clicks twice at once', async () => {
    const { job, card } = await requestRestore({ target: 'orders-double' });
    await Promise.all([
      clickOnCard(APPROVER, card, JOB_ACTIONS.approve, job.id),
      clickOnCard(APPROVER, card, JOB_ACTIONS.approve, job.id),
    ]);
    const stored = await harness.eventually(async () => {
      const current = await harness.composition.store.get(job.id);
      return current?.status === 'running' ? current : undefined;
    }, 'the job running');
    expect(stored.approvals).toHaveLength(1);
    expect(stored.events.filter((event) => event.type === 'started')).toHaveLength(1);
  });

  it('rejects with a reason given in a modal', async () => {
    const { job, card } = await requestRestore({ target: 'orders-rejected' });
    await clickOnCard(APPROVER, card, JOB_ACTIONS.reject, job.id);
    const reasonView = harness.openView(APPROVER);
    expect(reasonView.definition.callback_id).toBe(REJECT_MODAL.callbackId);
    harness.standIn.setViewValue(reasonView.id, REJECT_MODAL.reason.blockId, REJECT_MODAL.reason.actionId, {
      type: 'plain_text_input',
      value: 'use the staging copy instead',
    });
    const submitted = await harness.standIn.submitView({ user: APPROVER, viewId: reasonView.id });
    expect(submitted.outcome).toEqual({ action: 'closed' });
    const stored = await harness.composition.store.get(job.id);
    expect(stored?.status).toBe('rejected');
    expect(stored?.rejection?.reason).toBe('use the staging copy instead');
    await harness.eventually(() => {
      const message = harness.standIn.message(CHANNEL, card.ts);
      return message && cardText(message).includes('use the staging copy instead') ? message : undefined;
    }, 'the rejected card');
  });

  it('lets the requester cancel before approval', async () => {
    const { job, card } = await requestRestore({ target: 'orders-cancelled' });
    await clickOnCard(OUTSIDER, card, JOB_ACTIONS.cancel, job.id);
    await harness.eventually(() => lastEphemeral(OUTSIDER)?.includes('only the requester'), 'the refusal');
    await clickOnCard(REQUESTER, card, JOB_ACTIONS.cancel, job.id);
    await harness.eventually(
      async () => (await harness.composition.store.get(job.id))?.status === 'cancelled',
      'cancelled',
    );
  });

  it('expires a request nobody approves in time', async () => {
    const { job, card } = await requestRestore({ target: 'orders-expiring' });
    harness.clock.advance(5 * 3_600_000);
    await harness.composition.worker.tick();
    expect((await harness.composition.store.get(job.id))?.status).toBe('expired');
    const expired = await harness.eventually(() => {
      const message = harness.standIn.message(CHANNEL, card.ts);
      return message && !cardText(message).includes(JOB_ACTIONS.approve) ? message : undefined;
    }, 'the card without its buttons');
    expect(cardText(expired).toLowerCase()).toContain('expired');
  });
});

describe('a snapshot whose ARN is longer than an option value', () => {
  it('is restored from as picked in the list, and the submission lists snapshots only once, in the planner', async () => {
    // Prepare: a manual snapshot of orders whose ARN (over 150 characters) travels as a digest.
    const longId = `orders-before-the-migration-${'x'.repeat(120)}`;
    const arn = harness.sim.rds.addClusterSnapshot(
      { accountId: '111111111111', region: 'eu-west-1' },
      { id: longId, sourceId: 'orders' },
    );
    expect(arn.length).toBeGreaterThan(150);
    const viewId = await fillRestoreModal(REQUESTER, { target: 'orders-long-snap', pointType: 'snapshot' });
    const offered = await harness.standIn.loadOptions({
      user: REQUESTER,
      viewId,
      blockId: RESTORE_MODAL.snapshot.blockId,
      actionId: RESTORE_MODAL.snapshot.actionId,
      value: 'before-the-migration',
    });
    const [picked] = offered.options;
    if (!picked) throw new Error('the snapshot was not offered');
    expect(offered.problems).toEqual([]);
    expect(picked.value).toMatch(/^sha256:/);
    harness.standIn.setViewValue(viewId, RESTORE_MODAL.snapshot.blockId, RESTORE_MODAL.snapshot.actionId, {
      type: 'external_select',
      selected_option: picked,
    });
    const listings = () => harness.sim.callsOf('DescribeDBClusterSnapshots').length;
    const beforeOneListing = listings();
    await harness.composition.driverFor('aurora-cluster', 'production').listRestoreCandidates({ includeShared: true });
    const callsOfOneListing = listings() - beforeOneListing;

    // Act
    const beforeSubmit = listings();
    const submitted = await harness.standIn.submitView({ user: REQUESTER, viewId });

    // Assess
    expect(submitted.outcome).toEqual({ action: 'closed' });
    expect(listings() - beforeSubmit).toBe(callsOfOneListing);
    const job = await harness.eventually(
      async () =>
        (await harness.composition.store.listActive()).find(
          (active) => active.plan.target.identifier === 'orders-long-snap',
        ),
      'job for orders-long-snap',
    );
    expect(job.plan.method).toMatchObject({ type: 'snapshot', snapshot: { id: longId, arn } });
  });
});

describe('modal errors on their fields', () => {
  it.each([
    ['a bad target name', { target: '1orders' }, RESTORE_MODAL.target.blockId, /must start with a letter/],
    [
      'a protected target',
      { kind: 'rds-instance', source: 'production/billing-db', target: 'orders-db' },
      RESTORE_MODAL.target.blockId,
      /protected/,
    ],
    [
      'a time outside the window',
      { target: 'orders-ancient', pointType: 'time' as const, time: new Date('2026-10-01T00:00:00Z') },
      RESTORE_MODAL.restoreTime.blockId,
      /before the earliest restorable time/,
    ],
    [
      'an unknown snapshot',
      {
        target: 'orders-snap',
        pointType: 'snapshot' as const,
        snapshot: 'arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:nope',
      },
      RESTORE_MODAL.snapshot.blockId,
      /not available/,
    ],
  ])('%s', async (_case, input, blockId, message) => {
    const viewId = await fillRestoreModal(REQUESTER, input);
    const submitted = await harness.standIn.submitView({ user: REQUESTER, viewId });
    expect(submitted.outcome.action).toBe('errors');
    const errors = submitted.outcome.action === 'errors' ? submitted.outcome.errors : {};
    expect(Object.keys(errors)).toEqual([blockId]);
    expect(errors[blockId]).toMatch(message);
  });

  it('a time in the future, on the time picker, whatever the restorable window says', async () => {
    const future = new Date(harness.clock.now().getTime() + 3_600_000);
    const viewId = await fillRestoreModal(REQUESTER, { target: 'orders-future', pointType: 'time', time: future });
    const submitted = await harness.standIn.submitView({ user: REQUESTER, viewId });
    expect(submitted.outcome).toEqual({
      action: 'errors',
      errors: { [RESTORE_MODAL.restoreTime.blockId]: expect.stringMatching(/is in the future.*use "latest"/) },
    });
  });

  it('a requester the target environment does not allow', async () => {
    const viewId = await fillRestoreModal(OUTSIDER, { target: 'orders-outside' });
    const submitted = await harness.standIn.submitView({ user: OUTSIDER, viewId });
    expect(submitted.outcome).toMatchObject({
      action: 'errors',
      // A modal's field errors are plain text: a mention would show as its raw <@id>.
      errors: {
        [RESTORE_MODAL.targetEnvironment.blockId]:
          'you may not request restores into production: ask to be added to its requesters in the policy',
      },
    });
  });

  it('a target another active job is restoring onto', async () => {
    await requestRestore({ target: 'orders-busy' });
    const viewId = await fillRestoreModal(REQUESTER, { source: 'production/inventory', target: 'orders-busy' });
    const submitted = await harness.standIn.submitView({ user: REQUESTER, viewId });
    expect(submitted.outcome).toMatchObject({
      action: 'errors',
      errors: { [RESTORE_MODAL.target.blockId]: expect.stringMatching(/already has an active restore/) },
    });
  });
});

describe('Slack deliveries', () => {
  it('refuses a bad signature and a stale timestamp with 401', async () => {
    const badSignature = await harness.standIn.slashCommand(
      { user: REQUESTER, channel: CHANNEL, command: '/restore', text: 'help' },
      { badSignature: true },
    );
    expect(badSignature.status).toBe(401);
    const stale = await harness.standIn.slashCommand(
      { user: REQUESTER, channel: CHANNEL, command: '/restore', text: 'help' },
      { staleBySeconds: 6 * 60 },
    );
    expect(stale.status).toBe(401);
  });

  it('starts one job when the same submission is delivered four times', async () => {
    const viewId = await fillRestoreModal(REQUESTER, { target: 'orders-retried' });
    const view = harness.standIn.view(viewId);
    expect(view).toBeDefined();
    const deliveries = await Promise.all(
      [0, 1, 2, 3].map((num) =>
        harness.standIn
          .submitView({ user: REQUESTER, viewId }, num === 0 ? {} : { retry: { num, reason: 'http_timeout' } })
          .catch((error: Error) => error),
      ),
    );
    expect(deliveries.some((delivery) => !(delivery instanceof Error) && delivery.status === 200)).toBe(true);
    const jobs = (await harness.composition.store.listActive()).filter(
      (job) => job.plan.target.identifier === 'orders-retried',
    );
    expect(jobs).toHaveLength(1);
  });

  it('answers help and unknown words ephemerally in the acknowledgement', async () => {
    const help = await harness.standIn.slashCommand({
      user: REQUESTER,
      channel: CHANNEL,
      command: '/restore',
      text: 'help',
    });
    expect(JSON.stringify(help.body)).toContain('/restore');
    const unknown = await harness.standIn.slashCommand({
      user: REQUESTER,
      channel: CHANNEL,
      command: '/restore',
      text: 'frobnicate',
    });
    expect(JSON.stringify(unknown.body)).toContain('frobnicate');
    expect((unknown.body as { response_type?: string }).response_type).toBe('ephemeral');
  });

  it('suggests the command a typo meant, and how to quote a time of several words', async () => {
    const opened = harness.standIn.callsTo('views.open').length;
    const typo = await harness.standIn.slashCommand({
      user: REQUESTER,
      channel: CHANNEL,
      command: '/restore',
      text: 'lsit',
    });
    const unquoted = await harness.standIn.slashCommand({
      user: REQUESTER,
      channel: CHANNEL,
      command: '/restore',
      text: 'aurora orders --at 2h ago',
    });

    expect(JSON.stringify(typo.body)).toContain('did you mean /restore list?');
    expect(JSON.stringify(unquoted.body)).toContain('--at \\"2h ago\\"');
    expect(harness.standIn.callsTo('views.open')).toHaveLength(opened);
  });
});
