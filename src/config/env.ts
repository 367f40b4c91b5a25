import { z } from 'zod';
import { ConfigurationError } from './errors.js';
import { describeIssues } from './zod-issues.js';

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  POLICY_FILE: z.string().min(1).default('policy.example.yml'),
  JOBS_TABLE: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText.refine((token) => token === undefined || token.startsWith('xoxb-'), {
    message: 'must be a bot token starting with xoxb-',
  }),
  SLACK_APP_TOKEN: optionalText.refine((token) => token === undefined || token.startsWith('xapp-'), {
    message: 'must be an app-level token starting with xapp-',
  }),
  SLACK_API_URL: z.url().optional(),
  /** On Lambda: names of SSM SecureString parameters holding the bot token and signing secret (read at run time). */
  SLACK_BOT_TOKEN_PARAMETER: optionalText,
  SLACK_SIGNING_SECRET_PARAMETER: optionalText,
  /** The local run's AWS (dev/aws.ts): `real` uses the SDK's standard credential chain, else the simulated account. */
  RESTORE_BOT_AWS: z.enum(['simulated', 'real']).default('simulated'),
  /** AWS minutes the simulated account lets pass per real second (the local demo's speed). */
  SIMULATED_AWS_MINUTES_PER_SECOND: z.coerce.number().positive().default(1),
  /** The least level the bot's log writes (entrypoints/log.ts); Powertools' Logger names the levels the same. */
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  /** Where the embedded job store keeps its data locally. */
  DATA_DIR: z.string().min(1).default('.data'),
  /** On Lambda: the worker function the HTTP function invokes asynchronously after an approval. */
  WORKER_FUNCTION_NAME: optionalText,
  /** Seconds between worker ticks when the bot runs locally. */
  WORKER_TICK_SECONDS: z.coerce.number().positive().default(3),
});

export type Env = z.output<typeof EnvSchema>;

/** Validates an environment; throws `ConfigurationError` naming each bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) throw new ConfigurationError(`environment is not valid:\n${describeIssues(result.error)}`);
  return result.data;
}

let cached: Env | undefined;

/** process.env, parsed once. The only place that reads process.env. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
