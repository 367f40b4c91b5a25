import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_ACTIONS, REJECT_MODAL, RESTORE_MODAL } from '../../../src/slack/ids.js';
import { SEAL_LENGTH } from '../../../src/slack/metadata-seal.js';
import { fieldErrors, type SubmittedView, submitTampered } from '../../helpers/hostile-client.js';
import { CHANNEL, type SlackHarness, startSlackHarness } from '../../helpers/slack-harness.js';

const REQUESTER = 'U0REQUESTER';
const APPROVER = 'U0APPROVER';

/** Zod's own wording: a person must never see it on a field. */
const STOCK_ZOD_PHRASES = /^(Too small|Too big|Invalid input|Expected|Invalid|Required)/;

let harness: SlackHarness;

beforeAll(async () => {
  harness = await startSlackHarness();
});

afterAll(async () => {
  await harness.stop();
});

async function command(text: string) {
  return harness.standIn.slashCommand({ user: REQUESTER, channel: CHANNEL, command: '/restore', text });
}

function textOf(body: unknown): string {
  return JSON.stringify(body);
}

/** Runs `/restore text` and returns the modal it opened, or fails. */
async function openPrefilled(text: string) {
  const before = harness.standIn.callsTo('views.open').length;
  const answer = await command(text);
  expect(answer.status).toBe(200);
  expect(harness.standIn.callsTo('views.open').length, textOf(answer.body)).toBe(before + 1);
  const view = harness.standIn.openViews(REQUESTER).at(-1);
  if (!view) throw new Error('no modal opened');
  return view;
}

/** Runs `/restore text`, expecting an ephemeral refusal and no modal; returns the refusal's text. */
async function refused(text: string): Promise<string> {
  const before = harness.standIn.callsTo('views.open').length;
  const answer = await command(text);
  expect(answer.status).toBe(200);
  expect((answer.body as { response_type?: string }).response_type).toBe('ephemeral');
  expect(harness.standIn.callsTo('views.open')).toHaveLength(before);
  return textOf(answer.body);
}

function metadataOf(viewId: string): { source?: { environment: string; identifier: string } } {
  // The bot seals its metadata (an HMAC, then a dot): what it remembers follows the seal.
  return JSON.parse(String(harness.standIn.slackView(viewId).private_metadata).slice(SEAL_LENGTH));
}

function expiryOptionValues(viewId: string): string[] {
  const blocks = harness.standIn.slackView(viewId).blocks as {
    block_id?: string;
    element?: { options?: { value: string }[] };
  }[];
  const expiry = blocks.find((block) => block.block_id === RESTORE_MODAL.expiry.blockId);
  return (expiry?.element?.options ?? []).map((option) => option.value);
}

async function activeJobCount(): Promise<number> {
  return (await harness.composition.store.listActive()).length;
}

function setValue(view: SubmittedView, ids: { blockId: string; actionId: string }, value: Record<string, unknown>) {
  view.state.values[ids.blockId] = { ...view.state.values[ids.blockId], [ids.actionId]: value };
}

const option = (value: string) => ({ text: { type: 'plain_text', text: value || '(empty)' }, value });

describe('an ARN source selects the environment it names', () => {
  it('refuses an ARN of an account no environment is in, on the source, and opens no modal', async () => {
    const text = await refused('aurora arn:aws:rds:eu-west-1:999999999999:cluster:orders');
    expect(text).toMatch(/The source ARN names account 999999999999 in eu-west-1/);
    expect(text).toContain('no environment of the policy is in account 999999999999');
  });

  it('refuses an ARN whose region the account has no environment in', async () => {
    const text = await refused('aurora arn:aws:rds:us-east-1:111111111111:cluster:orders');
    expect(text).toMatch(/The source ARN names account 111111111111 in us-east-1/);
    expect(text).toContain('account 111111111111 only in eu-west-1');
  });

  it('refuses an ARN of one environment written after another', async () => {
    const text = await refused('aurora acceptance/arn:aws:rds:eu-west-1:111111111111:cluster:orders');
    expect(text).toContain('acceptance is account 222222222222 in eu-west-1');
  });

  it.each([
    ['an acceptance ARN selects acceptance', 'arn:aws:rds:eu-west-1:222222222222:cluster:orders-acc', 'acceptance'],
    ['a production ARN selects production', 'arn:aws:rds:eu-west-1:111111111111:cluster:orders', 'production'],
  ])('%s, and the plan restores from that account', async (_case, arn, environment) => {
    const target = `arn-${environment}-copy`;
    const view = await openPrefilled(`aurora ${arn} --as ${target} --reason "check the ARN form"`);
    expect(metadataOf(view.id).source).toEqual({ environment, identifier: arn });

    const submitted = await harness.standIn.submitView({ user: REQUESTER, viewId: view.id });
    expect(submitted.outcome).toEqual({ action: 'closed' });
    const job = (await harness.composition.store.listActive()).find(
      (active) => active.plan.target.identifier === target,
    );
    expect(job?.plan.sourceEnvironment).toBe(environment);
    expect(job?.plan.source.accountId).toBe(harness.composition.policy.environments[environment]?.accountId);
    expect(job?.plan.target.environment).toBe(environment);
  });
});

describe('bad input is refused at the command, with a message, and opens no modal', () => {
  it('refuses a source that does not exist, naming it', async () => {
    const text = await refused('aurora production/orders-typo --as orders-typo-copy');
    expect(text).toContain('No Aurora cluster named \\"orders-typo\\"');
  });

  it('refuses a snapshot that does not exist, offering the newest of the source', async () => {
    const text = await refused('aurora production/orders --snapshot orders-share-nope');
    expect(text).toMatch(
      /snapshot \\"orders-share-nope\\" is not available in production \(newest of orders: rds:orders-/,
    );
  });

  it('opens prefilled with a snapshot that exists', async () => {
    const snapshots = await harness.composition.driverFor('aurora-cluster', 'production').listRestoreCandidates({
      includeShared: true,
    });
    const snapshot = snapshots.find((candidate) => candidate.sourceIdentifier === 'orders');
    if (!snapshot) throw new Error('the demo has no snapshot of orders');
    const view = await openPrefilled(`aurora production/orders --snapshot ${snapshot.id}`);
    expect(JSON.stringify(harness.standIn.slackView(view.id))).toContain(snapshot.id);
  });

  it('refuses an absurd --expires naming the expiry', async () => {
    const text = await refused('aurora production/orders --expires 99999999999999999999d');
    expect(text).toContain('Expiry \\"99999999999999999999d\\" is not a duration');
  });

  it('refuses an expiry beyond the policy maximum', async () => {
    const text = await refused('aurora production/orders --expires 60d');
    expect(text).toContain('longer than the policy allows (30d)');
  });

  it('refuses an environment with an empty identifier, naming the source', async () => {
    const text = await refused('aurora acceptance/');
    expect(text).toContain('Name the source database after the environment, such as acceptance/orders.');
  });

  it('refuses an empty --as, naming the target', async () => {
    const text = await refused('aurora production/orders --as ""');
    expect(text).toContain('target');
  });
});

describe('"never" exists only where the policy allows it', () => {
  it('refuses --expires never into production, whose policy does not allow it', async () => {
    const text = await refused('aurora production/orders --expires never');
    expect(text).toContain('Copies in production always expire');
  });

  it('offers "Never" in the modal only for an environment that allows it', async () => {
    const production = await openPrefilled('aurora production/orders --as orders-never-prod');
    expect(expiryOptionValues(production.id)).not.toContain('never');
    expect(expiryOptionValues(production.id)).toContain('30d');

    const acceptance = await openPrefilled('aurora acceptance/orders-acc --expires never --as orders-never-acc');
    expect(expiryOptionValues(acceptance.id)).toContain('never');
  });

  it('refuses a submitted "never" for production on the expiry field, and starts nothing', async () => {
    const view = await openPrefilled('aurora production/orders --as orders-forever --reason "keep it forever"');
    const jobs = await activeJobCount();
    const answer = await submitTampered(harness, REQUESTER, view.id, (submitted) => {
      setValue(submitted, RESTORE_MODAL.expiry, { type: 'static_select', selected_option: option('never') });
    });
    expect(fieldErrors(answer)).toEqual({
      [RESTORE_MODAL.expiry.blockId]: expect.stringContaining('Copies in production always expire'),
    });
    expect(await activeJobCount()).toBe(jobs);
  });

  it('keeps a copy with no expiry where the policy allows it', async () => {
    const view = await openPrefilled(
      'aurora acceptance/orders-acc --expires never --as orders-kept --reason "keep it"',
    );
    const submitted = await harness.standIn.submitView({ user: REQUESTER, viewId: view.id });
    expect(submitted.outcome).toEqual({ action: 'closed' });
    const job = (await harness.composition.store.listActive()).find(
      (active) => active.plan.target.identifier === 'orders-kept',
    );
    expect(job?.plan.expiresAt).toBeUndefined();
  });
});

type HostileCase = [string, (view: SubmittedView) => void, string, RegExp];

const HOSTILE_SUBMISSIONS: HostileCase[] = [
  [
    'a whitespace target',
    (view) => setValue(view, RESTORE_MODAL.target, { type: 'plain_text_input', value: '   ' }),
    RESTORE_MODAL.target.blockId,
    /^Give the new database a name, such as orders-copy\.$/,
  ],
  [
    'an empty expiry',
    (view) => setValue(view, RESTORE_MODAL.expiry, { type: 'static_select', selected_option: option('') }),
    RESTORE_MODAL.expiry.blockId,
    /^Choose when the copy is deleted, such as 3d\.$/,
  ],
  [
    'a reason over 500 characters',
    (view) => setValue(view, RESTORE_MODAL.reason, { type: 'plain_text_input', value: 'r'.repeat(612) }),
    RESTORE_MODAL.reason.blockId,
    /^Keep the reason to 500 characters or fewer \(it has 612\)\.$/,
  ],
  [
    'a one-letter reason',
    (view) => setValue(view, RESTORE_MODAL.reason, { type: 'plain_text_input', value: 'x' }),
    RESTORE_MODAL.reason.blockId,
    /^Give a reason of at least 3 characters for this restore: approvers read it\.$/,
  ],
  [
    'an out-of-range time',
    (view) => {
      setValue(view, RESTORE_MODAL.restorePointType, { type: 'radio_buttons', selected_option: option('time') });
      setValue(view, RESTORE_MODAL.restoreTime, { type: 'datetimepicker', selected_date_time: 1e20 });
    },
    RESTORE_MODAL.restoreTime.blockId,
    /^Pick a real date and time to restore to, inside the restorable window\.$/,
  ],
  [
    'a point-in-time restore into another account',
    (view) =>
      setValue(view, RESTORE_MODAL.targetEnvironment, {
        type: 'static_select',
        selected_option: option('acceptance'),
      }),
    RESTORE_MODAL.targetEnvironment.blockId,
    /^acceptance is in another account or region than production: it can receive only a snapshot shared with it/,
  ],
  [
    'metadata that is not JSON',
    (view) => {
      view.private_metadata = '{not json';
    },
    RESTORE_MODAL.kind.blockId,
    /^This form was changed outside Slack, or is from an older version of the bot: close it and run \/restore again\.$/,
  ],
  [
    'metadata of another shape',
    (view) => {
      view.private_metadata = JSON.stringify({ channelId: 5, source: { environment: 'acceptance', identifier: '' } });
    },
    RESTORE_MODAL.kind.blockId,
    /^This form was changed outside Slack/,
  ],
];

describe('a tampered submission gets a sentence on the right field and starts nothing', () => {
  it.each(HOSTILE_SUBMISSIONS)('%s', async (_case, tamper, blockId, message) => {
    const view = await openPrefilled('aurora production/orders --as orders-tampered --reason "find a bad migration"');
    const jobs = await activeJobCount();
    const answer = await submitTampered(harness, REQUESTER, view.id, tamper);
    expect(answer.status).toBe(200);
    const errors = fieldErrors(answer);
    expect(Object.keys(errors)).toEqual([blockId]);
    expect(errors[blockId]).toMatch(message);
    expect(await activeJobCount()).toBe(jobs);
  });

  it("no field error starts with zod's stock phrases", async () => {
    const texts: string[] = [];
    for (const [, tamper] of HOSTILE_SUBMISSIONS) {
      const view = await openPrefilled('aurora production/orders --as orders-stock --reason "find a bad migration"');
      texts.push(...Object.values(fieldErrors(await submitTampered(harness, REQUESTER, view.id, tamper))));
    }
    expect(texts).toHaveLength(HOSTILE_SUBMISSIONS.length);
    for (const text of texts) expect(text).not.toMatch(STOCK_ZOD_PHRASES);
  });
});

describe('the reject reason is checked by the bot, not only by Slack', () => {
  async function rejectView(target: string) {
    const job = await harness.composition.service.request({
      kind: 'aurora-cluster',
      source: { identifier: 'orders', environment: 'production' },
      target: { identifier: target, environment: 'production' },
      restorePoint: { type: 'latest' },
      ifTargetExists: 'fail',
      reason: 'to be rejected',
      requester: { userId: REQUESTER, userGroupIds: ['S0DEVELOPERS'], timeZone: 'UTC', channelId: CHANNEL },
    });
    const card = await harness.cardOf(job.id);
    await harness.standIn.clickButton({
      user: APPROVER,
      channel: CHANNEL,
      messageTs: card.ts,
      actionId: JOB_ACTIONS.reject,
      value: job.id,
    });
    const view = harness.standIn.openViews(APPROVER).at(-1);
    expect(view?.definition.callback_id).toBe(REJECT_MODAL.callbackId);
    return { job, viewId: view?.id ?? '' };
  }

  it.each([
    ['a blank reason', '   ', /^Give a reason for rejecting: the requester reads it\.$/],
    ['a one-letter reason', 'x', /^Give a reason of at least 3 characters for rejecting: the requester reads it\.$/],
    [
      'a reason over 1000 characters',
      'n'.repeat(1200),
      /^Keep the reason to 1000 characters or fewer \(it has 1200\)\.$/,
    ],
  ])('%s lands on its field and leaves the job awaiting approval', async (name, reason, message) => {
    const { job, viewId } = await rejectView(`orders-reject-${name.split(' ')[1]}`);
    const answer = await submitTampered(harness, APPROVER, viewId, (view) => {
      setValue(view, REJECT_MODAL.reason, { type: 'plain_text_input', value: reason });
    });
    expect(fieldErrors(answer)).toEqual({ [REJECT_MODAL.reason.blockId]: expect.stringMatching(message) });
    expect(fieldErrors(answer)[REJECT_MODAL.reason.blockId]).not.toMatch(STOCK_ZOD_PHRASES);
    expect((await harness.composition.store.get(job.id))?.status).toBe('awaiting_approval');
  });
});
