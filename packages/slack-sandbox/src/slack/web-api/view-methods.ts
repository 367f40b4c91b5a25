import { type JsonObject, stringField } from '../json.js';
import { MAX_VIEW_STACK, type StoredView } from '../view-store.js';
import type { MethodContext, MethodHandler } from './method-context.js';
import { stringArg } from './request-args.js';
import { fail, type MethodResult, ok } from './results.js';
import { missingArgument, readHomeArgument, readViewArgument } from './view-argument.js';

export const viewsOpen: MethodHandler = (args, context) =>
  withTrigger(args, context, (user, view) => {
    const opened = context.state.views.open(user, view);
    return ok({ view: context.state.views.toSlack(opened) });
  });

export const viewsPush: MethodHandler = (args, context) =>
  withTrigger(args, context, (user, view) => {
    const stack = context.state.views.stack(user);
    // views.push adds to a modal the user has open; there is nothing to push onto otherwise.
    if (stack.length === 0) return fail('not_found');
    if (stack.length >= MAX_VIEW_STACK) return fail('push_limit_reached');
    const pushed = context.state.views.push(user, view);
    return ok({ view: context.state.views.toSlack(pushed) });
  });

export const viewsUpdate: MethodHandler = (args, { state }) => {
  const viewId = stringArg(args, 'view_id');
  const externalId = stringArg(args, 'external_id');
  if (viewId === undefined && externalId === undefined) return missingArgument('view_id');
  const target: StoredView | undefined =
    viewId === undefined ? state.views.findOpenByExternalId(externalId ?? '') : state.views.get(viewId);
  if (target?.status !== 'open') return fail('not_found');
  const hash = stringArg(args, 'hash');
  // The hash guards against overwriting a view that changed since the app last saw it.
  if (hash !== undefined && hash !== target.hash) return fail('hash_conflict');
  const read = readViewArgument(args);
  if (!read.ok) return read.result;
  const newExternalId = stringField(read.view, 'external_id');
  const holder = newExternalId ? state.views.findOpenByExternalId(newExternalId) : undefined;
  if (holder && holder.id !== target.id) return fail('duplicate_external_id');
  state.views.replace(target, read.view);
  return ok({ view: state.views.toSlack(target) });
};

/** views.publish: the user's Home tab. Needs no trigger; `hash` guards against a stale overwrite. */
export const viewsPublish: MethodHandler = (args, { state }) => {
  const userId = stringArg(args, 'user_id');
  if (userId === undefined) return missingArgument('user_id');
  const user = state.users.get(userId);
  if (!user || user.isBot) return fail('user_not_found');
  const read = readHomeArgument(args);
  if (!read.ok) return read.result;
  const hash = stringArg(args, 'hash');
  const current = state.views.home(user.id);
  if (hash !== undefined && current && hash !== current.hash) return fail('hash_conflict');
  const home = state.views.publishHome(user.id, read.view);
  return ok({ view: state.views.toSlack(home) });
};

/**
 * views.open / views.push: the trigger decides whose modal it is, and works once, within 3 seconds.
 * It is used up only by a call that succeeds, so a view Slack refuses can be fixed and sent again.
 */
function withTrigger(
  args: JsonObject,
  { state }: MethodContext,
  act: (user: string, view: JsonObject) => MethodResult,
): MethodResult {
  const triggerId = stringArg(args, 'trigger_id') ?? stringArg(args, 'interactivity_pointer');
  if (triggerId === undefined) return missingArgument('trigger_id');
  const read = readViewArgument(args);
  if (!read.ok) return read.result;
  const checked = state.triggers.check(triggerId);
  if (!checked.ok) return fail(checked.error);
  const externalId = stringField(read.view, 'external_id');
  if (externalId && state.views.findOpenByExternalId(externalId)) return fail('duplicate_external_id');
  const result = act(checked.trigger.user, read.view);
  if (result.body.ok === true) state.triggers.redeem(checked.trigger);
  return result;
}
