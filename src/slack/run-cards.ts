import type { WebClient } from '@slack/web-api';
import type { CardState, CardStates } from '../domain/ports/card-states.js';
import type { SlackMessage } from './blocks/layout.js';

export interface RunCardDrawing {
  client: WebClient;
  cardStates: CardStates;
  /** The card state's key: a run id never meets a job id (`refresh:…`, `dr:…`). */
  key: string;
  channel: string;
  version: number;
  draw(): SlackMessage;
  /** Posts the replies due since `posted` in the card's thread; returns how many are posted now. */
  postReplies(threadTs: string, posted: number): Promise<number>;
}

/**
 * A run's one card in its channel (a refresh run's, a DR run's), drawn from the run and updated in
 * place, then the replies its changes call for. A version already drawn is not drawn again, and a
 * failed Slack call is drawn again after the run's next change or tick.
 */
export async function drawRunCard(drawing: RunCardDrawing): Promise<void> {
  const { client, cardStates, key, channel } = drawing;
  const state = (await cardStates.load([key])).get(key);
  if (state && state.renderedVersion >= drawing.version) return;
  const card = drawing.draw();
  let messageTs = state?.messageTs;
  if (messageTs) {
    await client.chat.update({ channel, ts: messageTs, text: card.text, blocks: card.blocks });
  } else {
    messageTs = (await client.chat.postMessage({ channel, text: card.text, blocks: card.blocks })).ts;
  }
  if (!messageTs) return;
  const posted = await drawing.postReplies(messageTs, state?.eventsPosted ?? 0);
  const next: CardState = { channelId: channel, messageTs, renderedVersion: drawing.version, eventsPosted: posted };
  await cardStates.save(key, next);
}
