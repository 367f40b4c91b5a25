import { checkView } from '../../block-kit/limits.js';
import { cloneJson, isRecord, type JsonObject } from '../json.js';
import { jsonArgument } from './request-args.js';
import { fail, invalidArguments, type MethodResult } from './results.js';

export type ViewRead = { ok: true; view: JsonObject } | { ok: false; result: MethodResult };

/** Reads the `view` argument of views.open / views.push / views.update and checks it as Slack does. */
export function readViewArgument(args: JsonObject): ViewRead {
  const argument = jsonArgument(args, 'view');
  if (!argument.present) return refuse('/view', 'missing required field: view');
  if (!('value' in argument)) return refuse('/view', 'invalid json');
  return checkViewOfType(argument.value, 'modal');
}

/** Checks a view the app returned in a `response_action` (update/push) the same way. */
export function checkModal(value: unknown): ViewRead {
  return checkViewOfType(value, 'modal');
}

/** Reads views.publish's `view`: a Home tab (`type: 'home'`), checked as Slack checks it (100 blocks). */
export function readHomeArgument(args: JsonObject): ViewRead {
  const argument = jsonArgument(args, 'view');
  if (!argument.present) return refuse('/view', 'missing required field: view');
  if (!('value' in argument)) return refuse('/view', 'invalid json');
  return checkViewOfType(argument.value, 'home');
}

function checkViewOfType(value: unknown, type: 'modal' | 'home'): ViewRead {
  const problems = checkView(value);
  if (problems.length > 0) return { ok: false, result: invalidArguments(problems) };
  if (!isRecord(value)) return refuse('/view', 'must be an object');
  // Modals open with views.open/push/update; Home tabs go through views.publish only.
  if (value.type !== type) return refuse('/view/type', `must be ${type}`);
  return { ok: true, view: cloneJson(value) };
}

export function missingArgument(name: string): MethodResult {
  return fail('invalid_arguments', {
    response_metadata: { messages: [`[ERROR] missing required field: ${name} [json-pointer:/${name}]`] },
  });
}

function refuse(pointer: string, message: string): ViewRead {
  return { ok: false, result: invalidArguments([{ pointer, message }]) };
}
