// The Slack function: API Gateway → serverless-http → the same Express app as locally.
// processBeforeResponse is on (composition.ts): Slack gets its answer when the listener is done.
import serverless from 'serverless-http';
import { lambdaComposition } from './lambda-runtime.js';

let handle: ReturnType<typeof serverless> | undefined;

export async function handler(event: object, context: object): Promise<object> {
  if (!handle) {
    const { slack } = await lambdaComposition();
    if (!slack?.receiver) throw new Error('the Slack function needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET');
    handle = serverless(slack.receiver.app);
  }
  return handle(event, context);
}
