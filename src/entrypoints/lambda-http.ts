// The Slack function: API Gateway → serverless-http → the same Express app as locally.
// processBeforeResponse is on (composition.ts): Slack gets its answer when the listener is done.
import serverless from 'serverless-http';
import { env } from '../config/env.js';
import { ConfigurationError } from '../config/errors.js';
import { compose } from './composition.js';
import { lambdaComposition } from './lambda-runtime.js';

// It describes and lists for the modal and the planner, and writes only jobs: the read-only roles.
const composition = lambdaComposition(compose, 'read');
let handle: ReturnType<typeof serverless> | undefined;

export async function handler(event: object, context: object): Promise<object> {
  if (!handle) {
    // Without it a change would be advanced inside this function, which Lambda freezes once it answers.
    if (!env().WORKER_FUNCTION_NAME) {
      throw new ConfigurationError('WORKER_FUNCTION_NAME must name the worker function the Slack function kicks');
    }
    const { slack } = await composition();
    if (!slack?.receiver)
      throw new ConfigurationError(
        'the Slack function needs its Slack secrets: SLACK_BOT_TOKEN_PARAMETER and SLACK_SIGNING_SECRET_PARAMETER (SSM parameter names), or SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET',
      );
    handle = serverless(slack.receiver.app);
  }
  return handle(event, context);
}
