import type { JsonObject } from '../json.js';
import type { SlackState } from '../slack-state.js';
import type { SlackChannel, SlackUser } from '../workspace.js';

/** The parts every interactivity payload carries, as Slack fills them in. */
export interface PayloadBasics {
  state: SlackState;
  user: SlackUser;
  verificationToken: string;
}

/** `user` in interactivity payloads. */
export function userRef(state: SlackState, user: SlackUser): JsonObject {
  return { id: user.id, username: user.name, name: user.name, team_id: state.team.id };
}

function common({ state, user, verificationToken }: PayloadBasics): JsonObject {
  return {
    user: userRef(state, user),
    api_app_id: state.bot.appId,
    token: verificationToken,
    team: { id: state.team.id, domain: state.team.domain },
    enterprise: null,
    is_enterprise_install: false,
  };
}

/** The form fields of a slash command, in the order Slack sends them. */
export function slashCommandFields(
  basics: PayloadBasics,
  channel: SlackChannel,
  command: string,
  text: string,
  responseUrl: string,
  triggerId: string,
): Record<string, string> {
  const { state, user, verificationToken } = basics;
  return {
    token: verificationToken,
    team_id: state.team.id,
    team_domain: state.team.domain,
    channel_id: channel.id,
    channel_name: channel.isIm ? 'directmessage' : channel.name,
    user_id: user.id,
    user_name: user.name,
    command,
    text,
    api_app_id: state.bot.appId,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: triggerId,
  };
}

/** `block_actions` for a click on a message (channel or ephemeral). */
export function messageBlockActions(
  basics: PayloadBasics,
  details: {
    channel: SlackChannel;
    messageTs: string;
    threadTs?: string;
    ephemeral: boolean;
    message?: JsonObject;
    action: JsonObject;
    triggerId: string;
    responseUrl: string;
  },
): JsonObject {
  const { channel } = details;
  return {
    type: 'block_actions',
    ...common(basics),
    container: {
      type: 'message',
      message_ts: details.messageTs,
      channel_id: channel.id,
      is_ephemeral: details.ephemeral,
      ...(details.threadTs === undefined ? {} : { thread_ts: details.threadTs }),
    },
    trigger_id: details.triggerId,
    channel: { id: channel.id, name: channel.isIm ? 'directmessage' : channel.name },
    // Slack keeps no copy of an ephemeral message, so it cannot send one back.
    ...(details.message === undefined ? {} : { message: details.message }),
    state: { values: {} },
    response_url: details.responseUrl,
    actions: [details.action],
  };
}

/** `block_actions` for a change inside a modal. */
export function viewBlockActions(
  basics: PayloadBasics,
  view: JsonObject,
  action: JsonObject,
  triggerId: string,
): JsonObject {
  return {
    type: 'block_actions',
    ...common(basics),
    container: { type: 'view', view_id: view.id },
    trigger_id: triggerId,
    view,
    actions: [action],
  };
}

export function viewSubmission(basics: PayloadBasics, view: JsonObject, triggerId: string): JsonObject {
  return { type: 'view_submission', ...common(basics), trigger_id: triggerId, view, response_urls: [] };
}

export function viewClosed(basics: PayloadBasics, view: JsonObject, isCleared: boolean): JsonObject {
  return { type: 'view_closed', ...common(basics), view, is_cleared: isCleared };
}

export function blockSuggestion(
  basics: PayloadBasics,
  view: JsonObject,
  ids: { blockId: string; actionId: string },
  value: string,
): JsonObject {
  return {
    type: 'block_suggestion',
    ...common(basics),
    container: { type: 'view', view_id: view.id },
    action_id: ids.actionId,
    block_id: ids.blockId,
    value,
    view,
  };
}
