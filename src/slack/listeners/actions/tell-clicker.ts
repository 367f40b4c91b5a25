import type { BlockAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';

/** Says `text` to the person who clicked, in the channel of the click, as Slack shows an app's refusal: to them alone. */
export function tellClicker(client: WebClient, body: Pick<BlockAction, 'user' | 'channel'>) {
  return async (text: string): Promise<void> => {
    const channel = body.channel?.id;
    if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, text });
  };
}
