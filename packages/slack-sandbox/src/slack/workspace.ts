/** The directory of a stand-in workspace: who is in it, which groups and channels exist. */

export interface SlackTeam {
  id: string;
  domain: string;
  name: string;
}

/** The app as Slack knows it: its bot user, bot id and app id appear on every message it posts. */
export interface SlackBotIdentity {
  userId: string;
  botId: string;
  appId: string;
  name: string;
}

export interface SlackUser {
  id: string;
  /** The handle (`riley.requester`), sent as `user_name` / `username`. */
  name: string;
  realName: string;
  /** IANA time zone; `users.info` derives `tz_offset` and `tz_label` from it. */
  tz: string;
  email?: string;
  isBot?: boolean;
}

export interface SlackUserGroup {
  id: string;
  handle: string;
  name: string;
  users: string[];
}

export interface SlackChannel {
  id: string;
  name: string;
  isPrivate: boolean;
  isIm: boolean;
  /** Users in the channel: ephemeral messages reach only members. */
  members: string[];
  /** When it was made (conversations.info's `created`); a workspace's channel gives how long before the start. */
  createdAt?: Date;
  createdBeforeStartMs?: number;
}

export interface SlackWorkspace {
  team: SlackTeam;
  bot: SlackBotIdentity;
  users: SlackUser[];
  userGroups: SlackUserGroup[];
  channels: SlackChannel[];
}
