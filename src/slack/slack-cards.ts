import type { WebClient } from '@slack/web-api';
import type { Job, JobEvent } from '../domain/job/job.js';
import type { Clock } from '../domain/ports/clock.js';
import type { CardState, JobStore } from '../domain/ports/job-store.js';
import type { Notifier } from '../domain/ports/notifier.js';
import { buildJobCard } from './blocks/job-card.js';
import { buildEventReply } from './blocks/thread-replies.js';

export interface SlackCardsDeps {
  client: WebClient;
  store: JobStore;
  clock: Clock;
  /** The policy's maxExpiry, so a card offers only the Extend choices the policy allows. */
  maxExpiryMs?: number;
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

/**
 * One Slack message per job, drawn from the job alone and updated in place. The card state
 * (message ts, the job version drawn, events posted) lives beside the job, so a failed Slack
 * call is simply drawn again at the next sync. Updates to one card are coalesced: while one
 * is being drawn, later versions wait and only the newest is drawn next.
 */
export class SlackCards implements Notifier {
  private readonly drawing = new Map<string, Promise<void>>();
  private readonly newest = new Map<string, Job>();

  constructor(private readonly deps: SlackCardsDeps) {}

  async jobChanged(job: Job): Promise<void> {
    await this.draw(job);
  }

  async sync(jobs: Job[]): Promise<void> {
    const withCards = jobs.filter((job) => job.card?.channelId);
    if (withCards.length === 0) return;
    const states = await this.deps.store.cardStates(withCards.map((job) => job.id));
    const behind = withCards.filter((job) => (states.get(job.id)?.renderedVersion ?? -1) < job.version);
    await Promise.all(behind.map((job) => this.draw(job, states.get(job.id))));
  }

  /** Draws `job` unless a newer version is already drawn; coalesces concurrent calls per job. */
  private async draw(job: Job, known?: CardState): Promise<void> {
    const newest = this.newest.get(job.id);
    if (!newest || newest.version < job.version) this.newest.set(job.id, job);
    const running = this.drawing.get(job.id);
    if (running) return running;
    const work = (async () => {
      let state = known;
      for (let next = this.newest.get(job.id); next; next = this.newest.get(job.id)) {
        this.newest.delete(job.id);
        state = await this.drawOnce(next, state);
      }
    })().finally(() => this.drawing.delete(job.id));
    this.drawing.set(job.id, work);
    return work;
  }

  private async drawOnce(job: Job, known?: CardState): Promise<CardState | undefined> {
    const channelId = job.card?.channelId;
    if (!channelId) return known;
    const state = known ?? (await this.deps.store.cardStates([job.id])).get(job.id);
    if (state && state.renderedVersion >= job.version) return state;
    const card = buildJobCard(job, {
      now: this.deps.clock.now(),
      ...(this.deps.maxExpiryMs === undefined ? {} : { maxExpiryMs: this.deps.maxExpiryMs }),
    });
    try {
      let messageTs = state?.messageTs;
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
      const eventsPosted = await this.postThreadReplies(job, channelId, messageTs, state?.eventsPosted ?? 0);
      const next: CardState = { channelId, messageTs, renderedVersion: job.version, eventsPosted };
      await this.deps.store.saveCardState(job.id, next);
      return next;
    } catch (error) {
      // Left behind on purpose: the next sync sees the older rendered version and draws again.
      this.deps.log?.('card not drawn', { jobId: job.id, error: (error as Error).message });
      return state;
    }
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
