import { createSimulatedAws, type SimulatedAws } from '@db-restore-bot/aws-simulator';
import type { AwsClientFactoryOptions } from '../src/aws/clients.js';
import type { Clock } from '../src/domain/ports/clock.js';
import { seedDemoAccounts } from './demo/accounts.js';
import type { LocalEnv } from './env.js';

/** The AWS the local run talks to: the simulated account, plugged under every SDK client, or real AWS. */
export interface LocalAws {
  /** Absent with RESTORE_BOT_AWS=real. */
  sim?: SimulatedAws;
  /** What the composition plugs under every AWS client (nothing for real AWS). */
  pluginsFor?: AwsClientFactoryOptions['pluginsFor'];
}

/**
 * The simulated account seeded with the demo's accounts unless RESTORE_BOT_AWS=real. It keeps the bot's
 * clock (real time) and runs its operations SIMULATED_AWS_MINUTES_PER_SECOND times faster instead.
 */
export function localAws(config: LocalEnv, clock: Clock): LocalAws {
  if (config.RESTORE_BOT_AWS === 'real') return {};
  const sim = createSimulatedAws({ clock, speedUp: config.SIMULATED_AWS_MINUTES_PER_SECOND * 60 });
  seedDemoAccounts(sim);
  return { sim, pluginsFor: simulatedPlugins(sim) };
}

/** Plugs `sim` under every client of an environment, resolving the client's credentials first (an assumed role). */
export function simulatedPlugins(sim: SimulatedAws): NonNullable<AwsClientFactoryOptions['pluginsFor']> {
  return (environment, credentials) => [sim.plugin(environment, credentials ? { credentials } : {})];
}

/** Minutes a restore of the demo's Aurora cluster takes in the simulated account (the policy's estimate). */
const DEMO_RESTORE_MINUTES = 25;

/** What the start-up tells about the AWS it talks to: a line for the console, notices for the sandbox page. */
export function describeLocalAws(config: LocalEnv, environments: string[]): { said: string; notices: string[] } {
  if (config.RESTORE_BOT_AWS === 'real') {
    return { said: 'AWS: real (the SDK standard credential chain; AWS_ENDPOINT_URL is honoured)', notices: [] };
  }
  const perSecond = config.SIMULATED_AWS_MINUTES_PER_SECOND;
  const names = environments.join(', ');
  return {
    said: `AWS: simulated account (${names}), operations at ${perSecond} AWS minute(s) per second`,
    notices: [
      `The simulated AWS account (${names}) lives in memory and is seeded ` +
        'afresh on each start: databases restored before a restart are gone.',
      `Simulated AWS works ${perSecond} AWS minute(s) per second: a ${DEMO_RESTORE_MINUTES}-minute Aurora restore ` +
        `takes about ${Math.max(1, Math.round(DEMO_RESTORE_MINUTES / perSecond))} s (SIMULATED_AWS_MINUTES_PER_SECOND). ` +
        'Only its operations are faster: every clock is real, so approval windows, expiries and the times on the ' +
        'cards are what they would be with real AWS.',
    ],
  };
}
