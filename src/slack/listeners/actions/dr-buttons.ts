import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import {
  approveRecovery,
  approveSwitch,
  type DrRun,
  discardRecovery,
  rejectRecovery,
  switchBack,
} from '../../../domain/dr/dr-run.js';
import type { RecoveryPlanPolicy } from '../../../domain/dr/dr-schema.js';
import { JobConflictError, JobTransitionError } from '../../../domain/job/errors.js';
import type { Principal } from '../../../domain/policy-rules.js';
import type { ListenerDeps } from '../../deps.js';
import { drCardKey } from '../../dr-cards.js';
import { clickIsOnCard } from './from-job-card.js';
import { refusalText } from './job-button.js';
import { tellClicker } from './tell-clicker.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type Decision = (run: DrRun, plan: RecoveryPlanPolicy, principal: Principal, now: Date) => DrRun;

/** Each DR button's decision, by the name its registration gives. */
export const DR_DECISIONS = {
  approve: approveRecovery,
  reject: rejectRecovery,
  switch: approveSwitch,
  switchBack,
  discard: discardRecovery,
} satisfies Record<string, Decision>;

/** A decision that keeps meeting newer versions of the run (the worker saving its steps) is given up after this many. */
const ATTEMPTS = 5;

/**
 * Approve recovery, Reject, Approve switch and Switch back on a DR card. The click counts only on the
 * run's own card (its channel and message as the bot posted them); the decision is the domain's (DR
 * approvers, never the requester's own approval), one conditional write re-applied to a newer version,
 * then the worker is kicked; every refusal is told to the clicker alone.
 */
export function drButton(deps: ListenerDeps, decide: Decision) {
  return async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const user = body.user.id;
    const tell = tellClicker(client, body);
    const runId = action.value ?? '';
    const key = drCardKey(runId);
    const dr = await deps.drServices?.();
    const [stored, cards] = await Promise.all([dr?.runs.get(runId), deps.cardStates.load([key])]);
    const card = cards.get(key);
    const plan = stored && deps.policy.disasterRecovery?.environments[stored.environment];
    if (!dr || !stored || !plan || !card || !clickIsOnCard(body, card)) {
      await tell(':no_entry: this button is not on the card of a DR run the bot knows, so it changed nothing');
      return;
    }
    const principal = await deps.directory.principalOf(user);
    let run: DrRun | undefined = stored;
    try {
      for (let attempt = 0; attempt < ATTEMPTS && run; attempt += 1) {
        try {
          const saved = await dr.runs.save(decide(run, plan, principal, deps.clock.now()));
          await dr.cards?.runChanged(saved).catch((error: Error) => {
            deps.log('DR card not updated', { runId, error: error.message });
          });
          await deps.kicker.kick(saved.id);
          return;
        } catch (error) {
          if (!(error instanceof JobConflictError)) throw error;
          run = await dr.runs.get(runId);
        }
      }
      await tell(':no_entry: too many changes at once on this DR run: nothing was changed, press again');
    } catch (error) {
      if (error instanceof JobTransitionError) return tell(refusalText(error));
      throw error;
    }
  };
}
