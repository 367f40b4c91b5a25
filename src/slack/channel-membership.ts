import type { WebClient } from '@slack/web-api';

/**
 * Whether the bot can post in `channelId`: it posts only where someone invited it (the app asks for
 * no `chat:write.public`, see README "Getting the bot into a channel"). A private channel it is not in
 * reads as `channel_not_found`. Any other failure is not taken as "no": posting will say so itself.
 */
export async function botCanPostIn(client: WebClient, channelId: string): Promise<boolean> {
  try {
    const info = await client.conversations.info({ channel: channelId });
    return info.channel?.is_im === true || info.channel?.is_member === true;
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    return code !== 'channel_not_found' && code !== 'not_in_channel';
  }
}

/** What the requester is told, in place of a card the bot could not post. */
export function notInChannelText(channelId: string): string {
  return (
    `:no_entry: I am not in <#${channelId}>, so I cannot post the restore card here for approvers to see. ` +
    'Invite me with `/invite @db-restore-bot`, then try again (or use a channel I am in).'
  );
}
