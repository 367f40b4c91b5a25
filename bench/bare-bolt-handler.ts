// The baseline of bench/bundle.ts: a Bolt app on Lambda that only acks (App, ExpressReceiver,
// serverless-http), bundled with the same esbuild options as the bot's functions.
import { App, ExpressReceiver } from '@slack/bolt';
import serverless from 'serverless-http';

let handle: ReturnType<typeof serverless> | undefined;

export async function handler(event: object, context: object): Promise<object> {
  if (!handle) {
    const receiver = new ExpressReceiver({ signingSecret: 'bench-secret', processBeforeResponse: true });
    const app = new App({ token: 'xoxb-bench', receiver });
    app.command('/restore', async ({ ack }) => ack());
    app.action(/.*/, async ({ ack }) => ack());
    handle = serverless(receiver.app);
  }
  return handle(event, context);
}
