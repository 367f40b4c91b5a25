import type { BotClient, BotResponse } from '../bot-client.js';
import type { ChangeListener } from '../changes.js';
import { StandInUsageError } from '../errors.js';
import type { SlackState } from '../slack-state.js';
import type { StoredView } from '../view-store.js';
import type { SlackChannel, SlackUser } from '../workspace.js';
import type { PayloadBasics } from './payloads.js';

/** What the interactions (Slack acting toward the app) need from the stand-in. */
export interface InteractionEnv {
  state: SlackState;
  bot: BotClient;
  verificationToken: string;
  /** The stand-in's own base URL: response URLs point back at it. */
  baseUrl(): string;
  notify: ChangeListener;
}

export function requireUser(state: SlackState, userId: string): SlackUser {
  const user = state.users.get(userId);
  if (!user || user.isBot) throw new StandInUsageError(`no person ${userId} in the workspace`);
  return user;
}

export function requireChannel(state: SlackState, channelId: string): SlackChannel {
  const channel = state.resolveChannel(channelId);
  if (!channel) throw new StandInUsageError(`no channel ${channelId} in the workspace`);
  return channel;
}

/** The modal the user is looking at: only the top of their stack can be typed into or submitted. */
export function requireVisibleView(state: SlackState, viewId: string, userId?: string): StoredView {
  const view = state.views.get(viewId);
  if (view?.status !== 'open') throw new StandInUsageError(`view ${viewId} is not open`);
  if (userId !== undefined && view.user !== userId) {
    throw new StandInUsageError(`view ${viewId} is open for ${view.user}, not ${userId}`);
  }
  // A Home tab is no modal: it is on no stack, and the user sees it whenever they open it.
  if (state.views.home(view.user)?.id === view.id) return view;
  if (state.views.top(view.user)?.id !== view.id) {
    throw new StandInUsageError(`view ${viewId} is covered by a view pushed on top of it`);
  }
  return view;
}

export function basics(env: InteractionEnv, user: SlackUser): PayloadBasics {
  return { state: env.state, user, verificationToken: env.verificationToken };
}

/** Sends one request to the app and tells listeners how it went. */
export async function deliver(
  env: InteractionEnv,
  type: string,
  send: () => Promise<BotResponse>,
): Promise<BotResponse> {
  const response = await send();
  env.notify({ kind: 'bot_request', type, status: response.status, timedOut: response.timedOut });
  return response;
}

/** Slack treats anything but a timely 200 as a failure and shows the user an error. */
export function answered(response: BotResponse): boolean {
  return !response.timedOut && response.status === 200;
}
