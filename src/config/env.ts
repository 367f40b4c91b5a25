import { z } from 'zod';
import { ConfigurationError } from './errors.js';
import { describeIssues } from './zod-issues.js';

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

/**
 * What the product reads from its environment, on Lambda and locally. The local run's own settings
 * (port, simulated AWS, data directory, tick) are dev/env.ts's, which extends this schema.
 */
export const EnvSchema = z.object({
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
  /** The least level the bot's log writes (entrypoints/log.ts); Powertools' Logger names the levels the same. */
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  /** On Lambda: the worker function the HTTP function invokes asynchronously after an approval. */
  WORKER_FUNCTION_NAME: optionalText,
});

export type Env = z.output<typeof EnvSchema>;

/** Validates an environment; throws `ConfigurationError` naming each bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  return parseWith(EnvSchema, source);
}

/** `source` parsed by `schema` (this one or one extending it); throws `ConfigurationError` naming each bad variable. */
export function parseWith<S extends z.ZodType>(schema: S, source: NodeJS.ProcessEnv): z.output<S> {
  const result = schema.safeParse(source);
  if (!result.success) throw new ConfigurationError(`environment is not valid:\n${describeIssues(result.error)}`);
  return result.data;
}

let cached: Env | undefined;

/** process.env, parsed once. The only place that reads process.env. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
