import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESTORE_MODAL } from '../../../src/slack/ids.js';
import { CHANNEL, type SlackHarness, startSlackHarness } from '../../helpers/slack-harness.js';

const REQUESTER = 'U0REQUESTER';
let harness: SlackHarness;

beforeAll(async () => {
  harness = await startSlackHarness();
});

afterAll(async () => {
  await harness.stop();
});

const option = (value: string) => ({ text: { type: 'plain_text', text: value }, value });

async function openModalWithKind(kind: string): Promise<string> {
  await harness.standIn.slashCommand({ user: REQUESTER, channel: CHANNEL, command: '/restore', text: '' });
  const view = harness.openView(REQUESTER);
  await harness.standIn.actInView({
    user: REQUESTER,
    viewId: view.id,
    blockId: RESTORE_MODAL.kind.blockId,
    actionId: RESTORE_MODAL.kind.actionId,
    action: { type: 'static_select', selected_option: option(kind) },
  });
  return view.id;
}

describe('the restore modal', () => {
  it('loads sources of the chosen kind from every environment as the user types', async () => {
    const viewId = await openModalWithKind('aurora-cluster');
    const all = await harness.standIn.loadOptions({
      user: REQUESTER,
      viewId,
      blockId: RESTORE_MODAL.source.blockId,
      actionId: RESTORE_MODAL.source.actionId,
      value: '',
    });
    expect(all.problems).toEqual([]);
    const values = all.options.map((choice) => choice.value);
    expect(values).toEqual(
      expect.arrayContaining(['production/orders', 'production/inventory', 'acceptance/orders-acc']),
    );
    expect(values.some((value) => value.includes('catalog'))).toBe(false); // DocumentDB is another kind
    expect(values.length).toBeLessThanOrEqual(100);

    const typed = await harness.standIn.loadOptions({
      user: REQUESTER,
      viewId,
      blockId: RESTORE_MODAL.source.blockId,
      actionId: RESTORE_MODAL.source.actionId,
      value: 'INVEN',
    });
    // The DR Region's environment holds inventory's global database secondary: a source like any other.
    expect(typed.options.map((choice) => choice.value)).toEqual([
      'production/inventory',
      'acceptance/inventory-acc',
      'production-dr/inventory-dr',
    ]);
  });

  it('shows the restorable window and prefills the target once a source is chosen', async () => {
    const viewId = await openModalWithKind('aurora-cluster');
    await harness.standIn.actInView({
      user: REQUESTER,
      viewId,
      blockId: RESTORE_MODAL.source.blockId,
      actionId: RESTORE_MODAL.source.actionId,
      action: { type: 'external_select', selected_option: option('production/orders') },
    });
    const view = harness.standIn.slackView(viewId) as {
      blocks: { block_id?: string; element?: { initial_value?: string } }[];
    };
    const windowBlock = view.blocks.find((block) => block.block_id === RESTORE_MODAL.restorableWindow.blockId);
    expect(JSON.stringify(windowBlock)).toMatch(/2026-11-1\d/);
    const target = view.blocks.find((block) => block.block_id === RESTORE_MODAL.target.blockId);
    expect(target?.element?.initial_value).toBe('orders-20261122-1000');
    expect(harness.standIn.callsTo('views.update').at(-1)?.args).toMatchObject({ hash: expect.any(String) });
  });

  it('opens prefilled from the one-line form, and refuses a bad --at in the acknowledgement', async () => {
    await harness.standIn.slashCommand({
      user: REQUESTER,
      channel: CHANNEL,
      command: '/restore',
      text: 'aurora production/orders --at "2h ago" --as orders-oneline --reason "check a migration"',
    });
    const view = harness.openView(REQUESTER);
    const blocks = JSON.stringify(harness.standIn.slackView(view.id));
    expect(blocks).toContain('orders-oneline');
    expect(blocks).toContain('check a migration');
    const refused = await harness.standIn.slashCommand({
      user: REQUESTER,
      channel: CHANNEL,
      command: '/restore',
      text: 'aurora orders --at "tomorrow 10:00"',
    });
    expect(JSON.stringify(refused.body)).toContain('in the future');
  });
});

describe('/restore list and status', () => {
  it('lists active jobs of this channel and the user, and shows one job', async () => {
    const sketch = await harness.composition.service.request({
      kind: 'aurora-cluster',
      source: { identifier: 'orders', environment: 'production' },
      target: { identifier: 'orders-listed', environment: 'production' },
      restorePoint: { type: 'latest' },
      ifTargetExists: 'fail',
      reason: 'listing',
      requester: { userId: REQUESTER, userGroupIds: ['S0DEVELOPERS'], timeZone: 'UTC', channelId: CHANNEL },
    });
    const list = await harness.standIn.slashCommand({
      user: REQUESTER,
      channel: CHANNEL,
      command: '/restore',
      text: 'list',
    });
    expect(JSON.stringify(list.body)).toContain('orders-listed');
    const status = await harness.standIn.slashCommand({
      user: REQUESTER,
      channel: CHANNEL,
      command: '/restore',
      text: `status ${sketch.id}`,
    });
    expect(JSON.stringify(status.body)).toContain('orders-listed');
    const missing = await harness.standIn.slashCommand({
      user: REQUESTER,
      channel: CHANNEL,
      command: '/restore',
      text: 'status nosuchjob',
    });
    expect(JSON.stringify(missing.body)).toContain('there is no job nosuchjob');
  });

  it('links status to the card, and lists finished restores with --all only', async () => {
    const job = await harness.composition.service.request({
      kind: 'aurora-cluster',
      source: { identifier: 'orders', environment: 'production' },
      target: { identifier: 'orders-finished', environment: 'production' },
      restorePoint: { type: 'latest' },
      ifTargetExists: 'fail',
      reason: 'listing finished ones',
      requester: { userId: REQUESTER, userGroupIds: ['S0DEVELOPERS'], timeZone: 'UTC', channelId: CHANNEL },
    });
    const card = await harness.cardOf(job.id);
    const status = await harness.standIn.slashCommand({
      user: REQUESTER,
      channel: CHANNEL,
      command: '/restore',
      text: `status ${job.id}`,
    });
    expect(JSON.stringify(status.body)).toContain(
      `https://sandbox.slack.com/archives/${CHANNEL}/p${card.ts.replace('.', '')}|Open the card`,
    );

    await harness.composition.service.cancel(job.id, REQUESTER);
    const list = (text: string) =>
      harness.standIn.slashCommand({ user: REQUESTER, channel: CHANNEL, command: '/restore', text });
    expect(JSON.stringify((await list('list')).body)).not.toContain('orders-finished');
    const all = JSON.stringify((await list('list --all')).body);
    expect(all).toContain('Recent restores');
    expect(all).toMatch(/Cancelled\*[^"]*orders-finished/);
  });

  it('answers a mistake with the usage of the command it was about', async () => {
    const say = async (text: string) =>
      JSON.stringify(
        (await harness.standIn.slashCommand({ user: REQUESTER, channel: CHANNEL, command: '/restore', text })).body,
      );
    const list = await say('list --finished');
    expect(list).toContain('\\"list\\" takes only --all');
    expect(list).toContain('Usage: `/restore list [--all]`');
    expect(await say('status')).toContain('Usage: `/restore status &lt;job&gt;`');
    expect(await say('aurora')).toContain('Usage: `/restore &lt;kind&gt; &lt;source&gt;');
  });
});
