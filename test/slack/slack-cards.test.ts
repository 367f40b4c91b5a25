import { SlackStandIn } from '@db-restore-bot/slack-sandbox';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../src/domain/job/job.js';
import { approveJob } from '../../src/domain/job/transitions.js';
import { DynamoDbCardStates } from '../../src/jobs/table/card-states.js';
import { SlackCards } from '../../src/slack/slack-cards.js';
import { type RunningDynalite, startDynalite } from '../helpers/dynalite.js';
import { sampleJob } from '../helpers/jobs.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { APPROVER } from '../helpers/simulated-environment.js';

const TOKEN = 'xoxb-cards';
let dynamo: RunningDynalite;
let standIn: SlackStandIn;
let cardStates: DynamoDbCardStates;
let apiUrl: string;

beforeAll(async () => {
  dynamo = await startDynalite();
  cardStates = new DynamoDbCardStates({ client: dynamo.client, tableName: dynamo.tableName });
  standIn = new SlackStandIn({ botToken: TOKEN, signingSecret: 'unused' });
  apiUrl = `${(await standIn.start()).url}/api/`;
});

afterAll(async () => {
  await standIn.stop();
  await dynamo.close();
});

/** A drawer whose Slack client gives up at once (no retries, rate limits refused), so failures show. */
function cards(clock = new ManualClock()): SlackCards {
  return new SlackCards({
    client: new WebClient(TOKEN, { slackApiUrl: apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true }),
    cardStates,
    clock,
  });
}

function inChannel(id: string): Job {
  return { ...sampleJob(id), card: { channelId: 'C0RESTORES' } };
}

describe('SlackCards', () => {
  it('draws a burst through one drawer with at most two Slack calls', async () => {
    const job = inChannel('cards-coalesced');
    const drawer = cards();
    await drawer.jobChanged(job);
    const before = standIn.calls.length;
    await Promise.all([1, 2, 3, 4, 5].map((version) => drawer.jobChanged({ ...job, version })));
    const calls = standIn.calls.slice(before).filter((call) => call.method.startsWith('chat.'));
    expect(calls.length).toBeLessThanOrEqual(2);
    expect((await cardStates.load([job.id])).get(job.id)?.renderedVersion).toBe(5);
  });

  it('redraws on the next sync a card whose update Slack refused', async () => {
    const job = inChannel('cards-repair');
    await cards().jobChanged(job);
    const approved = {
      ...approveJob(
        job,
        { userId: APPROVER, userGroupIds: [] },
        { approvers: { users: [APPROVER], userGroups: [] }, approvalsRequired: 1 },
        new Date('2026-11-22T10:01:00Z'),
      ),
      version: 1,
    };
    standIn.setChatUpdateRateLimiting(true);
    const drawer = cards();
    await drawer.jobChanged(approved);
    await drawer.jobChanged({ ...approved, version: 2 });
    standIn.setChatUpdateRateLimiting(false);
    expect((await cardStates.load([job.id])).get(job.id)?.renderedVersion).toBeLessThan(2);

    await cards().sync([{ ...approved, version: 2 }]);
    expect((await cardStates.load([job.id])).get(job.id)?.renderedVersion).toBe(2);
  });

  it("refreshes unchanged cards for their clock within chat.update's budget, stalest first", async () => {
    // Prepare: 45 cards awaiting approval, drawn; two minutes later every deadline reads differently.
    const clock = new ManualClock();
    const drawer = cards(clock);
    const jobs = Array.from({ length: 45 }, (_, index) => inChannel(`cards-clock-${index}`));
    for (const job of jobs) await drawer.jobChanged(job);
    clock.advance(2 * 60_000);
    const updatedSince = (from: number) =>
      new Set(
        standIn.calls
          .slice(from)
          .filter((call) => call.method === 'chat.update')
          .map((call) => String((call.args as { ts?: string }).ts)),
      );
    const tsOf = async (job: Job) => (await cardStates.load([job.id])).get(job.id)?.messageTs;

    // Act: one sync, then another in the same minute.
    const first = standIn.calls.length;
    await drawer.sync(jobs);
    const second = standIn.calls.length;
    await drawer.sync(jobs);

    // Assess: at most the budget in a minute, and none twice.
    const refreshed = updatedSince(first);
    expect(refreshed.size).toBe(40);
    expect(updatedSince(second).size).toBe(0);

    // Act: a minute later, the cards left behind go first.
    clock.advance(60_000);
    const third = standIn.calls.length;
    await drawer.sync(jobs);

    // Assess
    const later = updatedSince(third);
    const leftBehind = (await Promise.all(jobs.map(tsOf))).filter((ts) => ts && !refreshed.has(ts));
    expect(leftBehind).toHaveLength(5);
    for (const ts of leftBehind) expect(later.has(ts as string)).toBe(true);
    expect(later.size).toBeLessThanOrEqual(40);
  });

  it('posts a card again as a new message when its channel lost it, without repeating the thread', async () => {
    // Prepare: an approved job whose card and thread reply were posted, then a Slack that forgot them.
    const job = inChannel('cards-repost');
    const approved = {
      ...approveJob(
        job,
        { userId: APPROVER, userGroupIds: [] },
        { approvers: { users: [APPROVER], userGroups: [] }, approvalsRequired: 1 },
        new Date('2026-11-22T10:01:00Z'),
      ),
      version: 1,
    };
    await cards().jobChanged(approved);
    const before = (await cardStates.load([job.id])).get(job.id);
    const repliesBefore = standIn.callsTo('chat.postMessage').filter((call) => 'thread_ts' in call.args).length;

    // Act
    await cards().repost([approved]);

    // Assess: a new message, the state pointing at it, the same version, no reply posted twice.
    const after = (await cardStates.load([job.id])).get(job.id);
    expect(before?.messageTs).toBeDefined();
    expect(after?.messageTs).toBeDefined();
    expect(after?.messageTs).not.toBe(before?.messageTs);
    expect(after).toMatchObject({ renderedVersion: 1, eventsPosted: before?.eventsPosted });
    expect(standIn.message('C0RESTORES', after?.messageTs ?? '')?.text).toBe(
      standIn.message('C0RESTORES', before?.messageTs ?? '')?.text,
    );
    expect(standIn.callsTo('chat.postMessage').filter((call) => 'thread_ts' in call.args)).toHaveLength(repliesBefore);
  });
});
