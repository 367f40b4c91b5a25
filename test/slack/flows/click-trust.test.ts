import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JobConflictError } from '../../../src/domain/job/errors.js';
import { extendActionId, extendButtonValue, JOB_ACTIONS, REJECT_MODAL, RESTORE_MODAL } from '../../../src/slack/ids.js';
import { CHANNEL, type SlackHarness, startSlackHarness } from '../../helpers/slack-harness.js';
import { standInClient } from '../../packages/slack-sandbox/slack/helpers/web-client.js';

const REQUESTER = 'U0REQUESTER';
const APPROVER = 'U0APPROVER';

let harness: SlackHarness;

beforeAll(async () => {
  harness = await startSlackHarness();
});

afterAll(async () => {
  await harness.stop();
});

const OUTSIDER = 'U0OUTSIDER';
/** A channel the people of CHANNEL are not in: its jobs are none of their business. */
const OTHER_CHANNEL = 'C0ELSEWHERE';

function requestFrom(channelId: string, target: string) {
  return harness.composition.service.request({
    kind: 'aurora-cluster',
    source: { identifier: 'orders', environment: 'production' },
    target: { identifier: target, environment: 'production' },
    restorePoint: { type: 'latest' },
    ifTargetExists: 'fail',
    reason: 'find the bad migration',
    requester: { userId: REQUESTER, userGroupIds: ['S0DEVELOPERS'], timeZone: 'UTC', channelId },
  });
}

/** A job awaiting approval, requested from CHANNEL, with its card posted there. */
async function requestedJob(target: string) {
  const job = await requestFrom(CHANNEL, target);
  const card = await harness.cardOf(job.id);
  return { job, card };
}

function ephemeralsOf(user: string, channel = CHANNEL): string[] {
  return harness.standIn.ephemerals(channel, user).map((message) => message.text);
}

describe('a click on a job that keeps changing', () => {
  it('tells the clicker to press again when the conflict never clears, and changes nothing', async () => {
    // Prepare
    const { job, card } = await requestedJob('orders-contended');
    const store = harness.composition.store;
    const save = vi.spyOn(store, 'save').mockRejectedValue(new JobConflictError(`job ${job.id} was changed`));

    // Act
    try {
      const click = await harness.standIn.clickButton({
        user: APPROVER,
        channel: CHANNEL,
        messageTs: card.ts,
        actionId: JOB_ACTIONS.approve,
        value: job.id,
      });
      expect(click.status).toBe(200);
    } finally {
      save.mockRestore();
    }

    // Assess
    await harness.eventually(
      () => ephemeralsOf(APPROVER).find((text) => text.includes(`too many changes at once on job ${job.id}`)),
      'the ephemeral asking to press again',
    );
    expect((await store.get(job.id))?.approvals).toEqual([]);
  });
});

describe('clicks landing on one job at once', () => {
  it('lands ten concurrent Extend clicks on the card, or tells each clicker why not', async () => {
    // Prepare
    const { job, card } = await requestedJob('orders-extended-together');
    await harness.standIn.clickButton({
      user: APPROVER,
      channel: CHANNEL,
      messageTs: card.ts,
      actionId: JOB_ACTIONS.approve,
      value: job.id,
    });
    expect((await harness.runToEnd(job.id)).status).toBe('succeeded');
    await harness.eventually(() => {
      const message = harness.standIn.message(CHANNEL, card.ts);
      return message && JSON.stringify(message.blocks).includes(JOB_ACTIONS.extend) ? message : undefined;
    }, 'the card with Extend');
    const toldBefore = ephemeralsOf(REQUESTER).length;

    // Act
    const clicks = await Promise.all(
      Array.from({ length: 10 }, () =>
        harness.standIn.clickButton({
          user: REQUESTER,
          channel: CHANNEL,
          messageTs: card.ts,
          actionId: extendActionId('1d'),
          value: extendButtonValue(job.id, '1d'),
        }),
      ),
    );

    // Assess
    expect(clicks.map((click) => click.status)).toEqual(clicks.map(() => 200));
    await harness.composition.idle();
    const stored = await harness.composition.store.get(job.id);
    const extended = stored?.events.filter((event) => event.type === 'extended') ?? [];
    const told = ephemeralsOf(REQUESTER).slice(toldBefore);
    expect(extended.length + told.length).toBe(10);
    expect(extended.length).toBeGreaterThanOrEqual(9);
  });
});

describe('/restore status', () => {
  const status = async (user: string, jobId: string) => {
    const answer = await harness.standIn.slashCommand({
      user,
      channel: CHANNEL,
      command: '/restore',
      text: `status ${jobId}`,
    });
    expect(answer.status).toBe(200);
    // Block ids are random per message (Bolt fills them in): everything else is the answer.
    return JSON.stringify(answer.body, (key, value) => (key === 'block_id' ? undefined : value));
  };

  it('answers a job of another channel, asked by someone else, exactly as a job that does not exist', async () => {
    // Prepare
    const hidden = await requestFrom(OTHER_CHANNEL, 'orders-hidden');
    const absentId = `${hidden.id.slice(0, -1)}${hidden.id.endsWith('0') ? '1' : '0'}`;

    // Act
    const aboutHidden = await status(OUTSIDER, hidden.id);
    const aboutAbsent = await status(OUTSIDER, absentId);

    // Assess
    expect(aboutHidden).not.toContain('orders-hidden');
    expect(aboutHidden).not.toContain('find the bad migration');
    expect(aboutHidden).not.toContain(REQUESTER);
    expect(aboutHidden.replaceAll(hidden.id, '<id>')).toBe(aboutAbsent.replaceAll(absentId, '<id>'));
  });

  it('shows a job to its requester from any channel, and to anyone in the channel it was requested in', async () => {
    // Prepare
    const elsewhere = await requestFrom(OTHER_CHANNEL, 'orders-mine');
    const here = await requestFrom(CHANNEL, 'orders-here');

    // Act
    const requesterAsks = await status(REQUESTER, elsewhere.id);
    const channelMemberAsks = await status(OUTSIDER, here.id);

    // Assess
    expect(requesterAsks).toContain('orders-mine');
    expect(channelMemberAsks).toContain('orders-here');
  });

  it('lets nobody but the requester learn of a job through cancel', async () => {
    // Prepare
    const hidden = await requestFrom(OTHER_CHANNEL, 'orders-uncancellable');

    // Act
    const answer = await harness.standIn.slashCommand({
      user: OUTSIDER,
      channel: CHANNEL,
      command: '/restore',
      text: `cancel ${hidden.id}`,
    });

    // Assess
    expect(JSON.stringify(answer.body)).toContain(`there is no job ${hidden.id}`);
    expect((await harness.composition.store.get(hidden.id))?.status).toBe('awaiting_approval');
  });
});

describe('a job button off its card', () => {
  /** The card's blocks, buttons and all, posted again by the bot as another message in `channel`. */
  async function copyOfCard(card: { text: string; blocks: unknown[] }, channel: string) {
    const client = standInClient(harness.standIn.url, harness.standIn.botToken);
    const posted = await client.chat.postMessage({ channel, text: card.text, blocks: card.blocks as never });
    if (!posted.ts || !posted.channel) throw new Error('the copy was not posted');
    return { channel: posted.channel, ts: posted.ts };
  }

  it.each([
    ['another message in the same channel', CHANNEL],
    ["another channel (the approver's direct messages)", APPROVER],
  ])('an Approve pressed on %s is refused, ephemerally, and changes nothing', async (_where, channel) => {
    // Prepare
    const { job, card } = await requestedJob(`orders-copied-${channel === CHANNEL ? 'here' : 'dm'}`);
    const copy = await copyOfCard(card, channel);

    // Act
    const click = await harness.standIn.clickButton({
      user: APPROVER,
      channel: copy.channel,
      messageTs: copy.ts,
      actionId: JOB_ACTIONS.approve,
      value: job.id,
    });

    // Assess
    expect(click.status).toBe(200);
    await harness.composition.idle();
    const stored = await harness.composition.store.get(job.id);
    expect(stored?.approvals).toEqual([]);
    expect(stored?.status).toBe('awaiting_approval');
    expect(stored?.version).toBe(job.version);
    await harness.eventually(
      () => ephemeralsOf(APPROVER, copy.channel).find((text) => text.includes(`not on the card of job ${job.id}`)),
      'the refusal',
    );
  });

  it('a Reject pressed on a copy opens no reason modal', async () => {
    // Prepare
    const { job, card } = await requestedJob('orders-copied-reject');
    const copy = await copyOfCard(card, APPROVER);
    const openBefore = harness.standIn.openViews(APPROVER).length;

    // Act
    await harness.standIn.clickButton({
      user: APPROVER,
      channel: copy.channel,
      messageTs: copy.ts,
      actionId: JOB_ACTIONS.reject,
      value: job.id,
    });

    // Assess
    expect(harness.standIn.openViews(APPROVER)).toHaveLength(openBefore);
    await harness.eventually(
      () => ephemeralsOf(APPROVER, copy.channel).find((text) => text.includes(`not on the card of job ${job.id}`)),
      'the refusal',
    );
  });

  it('an Approve pressed on the card itself still approves', async () => {
    // Prepare
    const { job, card } = await requestedJob('orders-genuine');

    // Act
    await harness.standIn.clickButton({
      user: APPROVER,
      channel: CHANNEL,
      messageTs: card.ts,
      actionId: JOB_ACTIONS.approve,
      value: job.id,
    });

    // Assess
    const stored = await harness.eventually(async () => {
      const current = await harness.composition.store.get(job.id);
      return current?.status === 'running' ? current : undefined;
    }, 'the job running');
    expect(stored.approvals.map((approval) => approval.userId)).toEqual([APPROVER]);
  });
});

describe('modal metadata the bot did not seal', () => {
  const option = (value: string) => ({ text: { type: 'plain_text', text: value }, value });

  /** `/restore` in CHANNEL as the requester, filled in as a person would; returns the view id. */
  async function filledRestoreModal(target: string): Promise<string> {
    const { standIn } = harness;
    await standIn.slashCommand({ user: REQUESTER, channel: CHANNEL, command: '/restore', text: '' });
    const viewId = harness.openView(REQUESTER).id;
    for (const [input, value] of [
      [RESTORE_MODAL.kind, { type: 'static_select', selected_option: option('aurora-cluster') }],
      [RESTORE_MODAL.source, { type: 'external_select', selected_option: option('production/orders') }],
    ] as const) {
      await standIn.actInView({
        user: REQUESTER,
        viewId,
        blockId: input.blockId,
        actionId: input.actionId,
        action: value,
      });
    }
    for (const [input, value] of [
      [RESTORE_MODAL.target, target],
      [RESTORE_MODAL.reason, 'find the bad migration'],
    ] as const) {
      standIn.setViewValue(viewId, input.blockId, input.actionId, { type: 'plain_text_input', value });
    }
    return viewId;
  }

  /** What a hostile client sends back: the view's private_metadata rewritten. */
  function tamper(viewId: string, rewrite: (metadata: string) => string) {
    const view = harness.standIn.view(viewId);
    if (!view) throw new Error(`no view ${viewId}`);
    view.definition.private_metadata = rewrite(String(view.definition.private_metadata));
  }

  const jobsFor = async (target: string) =>
    (await harness.composition.store.listActive()).filter((job) => job.plan.target.identifier === target);

  it.each([
    ['its channel changed under the seal', (sealed: string) => sealed.replace(`"${CHANNEL}"`, `"${OTHER_CHANNEL}"`)],
    [
      'metadata of its own, unsealed',
      (sealed: string) => sealed.slice(sealed.indexOf('{')).replace(`"${CHANNEL}"`, `"${OTHER_CHANNEL}"`),
    ],
  ])('a restore request with %s is refused with an error, and nothing is requested', async (_case, rewrite) => {
    // Prepare
    const target = `orders-tampered-${rewrite.length}${_case.length}`;
    const viewId = await filledRestoreModal(target);
    tamper(viewId, rewrite);

    // Act
    const submitted = await harness.standIn.submitView({ user: REQUESTER, viewId });

    // Assess
    expect(submitted.outcome).toMatchObject({
      action: 'errors',
      errors: { [RESTORE_MODAL.kind.blockId]: expect.stringMatching(/changed outside Slack/) },
    });
    expect(await jobsFor(target)).toEqual([]);
  });

  it('a restore request as the bot sealed it is requested for the channel it was opened in', async () => {
    // Prepare
    const viewId = await filledRestoreModal('orders-sealed');

    // Act
    const submitted = await harness.standIn.submitView({ user: REQUESTER, viewId });

    // Assess
    expect(submitted.outcome).toEqual({ action: 'closed' });
    const [job] = await jobsFor('orders-sealed');
    expect(job?.card?.channelId).toBe(CHANNEL);
  });

  it('a reject reason whose job id was swapped for another job rejects neither', async () => {
    // Prepare
    const { job, card } = await requestedJob('orders-reject-opened');
    const other = await requestFrom(OTHER_CHANNEL, 'orders-reject-swapped');
    await harness.standIn.clickButton({
      user: APPROVER,
      channel: CHANNEL,
      messageTs: card.ts,
      actionId: JOB_ACTIONS.reject,
      value: job.id,
    });
    const reasonView = harness.openView(APPROVER);
    harness.standIn.setViewValue(reasonView.id, REJECT_MODAL.reason.blockId, REJECT_MODAL.reason.actionId, {
      type: 'plain_text_input',
      value: 'not this one',
    });
    tamper(reasonView.id, (sealed) => sealed.replace(job.id, other.id));

    // Act
    const submitted = await harness.standIn.submitView({ user: APPROVER, viewId: reasonView.id });

    // Assess
    expect(submitted.outcome).toMatchObject({
      action: 'errors',
      errors: { [REJECT_MODAL.reason.blockId]: expect.stringMatching(/changed outside Slack/) },
    });
    expect((await harness.composition.store.get(other.id))?.status).toBe('awaiting_approval');
    expect((await harness.composition.store.get(job.id))?.status).toBe('awaiting_approval');
  });
});
