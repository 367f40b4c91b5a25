import { type Env, env } from '../config/env.js';
import { ConfigurationError } from '../config/errors.js';
import { loadPolicy } from '../config/policy.js';
import { memoizeSuccess } from '../util/memoize-success.js';
import { type CompositionOptions, realJobTable } from './core-composition.js';

/**
 * What a Lambda function serves with, built once per container (on the first invocation, not at
 * import) with `compose`, then reused by every invocation the container serves. A failed start
 * (an unreadable secret, say) is not kept: the next invocation tries again. Each function hands in
 * its own `compose`, so the worker's bundle leaves the Slack app out.
 */
export function lambdaComposition<C>(
  compose: (options: CompositionOptions) => Promise<C>,
  awsAccess: CompositionOptions['awsAccess'] = 'restore',
): () => Promise<C> {
  return memoizeSuccess(() => composeForLambda(compose, awsAccess));
}

async function composeForLambda<C>(
  compose: (options: CompositionOptions) => Promise<C>,
  awsAccess: CompositionOptions['awsAccess'],
): Promise<C> {
  const config = env();
  if (!config.JOBS_TABLE) throw new ConfigurationError('JOBS_TABLE must name the job table on Lambda');
  const [policy, slack] = await Promise.all([loadPolicy(config.POLICY_FILE), slackCredentials(config)]);
  return compose({
    env: config,
    policy,
    jobTable: realJobTable(config.JOBS_TABLE),
    runtime: 'lambda',
    awsAccess,
    ...(slack ? { slack: { ...slack, ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}) } } : {}),
  });
}

/**
 * The Slack secrets: from SSM SecureString parameters when their names are given (serverless.yml
 * does), else from SLACK_BOT_TOKEN / SLACK_SIGNING_SECRET (other hosts, tests). The SSM client is
 * imported only when it is used (a chunk of its own in the Lambda bundle).
 */
async function slackCredentials(config: Env): Promise<{ token: string; signingSecret?: string } | undefined> {
  const secrets =
    config.SLACK_BOT_TOKEN_PARAMETER || config.SLACK_SIGNING_SECRET_PARAMETER
      ? (await import('../aws/ssm-secrets.js')).createDefaultSsmSecretReader()
      : undefined;
  const read = async (parameter: string | undefined, value: string | undefined) =>
    parameter && secrets ? secrets.read(parameter) : value;
  const [token, signingSecret] = await Promise.all([
    read(config.SLACK_BOT_TOKEN_PARAMETER, config.SLACK_BOT_TOKEN),
    read(config.SLACK_SIGNING_SECRET_PARAMETER, config.SLACK_SIGNING_SECRET),
  ]);
  if (token && config.SLACK_BOT_TOKEN_PARAMETER && !token.startsWith('xoxb-')) {
    throw new ConfigurationError(
      `SSM parameter ${config.SLACK_BOT_TOKEN_PARAMETER} must hold a bot token starting with xoxb-`,
    );
  }
  // The worker is given the token alone (serverless.yml): it posts cards and verifies no requests.
  return token ? { token, ...(signingSecret ? { signingSecret } : {}) } : undefined;
}
