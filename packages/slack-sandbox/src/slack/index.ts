/**
 * The Slack stand-in: a local Slack for tests and the sandbox page.
 *
 * Wiring, in this order (each side needs the other's URL):
 * 1. `const standIn = new SlackStandIn({ signingSecret }); const { url } = await standIn.start();`
 * 2. start the bot with its Web API base URL at `${url}/api/` (`SLACK_API_URL`), the stand-in's
 *    `botToken` and the same signing secret;
 * 3. `standIn.setBotUrl('http://127.0.0.1:<port>/slack/events')`, then act as users:
 *    `slashCommand`, `clickButton`, `setViewValue`, `actInView`, `loadOptions`, `submitView`, `closeView`,
 *    and read `messages()`, `openViews()`, `calls`, or follow `on('change', …)`.
 */
export { ACK_TIMEOUT_MS, BotClient, type BotResponse, type DeliveryOptions } from './bot-client.js';
export type { ApiCall } from './call-log.js';
export type { ChangeListener, StandInChange } from './changes.js';
export { createDefaultWorkspace } from './default-workspace.js';
export { BotUnreachableError, InteractionNotSentError, StandInUsageError } from './errors.js';
export type { ClickButtonInput, ClickButtonResult } from './interactions/click-button.js';
export type { SlashCommandInput, SlashCommandResult } from './interactions/slash-command.js';
export type { SubmitViewResult, ViewSubmitOutcome } from './interactions/submit-view.js';
export type { ActInViewInput, LoadOptionsInput, LoadOptionsResult, ViewAction } from './interactions/view-actions.js';
export type { EphemeralMessage, MessageVersion, StoredMessage } from './message-store.js';
export { type SlackContentType, signSlackRequest, slackHeaders } from './signing.js';
export { SlackState } from './slack-state.js';
export { TRIGGER_LIFETIME_MS } from './trigger-registry.js';
export type { SlackOption, ViewStateValue, ViewStateValues } from './view-state.js';
export type { StoredView, ViewSubmissionRecord } from './view-store.js';
export { SlackStandIn, type SlackStandInOptions } from './web-api-server.js';
export type {
  SlackBotIdentity,
  SlackChannel,
  SlackTeam,
  SlackUser,
  SlackUserGroup,
  SlackWorkspace,
} from './workspace.js';
