// The worker function: every minute from EventBridge (a tick over all active jobs and the
// policy's refresh cycles and DR runs), and invoked asynchronously by the Slack function with
// `{ kick: jobId }` right after a change.
// It posts and updates cards with the Web API client, and needs no Slack app: composeCore.
import { ConfigurationError } from '../config/errors.js';
import { isDrRunId } from '../jobs/dr/dr-run-id.js';
import type { TickReport } from '../jobs/worker.js';
import { composeCore } from './core-composition.js';
import { lambdaComposition } from './lambda-runtime.js';

const composition = lambdaComposition(composeCore);

export async function handler(event: { kick?: unknown }): Promise<TickReport> {
  const { worker, refresh, drServices, slackClient, log } = await composition();
  // Without it every restore would run unseen: its card is how people follow and approve it.
  if (!slackClient) {
    throw new ConfigurationError(
      'the worker needs the bot token to post job cards: SLACK_BOT_TOKEN_PARAMETER (an SSM parameter name) or SLACK_BOT_TOKEN',
    );
  }
  if (typeof event.kick === 'string' && isDrRunId(event.kick)) {
    await (await drServices?.())?.runner.advance(event.kick);
    return { active: 0, checked: 0, acted: 1, changed: 0, errors: [] };
  }
  if (typeof event.kick === 'string') return worker.advance(event.kick);
  const report = await worker.tick();
  // A refresh cycle's trouble is its run's to report: it never costs the jobs their tick.
  await refresh?.tick().catch((error: Error) => log('refresh tick failed', { error: error.message }));
  // After the jobs' pass: a DR run whose restore just finished goes on in this same tick.
  // While a DR run waits on AWS, this invocation keeps looking at it (every 10 s, for 40 s): steps
  // that finish between ticks are acted on within seconds, not at the next minute.
  await drServices?.()
    .then(async (dr) => {
      await dr.runner.tick();
      await dr.runner.followClosely();
    })
    .catch((error: Error) => log('DR tick failed', { error: error.message }));
  return report;
}
