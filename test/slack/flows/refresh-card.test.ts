import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextOccurrence } from '../../../src/domain/refresh/cadence.js';
import { REFRESH_ACTIONS } from '../../../src/slack/ids.js';
import { examplePolicy } from '../../helpers/simulated-environment.js';
import { CHANNEL, type SlackHarness, startSlackHarness } from '../../helpers/slack-harness.js';
import { buttonsOf } from '../blocks/card-helpers.js';

const REQUESTER = 'U0REQUESTER';
const APPROVER = 'U0APPROVER';
const DAY = 86_400_000;

let harness: SlackHarness;

beforeAll(async () => {
  harness = await startSlackHarness();
});

afterAll(async () => {
  await harness.stop();
});

/** Moves to the example cycle's next announcement and ticks: its run and its card. */
async function announcedRun(on: SlackHarness = harness) {
  const { composition, clock } = on;
  const [cycle] = composition.refreshCycles;
  if (!cycle || !composition.refresh) throw new Error('the example policy has no refresh cycle');
  const occurrence = nextOccurrence(cycle, new Date(clock.now().getTime() + cycle.announceBeforeMs)).at;
  clock.advance(occurrence.getTime() - cycle.announceBeforeMs + 60_000 - clock.now().getTime());
  const runOfOccurrence = async () =>
    (await composition.cycleRuns.listOpen()).find((open) => open.occurrence.getTime() === occurrence.getTime());
  await composition.refresh.tick();
  // catalog-acc's shared snapshot is copied in first (a few simulated minutes): the card then goes up.
  for (let minute = 0; minute < 15 && (await runOfOccurrence())?.phase === 'discovering'; minute += 1) {
    clock.advance(60_000);
    await composition.refresh.tick();
  }
  const run = await runOfOccurrence();
  if (run?.phase !== 'announced') throw new Error('no run was announced');
  const card = await on.eventually(
    () =>
      on.standIn
        .messages(CHANNEL)
        .find((message) => JSON.stringify(message.blocks).includes(run.id.replace(/[<>&]/g, ''))),
    'the refresh card',
  );
  return { run, card, cycle };
}

const press = (user: string, messageTs: string, actionId: string, runId: string) =>
  harness.standIn.clickButton({ user, channel: CHANNEL, messageTs, actionId, value: runId });

describe('/restore refresh', () => {
  it('lists each cycle with its next run, its cadence and its databases', async () => {
    const answer = await harness.standIn.slashCommand({
      user: REQUESTER,
      channel: CHANNEL,
      command: '/restore',
      text: 'refresh',
    });
    const text = JSON.stringify(answer.body);
    expect(text).toContain('*acceptance-refresh* · next run <!date^');
    expect(text).toContain('every 14 days at 02:00 Europe/Amsterdam · pipeline · `orders-acc`, `catalog-acc`');
    const typo = JSON.stringify(
      (await harness.standIn.slashCommand({ user: REQUESTER, channel: CHANNEL, command: '/restore', text: 'refesh' }))
        .body,
    );
    expect(typo).toContain('did you mean /restore refresh?');
  });
});

describe('the refresh card over signed HTTP', () => {
  it('takes Postpone and Skip from an approver only, saying who pressed them', async () => {
    const { run, card } = await announcedRun();

    await press(REQUESTER, card.ts, REFRESH_ACTIONS.skip, run.id);
    const refusal = await harness.eventually(
      () => harness.standIn.ephemerals(CHANNEL, REQUESTER).find((message) => /skip a refresh/.test(message.text)),
      'the refusal',
    );
    expect(refusal.text).toContain('only an approver for acceptance can skip a refresh: ask');
    expect((await harness.composition.cycleRuns.get(run.id))?.phase).toBe('announced');

    await press(APPROVER, card.ts, REFRESH_ACTIONS.postpone, run.id);
    const postponed = await harness.composition.cycleRuns.get(run.id);
    expect(postponed?.runAt.getTime()).toBe(run.runAt.getTime() + DAY);
    await harness.eventually(
      () =>
        JSON.stringify(harness.standIn.message(CHANNEL, card.ts)?.blocks).includes('Postponed by') ? true : undefined,
      'the card updated',
    );

    await press(APPROVER, card.ts, REFRESH_ACTIONS.skip, run.id);
    expect((await harness.composition.cycleRuns.get(run.id))?.phase).toBe('skipped');
    const updated = harness.standIn.message(CHANNEL, card.ts);
    expect(JSON.stringify(updated?.blocks)).toContain('Skipped');
    expect(JSON.stringify(updated?.blocks)).not.toContain(REFRESH_ACTIONS.runNow);
    expect(updated?.replies.at(-1)?.text).toContain('skipped');
  });

  it('runs at the next tick after Run now, and refuses a copy of its button elsewhere', async () => {
    const { run, card } = await announcedRun();
    const elsewhere = await harness.composition.slackClient?.chat.postMessage({
      channel: CHANNEL,
      text: 'a copy',
      blocks: card.blocks as never,
    });
    await press(APPROVER, elsewhere?.ts ?? '', REFRESH_ACTIONS.runNow, run.id);
    expect((await harness.composition.cycleRuns.get(run.id))?.decisions).toEqual([]);

    await press(APPROVER, card.ts, REFRESH_ACTIONS.runNow, run.id);
    await harness.composition.refresh?.tick();
    expect((await harness.composition.cycleRuns.get(run.id))?.phase).toBe('running');
  });
});

describe('/restore refresh <cycle> now', () => {
  // Its own bot: the run it starts must not meet the card tests' runs.
  let harness: SlackHarness;
  beforeAll(async () => {
    harness = await startSlackHarness();
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('brings the next run forward with "<cycle> now", for an approver only, and tells a typo the cycles', async () => {
    const command = (user: string, text: string) =>
      harness.standIn.slashCommand({ user, channel: CHANNEL, command: '/restore', text });
    const [cycle] = harness.composition.refreshCycles;
    const openRuns = async () =>
      (await harness.composition.cycleRuns.listOpen()).filter((run) => run.cycle === cycle?.name);
    expect(await openRuns()).toEqual([]);

    const refused = JSON.stringify((await command(REQUESTER, 'refresh acceptance-refresh now')).body);
    expect(refused).toContain('only an approver for acceptance can run now a refresh: ask');
    expect(await openRuns()).toEqual([]);

    const typo = JSON.stringify((await command(APPROVER, 'refresh aceptance-refresh now')).body);
    expect(typo).toContain('There is no refresh cycle \\"aceptance-refresh\\": did you mean acceptance-refresh?');
    expect(JSON.stringify((await command(APPROVER, 'refresh acceptance-refresh')).body)).toContain(
      'Usage: `/restore refresh [&lt;cycle&gt; now]`',
    );

    const answer = JSON.stringify((await command(APPROVER, 'refresh acceptance-refresh now')).body);
    expect(answer).toContain('refresh of <!date^');
    expect(answer).toContain(
      `runs now: it finds production's newest snapshots first, then starts. Follow it on its card in <#${CHANNEL}>`,
    );
    const [run] = await openRuns();
    expect(run?.decisions.map((decision) => [decision.type, decision.userId])).toEqual([['run-now', APPROVER]]);
    expect(run?.runAt.getTime()).toBe(harness.clock.now().getTime());

    // Once catalog's copy is made the run starts, without waiting for its occurrence.
    for (
      let minute = 0;
      minute < 15 && (await harness.composition.cycleRuns.get(run?.id ?? ''))?.phase !== 'running';
      minute += 1
    ) {
      await harness.composition.refresh?.tick();
      harness.clock.advance(60_000);
    }
    const running = await harness.composition.cycleRuns.get(run?.id ?? '');
    expect(running?.phase).toBe('running');
    expect(running?.occurrence.getTime()).toBeGreaterThan(harness.clock.now().getTime());
    // A second "now" meets the run already running.
    expect(JSON.stringify((await command(APPROVER, 'refresh acceptance-refresh now')).body)).toContain(
      'this run is already running: too late to run now',
    );
  });
});

describe('a cycle that needs a person to approve each run', () => {
  let harness: SlackHarness;
  beforeAll(async () => {
    const policy = examplePolicy();
    const [cycle] = policy.refreshCycles;
    if (cycle) cycle.approvalRequired = true;
    harness = await startSlackHarness({ policy });
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('waits at its time until an approver presses Approve, which the requester cannot', async () => {
    const { run, card, cycle } = await announcedRun(harness);
    expect(buttonsOf(card.blocks as never).map((button) => button.action_id)).toEqual([
      REFRESH_ACTIONS.approve,
      REFRESH_ACTIONS.runNow,
      REFRESH_ACTIONS.postpone,
      REFRESH_ACTIONS.skip,
    ]);
    harness.clock.advance(run.runAt.getTime() - harness.clock.now().getTime());
    await harness.composition.refresh?.tick();
    expect((await harness.composition.cycleRuns.get(run.id))?.phase).toBe('announced');

    const press = (user: string) =>
      harness.standIn.clickButton({
        user,
        channel: CHANNEL,
        messageTs: card.ts,
        actionId: REFRESH_ACTIONS.approve,
        value: run.id,
      });
    await press(REQUESTER);
    const refusal = await harness.eventually(
      () => harness.standIn.ephemerals(CHANNEL, REQUESTER).find((message) => /approve a refresh/.test(message.text)),
      'the refusal',
    );
    expect(refusal.text).toContain('only an approver for acceptance can approve a refresh: ask');

    await press(APPROVER);
    const approved = await harness.composition.cycleRuns.get(run.id);
    expect(approved?.decisions.map((decision) => [decision.type, decision.userId])).toEqual([['approve', APPROVER]]);
    const redrawn = harness.standIn.message(CHANNEL, card.ts);
    expect(buttonsOf((redrawn?.blocks ?? []) as never).map((button) => button.action_id)).not.toContain(
      REFRESH_ACTIONS.approve,
    );
    expect(JSON.stringify(redrawn?.blocks)).toContain(`Approved by <@${APPROVER}>`);
    await harness.composition.refresh?.tick();
    expect((await harness.composition.cycleRuns.get(run.id))?.phase).toBe('running');
    expect(cycle.approvalRequired).toBe(true);
  });
});
