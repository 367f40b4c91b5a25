import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextOccurrence } from '../../src/domain/refresh/cadence.js';
import { refreshCyclesOf } from '../../src/domain/refresh/cycle.js';
import { type SlackHarness, startSlackHarness } from '../helpers/slack-harness.js';

let harness: SlackHarness;

beforeAll(async () => {
  harness = await startSlackHarness();
});

afterAll(async () => {
  await harness.stop();
});

describe("the composed bot runs policy.example.yml's acceptance refresh", () => {
  it('announces it with both databases, and runs the pipeline its main_cicd_name names', async () => {
    const { composition, clock } = harness;
    const [cycle] = refreshCyclesOf(composition.policy);
    if (!cycle || !composition.refresh) throw new Error('the example policy has no refresh cycle');
    const occurrence = nextOccurrence(cycle, clock.now()).at;
    clock.advance(occurrence.getTime() - cycle.announceBeforeMs + 60_000 - clock.now().getTime());

    await composition.refresh.tick();
    const [discovering] = await composition.cycleRuns.listOpen();
    // DocumentDB cannot restore a shared snapshot: the run waits for catalog's copy in acceptance.
    expect(discovering?.phase).toBe('discovering');
    expect(discovering?.databases[1]?.copying).toMatch(/^catalog-share-.*-refresh-copy$/);
    clock.advance(6 * 60_000);
    await composition.refresh.tick();
    const [announced] = await composition.cycleRuns.listOpen();
    expect(announced?.phase).toBe('announced');
    expect(announced?.databases.map((pick) => [pick.target, pick.problem])).toEqual([
      ['orders-acc', undefined],
      ['catalog-acc', undefined],
    ]);
    expect(announced?.databases[1]?.snapshotId).toMatch(
      /:222222222222:cluster-snapshot:catalog-share-.*-refresh-copy$/,
    );
    // The channel sees it coming: one card, with the snapshots and the buttons.
    const card = await harness.eventually(
      () =>
        harness.standIn
          .messages(cycle.channelId)
          .find((message) => message.text.startsWith('Refresh acceptance-refresh')),
      'the refresh card',
    );
    const shown = JSON.stringify(card.blocks);
    expect(shown).toContain('orders-acc');
    expect(shown).toMatch(/orders-share-/);
    expect(shown).toContain('Skip this run');
    expect(shown).toContain('Run now');

    clock.advance(occurrence.getTime() - clock.now().getTime());
    await composition.refresh.tick();
    await composition.refresh.tick();
    clock.advance(11 * 60_000);
    await composition.refresh.tick();
    const run = await composition.cycleRuns.get(announced?.id ?? '');
    expect(run?.phase).toBe('succeeded');
    // The pipeline got the snapshots it promotes as the variables the policy names.
    const start = harness.sim.callsOf('StartPipelineExecution').find((call) => call.outcome === 'ok');
    expect(start?.input).toMatchObject({
      variables: [
        { name: 'AURORA_SNAPSHOT_ID', value: announced?.databases[0]?.snapshotId },
        { name: 'DOCUMENTDB_SNAPSHOT_ID', value: announced?.databases[1]?.snapshotId },
      ],
    });
    expect(run?.outcome).toMatch(/^pipeline acceptance-refresh succeeded: https:/);
    // Updated in place, the result in its thread.
    const cards = harness.standIn
      .messages(cycle.channelId)
      .filter((message) => message.text.startsWith('Refresh acceptance-refresh'));
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards[0]?.blocks)).toContain('Refreshed');
    expect(cards[0]?.replies.map((reply) => reply.text).join('\n')).toContain('acceptance-refresh: succeeded');
  });
});
