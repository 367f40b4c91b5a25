// The worker function: every minute from EventBridge (a tick over all active jobs), and
// invoked asynchronously by the Slack function with `{ kick: jobId }` right after a change.
import type { TickReport } from '../jobs/worker.js';
import { lambdaComposition } from './lambda-runtime.js';

export async function handler(event: { kick?: unknown }): Promise<TickReport> {
  const { worker } = await lambdaComposition();
  return typeof event.kick === 'string' ? worker.advance(event.kick) : worker.tick();
}
