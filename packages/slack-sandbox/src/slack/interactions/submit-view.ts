import type { BotResponse, DeliveryOptions } from '../bot-client.js';
import { InteractionNotSentError, StandInUsageError } from '../errors.js';
import { isRecord } from '../json.js';
import type { SlackState } from '../slack-state.js';
import { clientSideProblem, viewElements } from '../view-state.js';
import type { StoredView } from '../view-store.js';
import { MAX_VIEW_STACK } from '../view-store.js';
import { checkModal } from '../web-api/view-argument.js';
import { answered, basics, deliver, type InteractionEnv, requireUser, requireVisibleView } from './environment.js';
import { viewSubmission } from './payloads.js';

/** What Slack did with the modal after the app answered the submission. */
export type ViewSubmitOutcome =
  | { action: 'closed' }
  | { action: 'errors'; errors: Record<string, string> }
  | { action: 'updated' }
  | { action: 'pushed'; viewId: string }
  | { action: 'cleared' }
  /** Slack shows "We had some trouble connecting" and leaves the modal as it was. */
  | { action: 'failed'; reason: string };

export interface SubmitViewResult extends BotResponse {
  outcome: ViewSubmitOutcome;
  triggerId: string;
}

/**
 * The user presses Submit. Slack's client first checks required fields (nothing is sent when one is
 * empty), then sends `view_submission` and applies the app's `response_action`.
 */
export async function submitView(
  env: InteractionEnv,
  input: { user: string; viewId: string },
  delivery: DeliveryOptions = {},
): Promise<SubmitViewResult> {
  const { state } = env;
  const user = requireUser(state, input.user);
  const view = requireVisibleView(state, input.viewId, user.id);
  if (view.definition.submit === undefined) throw new StandInUsageError(`view ${view.id} has no submit button`);
  const clientErrors = clientSideErrors(view);
  if (Object.keys(clientErrors).length > 0) {
    state.views.setErrors(view, clientErrors);
    throw new InteractionNotSentError('Slack does not submit a modal with these fields as they are', clientErrors);
  }

  // Errors shown from an earlier attempt go away when the user submits again.
  if (Object.keys(view.errors).length > 0) state.views.setErrors(view, {});
  const trigger = state.triggers.issue(user.id, 'view_submission');
  const values = structuredClone(view.state);
  const payload = viewSubmission(basics(env, user), state.views.toSlack(view), trigger.id);
  const response = await deliver(env, 'view_submission', () => env.bot.postPayload(payload, delivery));
  state.views.recordSubmission(view, { at: state.clock.now(), values, status: response.status, body: response.body });
  const outcome = applyAnswer(state, view, response);
  return { ...response, outcome, triggerId: trigger.id };
}

function clientSideErrors(view: StoredView): Record<string, string> {
  const blocks = Array.isArray(view.definition.blocks) ? view.definition.blocks : [];
  const errors: Record<string, string> = {};
  for (const ref of viewElements(blocks)) {
    const problem = clientSideProblem(ref, view.state[ref.blockId]?.[ref.actionId]);
    if (problem) errors[ref.blockId] = problem;
  }
  return errors;
}

/** Slack's meaning of the answer to a view_submission. */
function applyAnswer(state: SlackState, view: StoredView, response: BotResponse): ViewSubmitOutcome {
  if (response.timedOut) return { action: 'failed', reason: 'the app did not answer within 3 seconds' };
  if (!answered(response)) return { action: 'failed', reason: `the app answered HTTP ${response.status}` };
  const body = response.body;
  if (body === '' || body === undefined || (isRecord(body) && body.response_action === undefined)) {
    state.views.close(view);
    return { action: 'closed' };
  }
  if (!isRecord(body)) return { action: 'failed', reason: 'the answer is not JSON' };
  switch (body.response_action) {
    case 'errors':
      return applyErrors(state, view, body.errors);
    case 'update': {
      const read = checkModal(body.view);
      if (!read.ok) return { action: 'failed', reason: JSON.stringify(read.result.body) };
      state.views.replace(view, read.view);
      return { action: 'updated' };
    }
    case 'push': {
      const read = checkModal(body.view);
      if (!read.ok) return { action: 'failed', reason: JSON.stringify(read.result.body) };
      if (state.views.stack(view.user).length >= MAX_VIEW_STACK)
        return { action: 'failed', reason: 'push_limit_reached' };
      return { action: 'pushed', viewId: state.views.push(view.user, read.view).id };
    }
    case 'clear':
      state.views.closeAll(view.user);
      return { action: 'cleared' };
    default:
      return { action: 'failed', reason: `unknown response_action ${JSON.stringify(body.response_action)}` };
  }
}

/** Errors must name input blocks of the view and be strings; Slack refuses the answer otherwise. */
function applyErrors(state: SlackState, view: StoredView, errors: unknown): ViewSubmitOutcome {
  if (!isRecord(errors) || Object.keys(errors).length === 0) {
    return { action: 'failed', reason: 'response_action errors without an errors object' };
  }
  const blocks = Array.isArray(view.definition.blocks) ? view.definition.blocks : [];
  const inputBlockIds = new Set(
    viewElements(blocks)
      .filter((ref) => ref.blockType === 'input')
      .map((ref) => ref.blockId),
  );
  const accepted: Record<string, string> = {};
  for (const [blockId, message] of Object.entries(errors)) {
    if (!inputBlockIds.has(blockId)) return { action: 'failed', reason: `errors name ${blockId}, not an input block` };
    if (typeof message !== 'string') return { action: 'failed', reason: `the error for ${blockId} is not a string` };
    accepted[blockId] = message;
  }
  state.views.setErrors(view, accepted);
  return { action: 'errors', errors: accepted };
}
