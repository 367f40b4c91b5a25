import type { PutParameterRequest, PutParameterResult } from '@aws-sdk/client-ssm';
import { fault } from '../errors.js';
import type { SimulatedTarget } from '../types.js';
import { currentVersion, MAX_VERSIONS, type ParameterVersion, type StoredParameter } from './parameter-state.js';

const NAME = /^[a-zA-Z0-9_.\-/]+$/;
const MAX_DEPTH = 15;
const MAX_VALUE_LENGTH = 4096;

function validateName(name: string): void {
  if (!name || name.length > 1011 || !NAME.test(name)) {
    throw fault(
      'ValidationException',
      `Parameter name: can't be empty and may only contain letters, digits and _.-/: ${name}`,
    );
  }
  if (name.includes('/') && !name.startsWith('/')) {
    throw fault('ValidationException', 'Parameter name must be a fully qualified name.');
  }
  if (/^\/?(aws|ssm)/i.test(name)) {
    throw fault('ValidationException', 'Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive).');
  }
  if (name.split('/').filter(Boolean).length > MAX_DEPTH) {
    throw fault('HierarchyLevelLimitExceededException', 'Parameter name hierarchy exceeds 15 levels.');
  }
}

/**
 * PutParameter: a new name needs a Type; an existing one needs `Overwrite`. Each write is a new
 * version, and only the last 100 are kept.
 */
export function putParameter(
  parameters: Map<string, StoredParameter>,
  target: SimulatedTarget,
  input: PutParameterRequest,
  now: Date,
): PutParameterResult {
  const name = input.Name ?? '';
  validateName(name);
  const value = input.Value ?? '';
  if (value.length < 1 || value.length > MAX_VALUE_LENGTH) {
    throw fault(
      'ValidationException',
      `Parameter value must be between 1 and ${MAX_VALUE_LENGTH} characters for the Standard tier.`,
    );
  }
  const existing = parameters.get(name);
  if (existing && !input.Overwrite) {
    throw fault(
      'ParameterAlreadyExists',
      'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
    );
  }
  if (existing && input.Tags && input.Tags.length > 0) {
    throw fault(
      'ValidationException',
      "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
    );
  }
  const previous = existing && currentVersion(existing);
  const type = input.Type ?? previous?.type;
  if (!type) throw fault('ValidationException', 'A parameter type is required when you create a parameter.');
  const version: ParameterVersion = {
    version: (previous?.version ?? 0) + 1,
    value,
    type,
    modifiedAt: now,
    modifiedBy: `arn:aws:iam::${target.accountId}:user/simulated`,
    ...(type === 'SecureString' && { keyId: input.KeyId ?? previous?.keyId ?? 'alias/aws/ssm' }),
    ...((input.Description ?? previous?.description) !== undefined && {
      description: input.Description ?? previous?.description,
    }),
  };
  const parameter = existing ?? {
    name,
    versions: [],
    tags: new Map(input.Tags?.map((tag) => [tag.Key ?? '', tag.Value ?? ''])),
  };
  parameter.versions.push(version);
  if (parameter.versions.length > MAX_VERSIONS) parameter.versions.splice(0, parameter.versions.length - MAX_VERSIONS);
  parameters.set(name, parameter);
  return { Version: version.version, Tier: 'Standard' };
}
