import { z } from 'zod';
import { EnvSchema, parseWith } from '../src/config/env.js';
import { parseDuration } from '../src/domain/duration.js';

/** The product's environment plus what only the local run (npm start) reads. */
const LocalEnvSchema = EnvSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** The local run's AWS (aws.ts): `real` uses the SDK's standard credential chain, else the simulated account. */
  RESTORE_BOT_AWS: z.enum(['simulated', 'real']).default('simulated'),
  /** AWS minutes the simulated account lets pass per real second (the local demo's speed). */
  SIMULATED_AWS_MINUTES_PER_SECOND: z.coerce.number().positive().default(1),
  /** Where the embedded job store keeps its data. */
  DATA_DIR: z.string().min(1).default('.data'),
  /**
   * With the simulated account: how soon after start the policy's refresh cycles first run (`5m`,
   * `2h`...), so the sandbox shows one in its first minutes; `off` keeps the policy's schedule.
   */
  SANDBOX_REFRESH_IN: z
    .string()
    .trim()
    .refine((text) => text === 'off' || parseDuration(text) !== undefined, {
      message: 'must be a duration such as 5m or 2h, or off',
    })
    .default('5m'),
  /** Seconds between worker ticks. */
  WORKER_TICK_SECONDS: z.coerce.number().positive().default(3),
});

export type LocalEnv = z.output<typeof LocalEnvSchema>;

/** Validates the local run's environment; a bad value stops start-up naming the variable. */
export function parseLocalEnv(source: NodeJS.ProcessEnv): LocalEnv {
  return parseWith(LocalEnvSchema, source);
}

/** process.env as the local run reads it (the product reads it only through src/config/env.ts). */
export function localEnv(): LocalEnv {
  return parseLocalEnv(process.env);
}
