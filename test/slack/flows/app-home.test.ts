import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_ACTIONS } from '../../../src/slack/ids.js';
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

async function request(target: string) {
  const job = await harness.composition.service.request({
    kind: 'aurora-cluster',
    source: { identifier: 'orders', environment: 'production' },
    target: { identifier: target, environment: 'production' },
    restorePoint: { type: 'latest' },
    ifTargetExists: 'fail',
    reason: 'look at yesterday',
    requester: { userId: REQUESTER, userGroupIds: ['S0DEVELOPERS'], timeZone: 'UTC', channelId: CHANNEL },
  });
  await harness.cardOf(job.id);
  return job;
}

/** Opens the Home tab as Slack does (a signed app_home_opened event) and returns what the bot published. */
async function openHome(user: string) {
  const before = harness.standIn.callsTo('views.publish').length;
  const answer = await harness.standIn.openAppHome({ user });
  expect(answer.status).toBe(200);
  await harness.eventually(() => harness.standIn.callsTo('views.publish').length > before || undefined, 'a publish');
  return home(user);
}

function home(user: string) {
  const view = harness.standIn.homeView(user);
  if (!view) throw new Error(`${user} has no Home tab`);
  return view;
}

/** The block ids of the Home's buttons for one job, by action id. */
function buttonsFor(user: string, jobId: string): { blockId: string; actionId: string }[] {
  const blocks = home(user).definition.blocks as { type: string; block_id: string; elements?: unknown[] }[];
  return blocks.flatMap((block) =>
    block.type !== 'actions'
      ? []
      : (block.elements as { action_id: string; value?: string }[])
          .filter((element) => element.value === jobId || element.value?.startsWith(`${jobId}:`))
          .map((element) => ({ blockId: block.block_id, actionId: element.action_id })),
  );
}

function press(user: string, button: { blockId: string; actionId: string }) {
  return harness.standIn.actInView({
    user,
    viewId: home(user).id,
    blockId: button.blockId,
    actionId: button.actionId,
    action: { type: 'button' },
  });
}

const textOf = (user: string) => JSON.stringify(home(user).definition);

describe('the Home tab over signed HTTP', () => {
  it("publishes each person's restores, with Approve and Reject only for those they may approve", async () => {
    const job = await request('orders-home-1');
    // The request itself refreshes the Home tabs of its requester and approvers, before anyone opens them.
    await harness.eventually(() => harness.standIn.homeView(APPROVER), 'the approver Home tab');

    await openHome(APPROVER);
    expect(textOf(APPROVER)).toContain('Awaiting your approval* (1)');
    expect(textOf(APPROVER)).toContain('orders-home-1');
    expect(buttonsFor(APPROVER, job.id).map((button) => button.actionId)).toEqual([
      JOB_ACTIONS.approve,
      JOB_ACTIONS.reject,
    ]);

    await openHome(REQUESTER);
    expect(textOf(REQUESTER)).toContain('Awaiting your approval* (0)');
    expect(textOf(REQUESTER)).toMatch(/Your restores[^"]*orders-home-1/);
    expect(buttonsFor(REQUESTER, job.id)).toEqual([]);
    // The scheduled refresh of the example policy, with its next run.
    expect(textOf(REQUESTER)).toMatch(/Scheduled refreshes\*\\n\*acceptance-refresh\* · next run <!date\^/);
  });

  it('approves from the Home tab, and draws it again without the request', async () => {
    const job = await request('orders-home-2');
    await openHome(APPROVER);
    const approve = buttonsFor(APPROVER, job.id).find((button) => button.actionId === JOB_ACTIONS.approve);
    if (!approve) throw new Error('no Approve on the Home tab');
    const published = harness.standIn.callsTo('views.publish').length;

    const answer = await press(APPROVER, approve);
    expect(answer.status).toBe(200);
    expect((await harness.composition.store.get(job.id))?.status).toBe('running');
    await harness.eventually(
      () => harness.standIn.callsTo('views.publish').length > published || undefined,
      'the Home tab drawn again',
    );
    expect(buttonsFor(APPROVER, job.id)).toEqual([]);
    expect(textOf(APPROVER)).toMatch(/Running now\* \(\d+\)[^"]*orders-home-2/);

    // Someone in the channel who may not approve sees it running, and no buttons for it.
    await openHome(OUTSIDER);
    expect(textOf(OUTSIDER)).toContain('orders-home-2');
    expect(buttonsFor(OUTSIDER, job.id)).toEqual([]);
  });

  it('refuses a button the tab no longer offers, and says so at the top of the tab', async () => {
    const job = await request('orders-home-3');
    await openHome(APPROVER);
    const approve = buttonsFor(APPROVER, job.id).find((button) => button.actionId === JOB_ACTIONS.approve);
    if (!approve) throw new Error('no Approve on the Home tab');
    // The requester withdraws it while the approver's tab still shows it.
    await harness.composition.service.cancel(job.id, REQUESTER);
    const stale = harness.standIn.homeView(APPROVER)?.definition;
    expect(JSON.stringify(stale)).toContain(approve.blockId);

    await press(APPROVER, approve);
    expect((await harness.composition.store.get(job.id))?.status).toBe('cancelled');
    await harness.eventually(() => /no longer offers that/.test(textOf(APPROVER)) || undefined, 'the notice');
    expect(buttonsFor(APPROVER, job.id)).toEqual([]);
  });

  it('extends an expiring copy from the Home tab', async () => {
    const job = await request('orders-home-4');
    await harness.composition.service.approve(job.id, { userId: APPROVER, userGroupIds: ['S0PLATFORM'] });
    const done = await harness.runToEnd(job.id);
    expect(done.status).toBe('succeeded');
    const expiresAt = done.expiry?.at;

    await openHome(REQUESTER);
    expect(textOf(REQUESTER)).toMatch(/Expiring copies\* \(\d+\).*:calendar: `orders-home-4`/);
    const extend = buttonsFor(REQUESTER, job.id).find((button) => button.actionId.startsWith(JOB_ACTIONS.extend));
    if (!extend) throw new Error('no Extend on the Home tab');
    await press(REQUESTER, extend);
    const extended = await harness.composition.store.get(job.id);
    expect(extended?.expiry?.at.getTime()).toBeGreaterThan(expiresAt?.getTime() ?? Number.POSITIVE_INFINITY);
    expect(buttonsFor(REQUESTER, job.id).map((button) => button.actionId)).toContain(JOB_ACTIONS.deleteNow);
  });
});
