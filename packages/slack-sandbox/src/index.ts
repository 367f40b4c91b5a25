/**
 * A local Slack for any Bolt app: the Web API stand-in, signed deliveries of commands, clicks and
 * view submissions, the sandbox page that lets a person act through it, and the Block Kit validator
 * it rejects payloads with. See README.md.
 */
export {
  BLOCK_KIT_LIMITS,
  type BlockKitProblem,
  checkMessageBlocks,
  checkOptionsResponse,
  checkView,
} from './block-kit/limits.js';
export { type Clock, systemClock } from './clock.js';
export * from './page/index.js';
export * from './slack/index.js';
