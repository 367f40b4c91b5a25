import { BotClient, type BotResponse } from '@db-restore-bot/slack-sandbox';
import type { SlackHarness } from './slack-harness.js';

/** A modal as Slack sends it in a view_submission payload. */
export interface SubmittedView {
  id: string;
  private_metadata: string;
  state: { values: Record<string, Record<string, Record<string, unknown>>> };
  [key: string]: unknown;
}

/**
 * Submits `viewId` as `user` the way a hostile client could: correctly signed, but with whatever
 * `tamper` makes of the view (values Slack's own client would never let through, broken metadata).
 */
export async function submitTampered(
  harness: SlackHarness,
  user: string,
  viewId: string,
  tamper: (view: SubmittedView) => void,
): Promise<BotResponse> {
  const { standIn } = harness;
  const view = structuredClone(standIn.slackView(viewId)) as unknown as SubmittedView;
  tamper(view);
  // Signed on the bot's clock, as Slack's would be: only the view is hostile.
  const client = new BotClient({ signingSecret: standIn.signingSecret, clock: harness.clock, botUrl: harness.botUrl });
  return client.postPayload({
    type: 'view_submission',
    user: { id: user, username: user, name: user, team_id: standIn.state.team.id },
    api_app_id: standIn.state.bot.appId,
    token: standIn.verificationToken,
    team: { id: standIn.state.team.id, domain: standIn.state.team.domain },
    enterprise: null,
    is_enterprise_install: false,
    trigger_id: standIn.issueTrigger(user),
    view: view as never,
    response_urls: [],
  });
}

/** The field errors of a `response_action: errors` answer, by block id ({} for any other answer). */
export function fieldErrors(response: BotResponse): Record<string, string> {
  const body = response.body as { response_action?: string; errors?: Record<string, string> } | undefined;
  return body?.response_action === 'errors' ? (body.errors ?? {}) : {};
}
