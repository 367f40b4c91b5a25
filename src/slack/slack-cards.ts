import { createHash } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import { isPerson } from '../domain/actors.js';
import type { Job, JobEvent } from '../domain/job/job.js';
import type { Principals } from '../domain/policy.js';
import type { CardState, CardStates } from '../domain/ports/card-states.js';
import type { Clock } from '../domain/ports/clock.js';
import type { Notifier } from '../domain/ports/notifier.js';
import { buildJobCard } from './blocks/job-card.js';
import type { SlackMessage } from './blocks/layout.js';
import { buildEventReply } from './blocks/thread-replies.js';
import { notInChannelText } from './channel-membership.js';

export interface SlackCardsDeps {
  client: WebClient;
  /** The notifier's own record of what each card shows. */
  cardStates: CardStates;
  clock: Clock;
  /** The policy's maxExpiry, so a card offers only the Extend choices the policy allows. */
  maxExpiryMs?: number;
  /** The approvers of an environment: a card waiting for approval mentions them, and so notifies them. */
  approversFor?(environment: string): Principals | undefined;
  log?(message: string, detail?: object): void;
}

/** Events worth a thread reply under the card; the card itself shows the rest. */
const THREAD_EVENTS: ReadonlySet<JobEvent['type']> = new Set([
  'approved',
  'rejected',
  'cancelled',
  'expired',
  'rollback',
  'step-retry',
  'succeeded',
  'failed',
]);

/** A card whose job did not change is redrawn for its clock at most this often. */
const CLOCK_REFRESH_MS = 60_000;

/**
 * Card updates this drawer makes in any minute, at most, counting those for the clock: chat.update
 * is Tier 3 (~50 a minute per workspace), and changes to jobs come first.
 */
const MAX_UPDATES_PER_MINUTE = 40;

/** Cards whose text moves with the clock: elapsed and time left, the approval deadline, "expires in". */
function showsClock(job: Job): boolean {
  return (
    job.status === 'awaiting_approval' ||
    job.status === 'running' ||
    (job.status === 'succeeded' && job.expiry?.state === 'scheduled')
  );
}

function isNotInChannel(error: unknown): boolean {
  const code = (error as { data?: { error?: string } }).data?.error;
  return code === 'not_in_channel' || code === 'channel_not_found';
}

/** What the card shows, in a few characters: equal fingerprints mean an update would change nothing. */
function fingerprint(card: SlackMessage): string {
  return createHash('sha256').update(JSON.stringify(card)).digest('base64url').slice(0, 22);
}

/**
 * One Slack message per job, drawn from the job alone and updated in place. The card state
 * (message ts, the job version drawn, events posted) lives beside the job, so a failed Slack
 * call is simply drawn again at the next sync. Updates to one card are coalesced: while one
 * is being drawn, later versions wait and only the newest is drawn next. A card whose job did not
 * change is redrawn on a sync when its clock moved what it shows (at most once a minute per card,
 * within a budget of updates per minute across all cards).
 */
export class SlackCards implements Notifier {
  private readonly drawing = new Map<string, Promise<void>>();
  private readonly newest = new Map<string, Job>();
  /** When this drawer called chat.update or chat.postMessage for a card, over the last minute. */
  private readonly recentUpdates: number[] = [];
  /** Jobs whose requester was told the bot is not in the card's channel. */
  private readonly toldNotInChannel = new Set<string>();

  constructor(private readonly deps: SlackCardsDeps) {}

  async jobChanged(job: Job): Promise<void> {
    await this.draw(job);
  }

  async sync(jobs: Job[]): Promise<void> {
    const withCards = jobs.filter((job) => job.card?.channelId);
    if (withCards.length === 0) return;
    const states = await this.deps.cardStates.load(withCards.map((job) => job.id));
    const behind = withCards.filter((job) => (states.get(job.id)?.renderedVersion ?? -1) < job.version);
    const now = this.deps.clock.now().getTime();
    const room = this.updatesLeft(now) - behind.length;
    // Stalest first, so under the budget every card gets its turn.
    const dueForClock = withCards
      .filter((job) => !behind.includes(job) && showsClock(job))
      .filter((job) => !this.drawing.has(job.id) && now - (states.get(job.id)?.drawnAtMs ?? 0) >= CLOCK_REFRESH_MS)
      .sort((a, b) => (states.get(a.id)?.drawnAtMs ?? 0) - (states.get(b.id)?.drawnAtMs ?? 0))
      .slice(0, Math.max(0, room));
    await Promise.all([
      ...behind.map((job) => this.draw(job, states.get(job.id))),
      ...dueForClock.map((job) => this.refreshClock(job, states.get(job.id))),
    ]);
  }

  /**
   * The channel lost its messages (a local Slack that restarted; the jobs were kept): posts each job's
   * card again as a new message and points its card state there, so it can be approved and followed.
   * Replies its old thread already had are not posted again.
   */
  async repost(jobs: Job[]): Promise<void> {
    const states = await this.deps.cardStates.load(jobs.map((job) => job.id));
    for (const job of jobs)
      await this.exclusive(job.id, () => this.drawOnce(job, states.get(job.id), { repost: true }));
  }

  /** Redraws an unchanged job's card if its clock moved what it shows; skipped while the card is being drawn. */
  private async refreshClock(job: Job, known?: CardState): Promise<void> {
    if (this.drawing.has(job.id)) return;
    return this.exclusive(job.id, () => this.drawOnce(job, known, { clock: true }));
  }

  private updatesLeft(now: number): number {
    while ((this.recentUpdates[0] ?? now) <= now - 60_000) this.recentUpdates.shift();
    return MAX_UPDATES_PER_MINUTE - this.recentUpdates.length;
  }

  /** Draws `job` unless a newer version is already drawn; coalesces concurrent calls per job. */
  private async draw(job: Job, known?: CardState): Promise<void> {
    const newest = this.newest.get(job.id);
    if (!newest || newest.version < job.version) this.newest.set(job.id, job);
    return this.exclusive(job.id, async () => known);
  }

  /** One drawing at a time per card: `first`, then the newest version anyone asked for meanwhile. */
  private exclusive(jobId: string, first: () => Promise<CardState | undefined>): Promise<void> {
    const running = this.drawing.get(jobId);
    if (running) return running;
    const work = (async () => {
      let state = await first();
      for (let next = this.newest.get(jobId); next; next = this.newest.get(jobId)) {
        this.newest.delete(jobId);
        state = await this.drawOnce(next, state);
      }
    })().finally(() => this.drawing.delete(jobId));
    this.drawing.set(jobId, work);
    return work;
  }

  /**
   * Draws `job`'s card if it shows an older version; with `clock`, also if the same version now reads
   * differently; with `repost`, always, as a new message.
   */
  private async drawOnce(
    job: Job,
    known?: CardState,
    options: { clock?: boolean; repost?: boolean } = {},
  ): Promise<CardState | undefined> {
    const channelId = job.card?.channelId;
    if (!channelId) return known;
    const state = known ?? (await this.deps.cardStates.load([job.id])).get(job.id);
    const shown =
      state && (state.renderedVersion > job.version || (state.renderedVersion === job.version && !options.clock));
    if (shown && !options.repost) return state;
    const now = this.deps.clock.now();
    const approvers = this.deps.approversFor?.(job.plan.target.environment);
    const card = buildJobCard(job, {
      now,
      ...(this.deps.maxExpiryMs === undefined ? {} : { maxExpiryMs: this.deps.maxExpiryMs }),
      ...(approvers ? { approvers } : {}),
    });
    const drawnHash = fingerprint(card);
    if (options.clock && state?.drawnHash === drawnHash) return state;
    try {
      this.recentUpdates.push(now.getTime());
      let messageTs = options.repost ? undefined : state?.messageTs;
      if (messageTs) {
        await this.deps.client.chat.update({ channel: channelId, ts: messageTs, text: card.text, blocks: card.blocks });
      } else {
        const posted = await this.deps.client.chat.postMessage({
          channel: channelId,
          text: card.text,
          blocks: card.blocks,
        });
        messageTs = posted.ts;
      }
      if (!messageTs) return state;
      const alreadyPosted = state?.eventsPosted ?? (options.repost ? job.events.length : 0);
      const eventsPosted = await this.postThreadReplies(job, channelId, messageTs, alreadyPosted);
      const next: CardState = {
        channelId,
        messageTs,
        renderedVersion: job.version,
        eventsPosted,
        drawnAtMs: now.getTime(),
        drawnHash,
      };
      await this.deps.cardStates.save(job.id, next);
      return next;
    } catch (error) {
      // Left behind on purpose: the next sync sees the older rendered version and draws again.
      this.deps.log?.('card not drawn', { jobId: job.id, error: (error as Error).message });
      if (!state?.messageTs && isNotInChannel(error)) await this.tellRequesterNotInChannel(job, channelId);
      return state;
    }
  }

  /**
   * The bot was removed from the channel (or never invited) between the request and its card: the
   * requester hears it in a direct message from the app, once per job in this process, since an
   * ephemeral needs the bot in the channel too. The card is posted at the next sync after an invite.
   */
  private async tellRequesterNotInChannel(job: Job, channelId: string): Promise<void> {
    // A scheduled refresh's restores have no person to write to: its own card says it failed to post.
    if (this.toldNotInChannel.has(job.id) || !isPerson(job.request.requester.userId)) return;
    this.toldNotInChannel.add(job.id);
    const text = `${notInChannelText(channelId)} (restore job ${job.id}, ${job.plan.target.identifier})`;
    await this.deps.client.chat
      .postMessage({ channel: job.request.requester.userId, text })
      .catch((error: Error) =>
        this.deps.log?.('could not tell the requester', { jobId: job.id, error: error.message }),
      );
  }

  private async postThreadReplies(job: Job, channelId: string, threadTs: string, posted: number): Promise<number> {
    for (const event of job.events.slice(posted)) {
      if (!THREAD_EVENTS.has(event.type)) continue;
      const reply = buildEventReply(job, event);
      await this.deps.client.chat.postMessage({
        channel: channelId,
        thread_ts: threadTs,
        text: reply.text,
        blocks: reply.blocks,
      });
    }
    return job.events.length;
  }
}
