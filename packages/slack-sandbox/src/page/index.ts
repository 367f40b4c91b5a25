/**
 * The Slack sandbox page: `npm start` without Slack credentials serves it at `/`, next to the app's
 * `/slack/events`. It draws the stand-in's workspace for one person at a time and acts through the
 * stand-in's user methods, so the app only ever sees signed requests, exactly as from Slack.
 */
export { SandboxRequestError } from './actions.js';
export { loadSandboxAssets, manifestCommands, type SandboxAssets } from './assets.js';
export { createSandboxPage, type SandboxPage, type SandboxPageOptions } from './sandbox-page.js';
export type {
  BlockJson,
  SandboxActionResult,
  SandboxApiCall,
  SandboxCommand,
  SandboxEphemeral,
  SandboxMessage,
  SandboxPerson,
  SandboxSnapshot,
  SandboxView,
} from './snapshot-types.js';
