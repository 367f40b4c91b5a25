import type { BlockKitProblem } from '../../block-kit/limits.js';
import type { JsonObject } from '../json.js';

/** A Web API answer: Slack answers 200 with `ok: false` for errors; only rate limiting changes the status. */
export interface MethodResult {
  status: number;
  headers?: Record<string, string>;
  body: JsonObject;
}

export function ok(body: JsonObject = {}): MethodResult {
  return { status: 200, body: { ok: true, ...body } };
}

export function fail(error: string, extra: JsonObject = {}): MethodResult {
  return { status: 200, body: { ok: false, error, ...extra } };
}

/**
 * chat.* with blocks Slack refuses:
 * `{ ok: false, error: 'invalid_blocks', errors: ['<message> [json-pointer:/blocks/0/text]'],
 *    response_metadata: { messages: ['[ERROR] <message> [json-pointer:/blocks/0/text]'] } }`.
 */
export function invalidBlocks(problems: BlockKitProblem[]): MethodResult {
  const lines = problems.map((problem) => describe(problem, '/blocks'));
  return fail('invalid_blocks', {
    errors: lines,
    response_metadata: { messages: lines.map((line) => `[ERROR] ${line}`) },
  });
}

/** views.* with a view Slack refuses: `invalid_arguments`, the reasons only in `response_metadata.messages`. */
export function invalidArguments(problems: BlockKitProblem[]): MethodResult {
  return fail('invalid_arguments', {
    response_metadata: { messages: problems.map((problem) => `[ERROR] ${describe(problem, '/view')}`) },
  });
}

/** Slack names the argument in the pointer (`/blocks/50`, `/view/title/text`); add it if the checker did not. */
function describe(problem: BlockKitProblem, argument: string): string {
  const pointer =
    problem.pointer === argument || problem.pointer.startsWith(`${argument}/`)
      ? problem.pointer
      : `${argument}${problem.pointer.startsWith('/') || problem.pointer === '' ? '' : '/'}${problem.pointer}`;
  return `${problem.message} [json-pointer:${pointer}]`;
}
