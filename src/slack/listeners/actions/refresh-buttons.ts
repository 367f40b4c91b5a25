import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { JobTransitionError } from '../../../domain/job/errors.js';
import type { CycleRun, DecisionContext } from '../../../domain/refresh/cycle-run.js';
import { decideOnRun } from '../../../jobs/refresh/run-decisions.js';
import type { ListenerDeps } from '../../deps.js';
import { refreshCardKey } from '../../refresh-cards.js';
import { clickIsOnCard } from './from-job-card.js';
import { refusalText } from './job-button.js';
import { tellClicker } from './tell-clicker.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * Run now, Postpone and Skip this run on a refresh card. The click counts only on the run's own card;
 * the decision is the domain's (approvers of the replaced environments only), one conditional write
 * on the run, re-applied to a newer version; every refusal is told to the clicker alone.
 */
export function refreshButton(deps: ListenerDeps, decide: (run: CycleRun, context: DecisionContext) => CycleRun) {
  return async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const user = body.user.id;
    const tell = tellClicker(client, body);
    const runId = action.value ?? '';
    const run = await deps.cycleRuns.get(runId);
    const cycle = run && deps.refreshCycles.find((candidate) => candidate.name === run?.cycle);
    const key = refreshCardKey(runId);
    const card = (await deps.cardStates.load([key])).get(key);
    if (!run || !cycle || !card || !clickIsOnCard(body, card)) {
      await tell(':no_entry: this button is not on the card of a refresh run the bot knows, so it changed nothing');
      return;
    }
    const principal = await deps.directory.principalOf(user);
    try {
      const saved = await decideOnRun(decisionDeps(deps), run, cycle, principal, decide);
      await deps.refreshCards?.runChanged(saved, cycle);
    } catch (error) {
      if (error instanceof JobTransitionError) return tell(refusalText(error));
      throw error;
    }
  };
}

/** What deciding on a run needs, from the listeners' own. */
export function decisionDeps(deps: ListenerDeps) {
  return { runs: deps.cycleRuns, policy: deps.policy, clock: deps.clock };
}
