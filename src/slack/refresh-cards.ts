import type { WebClient } from '@slack/web-api';
import type { CardStates } from '../domain/ports/card-states.js';
import type { Clock } from '../domain/ports/clock.js';
import type { RefreshCycle } from '../domain/refresh/cycle.js';
import { type CycleRun, isEnded } from '../domain/refresh/cycle-run.js';
import { buildRefreshCard } from './blocks/refresh-card.js';
import { mention } from './blocks/text.js';
import { drawRunCard } from './run-cards.js';

export interface RefreshCardsDeps {
  client: WebClient;
  cardStates: CardStates;
  clock: Clock;
  log?(message: string, detail?: object): void;
}

/** A run's card state is kept beside the jobs' under its own key, so a run id never meets a job id. */
export function refreshCardKey(runId: string): string {
  return `refresh:${runId}`;
}

/** Thread replies a run's card gets, in order: the reminder, then the result. */
const REMINDER = 1;
const RESULT = 2;

/**
 * Each refresh run's one message in its cycle's channel, drawn from the run and updated in place,
 * with the reminder and the result as replies in its thread (the result mentions who pressed
 * anything). A failed Slack call is drawn again after the run's next change or tick.
 */
export class RefreshCards {
  constructor(private readonly deps: RefreshCardsDeps) {}

  async runChanged(run: CycleRun, cycle: RefreshCycle): Promise<void> {
    await drawRunCard({
      client: this.deps.client,
      cardStates: this.deps.cardStates,
      key: refreshCardKey(run.id),
      channel: cycle.channelId,
      version: run.version,
      draw: () => buildRefreshCard(run, cycle, this.deps.clock.now()),
      postReplies: (threadTs, posted) => this.postReplies(run, cycle, cycle.channelId, threadTs, posted),
    });
  }

  private async postReplies(
    run: CycleRun,
    cycle: RefreshCycle,
    channel: string,
    threadTs: string,
    posted: number,
  ): Promise<number> {
    let done = posted;
    const reply = (text: string) => this.deps.client.chat.postMessage({ channel, thread_ts: threadTs, text });
    if (done < REMINDER && run.reminded && run.phase === 'announced') {
      await reply(
        `:bell: The ${cycle.name} refresh runs in ${Math.round(cycle.remindBeforeMs / 60_000)} minutes. Skip or Postpone it on the card.`,
      );
      done = REMINDER;
    }
    if (done < RESULT && isEnded(run)) {
      const who = [...new Set(run.decisions.map((decision) => mention(decision.userId)))].join(' ');
      await reply(
        `${run.phase === 'succeeded' ? ':white_check_mark:' : run.phase === 'failed' ? ':x:' : ':fast_forward:'} ${cycle.name}: ${run.phase}${run.outcome ? `: ${run.outcome}` : ''}${who ? ` (${who})` : ''}`,
      );
      done = RESULT;
    }
    return done;
  }
}
