import type { JsonObject } from '../json.js';
import type { SlackState } from '../slack-state.js';
import type { MethodResult } from './results.js';
import type { UpdateRateLimiter } from './update-rate-limiter.js';

/** What a Web API method handler works with. */
export interface MethodContext {
  state: SlackState;
  updateLimiter: UpdateRateLimiter;
}

export type MethodHandler = (args: JsonObject, context: MethodContext) => MethodResult;
