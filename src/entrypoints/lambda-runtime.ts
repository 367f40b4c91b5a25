import { env } from '../config/env.js';
import { ConfigurationError } from '../config/errors.js';
import { loadPolicy } from '../config/policy.js';
import { type Composition, compose, realJobTable } from './composition.js';

let composing: Promise<Composition> | undefined;

/**
 * Built once per Lambda container (on the first invocation, not at import), then reused
 * by every invocation the container serves.
 */
export function lambdaComposition(): Promise<Composition> {
  composing ??= (async () => {
    const config = env();
    if (!config.JOBS_TABLE) throw new ConfigurationError('JOBS_TABLE must name the job table on Lambda');
    const policy = await loadPolicy(config.POLICY_FILE);
    const token = config.SLACK_BOT_TOKEN;
    const signingSecret = config.SLACK_SIGNING_SECRET;
    return compose({
      env: config,
      policy,
      jobTable: realJobTable(config.JOBS_TABLE),
      runtime: 'lambda',
      ...(token && signingSecret
        ? { slack: { token, signingSecret, ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}) } }
        : {}),
    });
  })();
  return composing;
}
