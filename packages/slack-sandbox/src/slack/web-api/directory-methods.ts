import { timeZoneLabel, timeZoneOffsetSeconds } from '../time-zones.js';
import type { MethodHandler } from './method-context.js';
import { stringArg } from './request-args.js';
import { fail, ok } from './results.js';

export const authTest: MethodHandler = (_args, { state }) =>
  ok({
    url: `https://${state.team.domain}.slack.com/`,
    team: state.team.name,
    user: state.bot.name,
    team_id: state.team.id,
    user_id: state.bot.userId,
    bot_id: state.bot.botId,
    is_enterprise_install: false,
  });

export const usersInfo: MethodHandler = (args, { state }) => {
  const user = state.users.get(stringArg(args, 'user') ?? '');
  if (!user) return fail('user_not_found');
  const now = state.clock.now();
  const profile = {
    real_name: user.realName,
    real_name_normalized: user.realName,
    display_name: user.name,
    display_name_normalized: user.name,
    team: state.team.id,
    ...(user.email === undefined ? {} : { email: user.email }),
  };
  return ok({
    user: {
      id: user.id,
      team_id: state.team.id,
      name: user.name,
      deleted: false,
      real_name: user.realName,
      tz: user.tz,
      tz_label: timeZoneLabel(user.tz, now),
      tz_offset: timeZoneOffsetSeconds(user.tz, now),
      profile,
      is_admin: false,
      is_owner: false,
      is_bot: user.isBot === true,
      is_app_user: false,
      updated: Math.floor(now.getTime() / 1000),
    },
  });
};

export const usergroupsUsersList: MethodHandler = (args, { state }) => {
  const group = state.userGroups.get(stringArg(args, 'usergroup') ?? '');
  if (!group) return fail('no_such_subteam');
  return ok({ users: [...group.users] });
};

export const conversationsInfo: MethodHandler = (args, { state }) => {
  const channel = state.resolveChannel(stringArg(args, 'channel') ?? '');
  if (!channel || (channel.isPrivate && !channel.members.includes(state.bot.userId))) return fail('channel_not_found');
  return ok({
    channel: {
      id: channel.id,
      name: channel.name,
      is_channel: !channel.isIm && !channel.isPrivate,
      is_group: !channel.isIm && channel.isPrivate,
      is_im: channel.isIm,
      is_private: channel.isPrivate,
      is_archived: false,
      is_member: channel.members.includes(state.bot.userId),
      ...(channel.createdAt ? { created: Math.floor(channel.createdAt.getTime() / 1000) } : {}),
      ...(channel.isIm ? { user: channel.name } : { num_members: channel.members.length }),
    },
  });
};

/**
 * users.conversations with `user`: the channels that person is in, as the bot may know them: public
 * channels they are in, private ones only where the bot is a member too (Slack's rule). `types`
 * defaults to public channels, as Slack's does. One page: the stand-in's workspaces are small.
 */
export const usersConversations: MethodHandler = (args, { state }) => {
  const userId = stringArg(args, 'user') ?? state.bot.userId;
  if (!state.users.has(userId)) return fail('user_not_found');
  const types = new Set((stringArg(args, 'types') ?? 'public_channel').split(',').map((type) => type.trim()));
  const channels = [...state.channels.values()].filter((channel) => {
    if (!channel.members.includes(userId)) return false;
    if (channel.isIm) return types.has('im') && channel.members.includes(state.bot.userId);
    if (channel.isPrivate) return types.has('private_channel') && channel.members.includes(state.bot.userId);
    return types.has('public_channel');
  });
  return ok({
    channels: channels.map((channel) => ({
      id: channel.id,
      name: channel.name,
      is_channel: !channel.isIm && !channel.isPrivate,
      is_group: !channel.isIm && channel.isPrivate,
      is_im: channel.isIm,
      is_private: channel.isPrivate,
      is_archived: false,
    })),
    response_metadata: { next_cursor: '' },
  });
};
