// The worker function: every minute from EventBridge (a tick over all active jobs), and
// invoked asynchronously by the Slack function with `{ kick: jobId }` right after a change.
// It posts and updates cards with the Web API client, and needs no Slack app: composeCore.
import type { TickReport } from '../jobs/worker.js';
import { composeCore } from './core-composition.js';
import { lambdaComposition } from './lambda-runtime.js';

const composition = lambdaComposition(composeCore);

export async function handler(event: { kick?: unknown }): Promise<TickReport> {
  const { worker } = await composition();
  return typeof event.kick === 'string' ? worker.advance(event.kick) : worker.tick();
}
