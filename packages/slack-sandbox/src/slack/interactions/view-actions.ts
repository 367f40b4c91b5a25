import { type BlockKitProblem, checkOptionsResponse } from '../../block-kit/limits.js';
import type { BotResponse, DeliveryOptions } from '../bot-client.js';
import { InteractionNotSentError, StandInUsageError } from '../errors.js';
import { isRecord, type JsonObject, stringField } from '../json.js';
import type { SlackState } from '../slack-state.js';
import {
  acceptValue,
  findElement,
  isOption,
  type SlackOption,
  type ViewElementRef,
  type ViewStateValue,
} from '../view-state.js';
import type { StoredView } from '../view-store.js';
import { answered, basics, deliver, type InteractionEnv, requireUser, requireVisibleView } from './environment.js';
import { blockSuggestion, viewBlockActions, viewClosed } from './payloads.js';

/** What a person does to an element: set a value, or press a button (which changes no state). */
export type ViewAction = ViewStateValue | { type: 'button' };

export interface ActInViewInput {
  user: string;
  viewId: string;
  blockId: string;
  actionId: string;
  action: ViewAction;
}

export interface LoadOptionsInput {
  user: string;
  viewId: string;
  blockId: string;
  actionId: string;
  /** What the user typed. */
  value: string;
}

export interface LoadOptionsResult extends BotResponse {
  /** The options offered (from `options`, or every group's in `option_groups`). */
  options: SlackOption[];
  /** What Slack would refuse in the answer; a refused answer shows the user no options. */
  problems: BlockKitProblem[];
}

/** Slack's default `min_query_length` for external selects. */
const DEFAULT_MIN_QUERY_LENGTH = 3;

/** The user types or picks in a modal. Sends nothing: a field without `dispatch_action` changes silently. */
export function setViewValue(
  state: SlackState,
  viewId: string,
  blockId: string,
  actionId: string,
  value: ViewStateValue,
): StoredView {
  const view = requireVisibleView(state, viewId);
  const ref = requireElement(view, blockId, actionId);
  state.views.setValue(view, blockId, actionId, acceptValue(ref, value));
  return view;
}

/** A change that Slack reports to the app at once (`block_actions` from the modal), with the view's state. */
export async function actInView(
  env: InteractionEnv,
  input: ActInViewInput,
  delivery: DeliveryOptions = {},
): Promise<BotResponse & { triggerId: string }> {
  const { state } = env;
  const user = requireUser(state, input.user);
  const view = requireVisibleView(state, input.viewId, user.id);
  const ref = requireElement(view, input.blockId, input.actionId);
  if (!ref.dispatches) {
    throw new InteractionNotSentError(
      `${input.blockId}/${input.actionId} is an input without dispatch_action: Slack sends nothing until submission`,
    );
  }
  let action: JsonObject;
  if (input.action.type === 'button') {
    if (ref.element.type !== 'button')
      throw new StandInUsageError(`${input.blockId}/${input.actionId} is not a button`);
    const value = stringField(ref.element, 'value');
    action = { type: 'button', text: ref.element.text, ...(value === undefined ? {} : { value }) };
  } else {
    const accepted = acceptValue(ref, input.action);
    state.views.setValue(view, input.blockId, input.actionId, accepted);
    action = { ...accepted };
  }
  const trigger = state.triggers.issue(user.id, 'view_action');
  const payload = viewBlockActions(
    basics(env, user),
    state.views.toSlack(view),
    { ...action, action_id: input.actionId, block_id: input.blockId, action_ts: state.ids.messageTs() },
    trigger.id,
  );
  const response = await deliver(env, 'block_actions', () => env.bot.postPayload(payload, delivery));
  return { ...response, triggerId: trigger.id };
}

/** The user types into an external select: `block_suggestion`, answered with the options to show. */
export async function loadOptions(
  env: InteractionEnv,
  input: LoadOptionsInput,
  delivery: DeliveryOptions = {},
): Promise<LoadOptionsResult> {
  const { state } = env;
  const user = requireUser(state, input.user);
  const view = requireVisibleView(state, input.viewId, user.id);
  const ref = requireElement(view, input.blockId, input.actionId);
  if (ref.element.type !== 'external_select' && ref.element.type !== 'multi_external_select') {
    throw new StandInUsageError(`${input.blockId}/${input.actionId} does not load options from the app`);
  }
  const min =
    typeof ref.element.min_query_length === 'number' ? ref.element.min_query_length : DEFAULT_MIN_QUERY_LENGTH;
  if (input.value.length < min) {
    throw new InteractionNotSentError(`Slack asks for options only after ${min} characters`);
  }
  const payload = blockSuggestion(basics(env, user), state.views.toSlack(view), input, input.value);
  const response = await deliver(env, 'block_suggestion', () => env.bot.postPayload(payload, delivery));
  if (!answered(response)) return { ...response, options: [], problems: [] };
  const problems = checkOptionsResponse(response.body);
  return { ...response, options: problems.length === 0 ? offeredOptions(response.body) : [], problems };
}

/**
 * The user closes the visible modal (Cancel/Back), or every modal with `all` (the ✕). Slack tells the
 * app only when the view asked for it with `notify_on_close`; then the app's answer is returned.
 */
export async function closeView(
  env: InteractionEnv,
  input: { user: string; viewId: string; all?: boolean },
  delivery: DeliveryOptions = {},
): Promise<BotResponse | null> {
  const { state } = env;
  const user = requireUser(state, input.user);
  const view = requireVisibleView(state, input.viewId, user.id);
  const slackView = state.views.toSlack(view);
  const clearing = input.all === true && state.views.stack(user.id).length > 1;
  if (input.all === true) state.views.closeAll(user.id);
  else state.views.close(view);
  if (view.definition.notify_on_close !== true) return null;
  const payload = viewClosed(basics(env, user), slackView, clearing);
  return deliver(env, 'view_closed', () => env.bot.postPayload(payload, delivery));
}

function requireElement(view: StoredView, blockId: string, actionId: string): ViewElementRef {
  const blocks = Array.isArray(view.definition.blocks) ? view.definition.blocks : [];
  const ref = findElement(blocks, blockId, actionId);
  if (!ref) throw new StandInUsageError(`view ${view.id} has no element ${blockId}/${actionId}`);
  return ref;
}

function offeredOptions(body: unknown): SlackOption[] {
  if (!isRecord(body)) return [];
  const groups = Array.isArray(body.option_groups) ? body.option_groups.filter(isRecord) : [];
  const lists = Array.isArray(body.options) ? [body.options] : groups.map((group) => group.options);
  return lists.flatMap((list) => (Array.isArray(list) ? list.filter(isOption) : []));
}
