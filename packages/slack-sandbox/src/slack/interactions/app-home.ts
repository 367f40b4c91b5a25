import type { BotResponse, DeliveryOptions } from '../bot-client.js';
import type { JsonObject } from '../json.js';
import { deliver, type InteractionEnv, requireUser } from './environment.js';

export interface OpenAppHomeInput {
  user: string;
  /** The tab the person opened: `home` (the Home tab) or `messages` (the app's direct messages). */
  tab?: 'home' | 'messages';
}

/**
 * A person opens the app in Slack's sidebar: the Events API delivers `app_home_opened`, signed and
 * as JSON, with the Home view the app last published for them (if any), as Slack does.
 */
export async function openAppHome(
  env: InteractionEnv,
  input: OpenAppHomeInput,
  delivery: DeliveryOptions = {},
): Promise<BotResponse> {
  const { state } = env;
  const user = requireUser(state, input.user);
  const tab = input.tab ?? 'home';
  const home = state.views.home(user.id);
  const now = state.clock.now();
  const event: JsonObject = {
    type: 'app_home_opened',
    user: user.id,
    channel: state.appChannelOf(user).id,
    tab,
    event_ts: `${Math.floor(now.getTime() / 1000)}.000100`,
    ...(tab === 'home' && home ? { view: state.views.toSlack(home) } : {}),
  };
  const envelope: JsonObject = {
    token: env.verificationToken,
    team_id: state.team.id,
    api_app_id: state.bot.appId,
    event,
    type: 'event_callback',
    event_id: state.ids.eventId(),
    event_time: Math.floor(now.getTime() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: state.team.id,
        user_id: state.bot.userId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
  return deliver(env, 'event_callback', () => env.bot.postJson(envelope, delivery));
}
