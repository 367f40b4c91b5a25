import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrRun } from '../../../src/domain/dr/dr-run.js';
import { DR_ACTIONS } from '../../../src/slack/ids.js';
import { ManualClock } from '../../helpers/manual-clock.js';
import { examplePolicy } from '../../helpers/simulated-environment.js';
import { CHANNEL, type SlackHarness, startSlackHarness } from '../../helpers/slack-harness.js';

const INCIDENT = 'C0INCORDERS';
const ONCALL = 'U0ONCALL';
const APPROVER = 'U0APPROVER';

let harness: SlackHarness;

beforeAll(async () => {
  harness = await startSlackHarness();
  // The stand-in keeps Slack's time on the wall clock, the bot on the manual one: the incident channel
  // was opened (the incident declared) 20 minutes before the bot's now.
  const channel = harness.standIn.state.channels.get(INCIDENT);
  if (channel) channel.createdAt = new Date(harness.clock.now().getTime() - 20 * 60_000);
});

afterAll(async () => {
  await harness.stop();
});

const dr = (user: string, text: string, channel = INCIDENT) =>
  harness.standIn.slashCommand({ user, channel, command: '/restore', text });

const press = (user: string, messageTs: string, actionId: string, runId: string, channel = INCIDENT) =>
  harness.standIn.clickButton({ user, channel, messageTs, actionId, value: runId });

const cardText = (ts: string) => JSON.stringify(harness.standIn.message(INCIDENT, ts)?.blocks ?? []);

/** The worker's ticks (jobs, then DR runs) a simulated minute apart until the run is in `phase`. */
async function tickUntil(runId: string, phase: DrRun['phase']): Promise<DrRun> {
  const { composition, clock } = harness;
  for (let tick = 0; tick < 120; tick += 1) {
    await composition.idle();
    const run = await (await composition.drServices?.())?.runs.get(runId);
    if (run?.phase === phase) return run;
    clock.advance(60_000);
    await composition.worker.tick();
    await (await composition.drServices?.())?.runner.tick();
  }
  throw new Error(`DR run ${runId} never got to ${phase}`);
}

async function refusalFor(user: string, pattern: RegExp): Promise<string> {
  const found = await harness.eventually(
    () => harness.standIn.ephemerals(INCIDENT, user).find((message) => pattern.test(message.text)),
    `a refusal to ${user} matching ${pattern}`,
  );
  return found.text;
}

describe('a DR run from an incident channel, over signed HTTP', () => {
  it('posts the plan, takes a second approval for the switch, reports the timeline and switches back', async () => {
    // Act: on-call asks; the card goes up in the incident channel.
    const answer = await dr(ONCALL, 'dr rds orders-db');
    const runId = /`(dr-[a-z0-9]+)`/.exec(JSON.stringify(answer.body))?.[1] ?? '';
    const card = await harness.eventually(async () => {
      const state = (await harness.composition.cardStates.load([`dr:${runId}`])).get(`dr:${runId}`);
      return state && harness.standIn.message(INCIDENT, state.messageTs);
    }, 'the DR card');
    const planned = cardText(card.ts);
    // On-call cannot approve their own request; an approver can.
    await press(ONCALL, card.ts, DR_ACTIONS.approve, runId);
    const ownApproval = await refusalFor(ONCALL, /you asked for this recovery/);
    await press(APPROVER, card.ts, DR_ACTIONS.approve, runId);
    await tickUntil(runId, 'awaiting-switch');
    await harness.composition.idle();
    const validated = cardText(card.ts);
    await press(APPROVER, card.ts, DR_ACTIONS.switch, runId);
    const switched = await tickUntil(runId, 'switched');
    await harness.composition.idle();
    const afterSwitch = cardText(card.ts);
    const report = harness.standIn.message(INCIDENT, card.ts)?.replies.at(-1)?.text ?? '';
    await press(APPROVER, card.ts, DR_ACTIONS.switchBack, runId);
    await tickUntil(runId, 'switched-back');
    await harness.composition.idle();

    // Assess
    expect(JSON.stringify(answer.body)).toContain('is planned: a DR approver other than you approves it on its card');
    expect(planned).toContain('replicated automated backups');
    expect(planned).toContain('*Newest recoverable point:*');
    expect(planned).toContain('against the RTO of 4h');
    expect(planned).toContain(
      'Switch (second approval): parameter `/orders/database-endpoint`, CNAME `orders-db.internal.example.com` (TTL 60 s)',
    );
    expect(planned).toContain('*Incident declared*');
    expect(planned).toContain(DR_ACTIONS.approve);
    expect(ownApproval).toContain('another DR approver must approve this recovery');
    expect(validated).toContain('Approve switch');
    expect(validated).toContain('*Validated*');
    expect(afterSwitch).toContain('Switch back');
    expect(afterSwitch).toMatch(/RPO .*objective 5m.*RTO .*objective 4h/);
    expect(report).toMatch(/^:large_green_circle: orders-db runs in us-west-2 now/);
    expect(report).toMatch(/RPO .* \(objective 5m\) · :(large_green|red)_circle: RTO /);
    expect(switched.timeline.map((entry) => entry.event)).toContain('switch-approved');
    expect(cardText(card.ts)).toContain('*Switched back*');
    expect(cardText(card.ts)).not.toContain(DR_ACTIONS.switchBack);
  });

  it('refuses a DR run outside an incident channel, and a DR button copied onto another message', async () => {
    // Act
    const elsewhere = await dr(ONCALL, 'dr aurora orders', CHANNEL);
    const drill = await dr(ONCALL, 'dr drill aurora orders');
    const runId = /`(dr-[a-z0-9]+)`/.exec(JSON.stringify(drill.body))?.[1] ?? '';
    const card = await harness.eventually(() => harness.standIn.messages(INCIDENT).at(-1), 'the drill card');
    // The card's very blocks, posted again: the button and its value are the run's, the message is not its card.
    const copy = await harness.composition.slackClient?.chat.postMessage({
      channel: INCIDENT,
      text: 'a copy',
      blocks: card.blocks as never,
    });
    await press(APPROVER, copy?.ts ?? '', DR_ACTIONS.approve, runId);
    const refusal = await refusalFor(APPROVER, /not on the card of a DR run/);

    // Assess
    expect(JSON.stringify(elsewhere.body)).toContain('DR runs are asked for from an incident channel');
    expect(refusal).toContain('changed nothing');
    expect((await (await harness.composition.drServices?.())?.runs.get(runId))?.phase).toBe('awaiting-approval');
  });
});

describe('a scheduled drill that cannot start', () => {
  it('is said once in its channel, however many ticks meet it', async () => {
    // Arrange: its own bot, with a drill of billing-db (nothing replicated) due in five minutes.
    const clock = new ManualClock();
    const policy = examplePolicy();
    const due = new Date(clock.now().getTime() + 5 * 60_000);
    policy.disasterRecovery?.drills.push({
      name: 'billing-drill',
      channel: INCIDENT,
      cadence: {
        everyDays: 30,
        anchor: due.toISOString().slice(0, 10),
        at: due.toISOString().slice(11, 16),
        timeZone: 'UTC',
      },
      approvalRequired: false,
      databases: [{ kind: 'rds-instance', identifier: 'billing-db' }],
    });
    const own = await startSlackHarness({ policy, clock });
    try {
      const dr = await own.composition.drServices?.();

      // Act
      clock.advance(5 * 60_000);
      for (let tick = 0; tick < 3; tick += 1) {
        await dr?.runner.tick();
        clock.advance(60_000);
      }

      // Assess
      const notices = own.standIn.messages(INCIDENT).filter((message) => /could not start/.test(message.text ?? ''));
      expect(notices.map((message) => message.text)).toEqual([
        ':warning: A scheduled DR drill could not start: billing-db cannot be recovered in us-west-2: no automated backups replicated there and no snapshot copies: start cross-Region automated backup replication (StartDBInstanceAutomatedBackupsReplication) or copy snapshots there',
      ]);
    } finally {
      await own.stop();
    }
  });
});
