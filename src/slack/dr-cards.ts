import type { WebClient } from '@slack/web-api';
import type { DrRun } from '../domain/dr/dr-run.js';
import type { DisasterRecoveryPolicy, RecoveryPlanPolicy } from '../domain/dr/dr-schema.js';
import type { CardStates } from '../domain/ports/card-states.js';
import type { Clock } from '../domain/ports/clock.js';
import { achievedRpoText, achievedRtoText, buildDrCard } from './blocks/dr-card.js';
import { drawRunCard } from './run-cards.js';

export interface DrCardsDeps {
  client: WebClient;
  cardStates: CardStates;
  clock: Clock;
  disasterRecovery: DisasterRecoveryPolicy;
  log?(message: string, detail?: object): void;
}

/** A DR run's card state, beside the jobs' and refresh runs' under its own key. */
export function drCardKey(runId: string): string {
  return `dr:${runId}`;
}

/** Reports posted in the incident channel, in order: the result (switched, drill done, failed), then a switch back. */
const RESULT = 1;
const SWITCHED_BACK = 2;

/**
 * Each DR run's one card in its incident channel, drawn from the run and updated in place, with the
 * final report (the timeline's achieved RPO and RTO, green or red) posted in the channel once, and a
 * switch back's after it. A failed Slack call is drawn again after the run's next change or tick.
 */
export class DrCards {
  constructor(private readonly deps: DrCardsDeps) {}

  async runChanged(run: DrRun): Promise<void> {
    const plan = this.deps.disasterRecovery.environments[run.environment];
    if (!plan) return;
    await drawRunCard({
      client: this.deps.client,
      cardStates: this.deps.cardStates,
      key: drCardKey(run.id),
      channel: run.channelId,
      version: run.version,
      draw: () => buildDrCard(run, plan, this.deps.clock.now()),
      postReplies: (threadTs, posted) => this.postReports(run, plan, threadTs, posted),
    });
  }

  /**
   * A scheduled drill that could not be made (no path in the DR Region now): said once in its channel,
   * keyed by the run it would have been, so every later tick within the occurrence stays quiet.
   */
  async reportDrillProblem(runId: string, channel: string, problem: string): Promise<void> {
    const key = drCardKey(runId);
    if ((await this.deps.cardStates.load([key])).get(key)) return;
    const { ts } = await this.deps.client.chat.postMessage({
      channel,
      text: `:warning: A scheduled DR drill could not start: ${problem}`,
    });
    if (ts)
      await this.deps.cardStates.save(key, { channelId: channel, messageTs: ts, renderedVersion: 0, eventsPosted: 0 });
  }

  private async postReports(run: DrRun, plan: RecoveryPlanPolicy, threadTs: string, posted: number): Promise<number> {
    const channel = run.channelId;
    let done = posted;
    // In the channel as well as the thread: the incident's people see the outcome without opening it.
    const report = (text: string) =>
      this.deps.client.chat.postMessage({ channel, thread_ts: threadTs, reply_broadcast: true, text });
    const ended = ['switched', 'drilled', 'failed', 'rejected', 'switched-back', 'discarded'].includes(run.phase);
    if (done < RESULT && ended) {
      await report(resultText(run, plan));
      done = RESULT;
    }
    if (done < SWITCHED_BACK && run.phase === 'switched-back') {
      await report(
        `:leftwards_arrow_with_hook: ${run.database.identifier}: switched back to the values from before the switch.`,
      );
      done = SWITCHED_BACK;
    }
    return done;
  }
}

function resultText(run: DrRun, plan: RecoveryPlanPolicy): string {
  const rpo = achievedRpoText(run, plan);
  const achievedRto = achievedRtoText(run, plan);
  const rto = achievedRto ? ` · ${achievedRto}` : '';
  switch (run.phase) {
    case 'failed':
      return `:x: ${run.drill ? 'DR drill' : 'Disaster recovery'} of ${run.database.identifier} failed: ${run.outcome ?? ''}`;
    case 'discarded':
      return `:wastebasket: Disaster recovery of ${run.database.identifier} was discarded: ${run.outcome ?? ''}.`;
    case 'rejected':
      return `:no_entry: ${run.drill ? 'DR drill' : 'Disaster recovery'} of ${run.database.identifier} was rejected.`;
    case 'drilled':
      return `:checkered_flag: DR drill of ${run.database.identifier} into ${run.drRegion}: ${rpo}${rto}. Nothing was switched${run.timeline.some((entry) => entry.event === 'copy-expired') ? `; ${run.database.restoreAs} is being deleted` : ''}.`;
    default:
      return `:large_green_circle: ${run.database.identifier} runs in ${run.drRegion} now (${run.endpoint ?? run.database.restoreAs}): ${rpo}${rto}.`;
  }
}
