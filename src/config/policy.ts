import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { type Policy, PolicySchema } from '../domain/policy.js';
import { ConfigurationError } from './errors.js';
import { describeIssues } from './zod-issues.js';

/** Validates a policy document (already parsed from YAML or JSON). The message names each bad field. */
export function parsePolicy(document: unknown, source = 'policy'): Policy {
  const result = PolicySchema.safeParse(document);
  if (!result.success) {
    throw new ConfigurationError(`${source} is not valid:\n${describeIssues(result.error)}`);
  }
  return result.data;
}

/** Reads the policy file (`.yml`/`.yaml` or `.json`) and validates it. */
export async function loadPolicy(path: string): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`POLICY_FILE ${path} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  let document: unknown;
  try {
    document = extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ConfigurationError(
      `policy file ${path} is not valid ${extname(path) === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return parsePolicy(document, `policy file ${path}`);
}

/** The JSON Schema editors use to autocomplete the policy file (written to policy.schema.json). */
export function policyJsonSchema(): object {
  return {
    ...z.toJSONSchema(PolicySchema, { io: 'input', unrepresentable: 'any' }),
    title: 'db-restore-bot policy',
  };
}
