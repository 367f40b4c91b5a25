// The baseline of bench/bundle.ts and bench/cold.ts: a Bolt app on Lambda that only acks (App,
// ExpressReceiver, serverless-http), bundled with the same esbuild options as the bot's functions.
// SLACK_API_URL points its Web API client (Bolt's auth.test) at the benchmark's Slack stand-in.
import { App, ExpressReceiver } from '@slack/bolt';
import serverless from 'serverless-http';

let handle: ReturnType<typeof serverless> | undefined;

export async function handler(event: object, context: object): Promise<object> {
  if (!handle) {
    const receiver = new ExpressReceiver({ signingSecret: 'bench-secret', processBeforeResponse: true });
    const slackApiUrl = process.env.SLACK_API_URL;
    const app = new App({ token: 'xoxb-bench', receiver, ...(slackApiUrl ? { clientOptions: { slackApiUrl } } : {}) });
    app.command('/restore', async ({ ack }) => ack());
    app.action(/.*/, async ({ ack }) => ack());
    handle = serverless(receiver.app);
  }
  return handle(event, context);
}
