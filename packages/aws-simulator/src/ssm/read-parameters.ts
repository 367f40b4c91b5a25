import type { Parameter, ParameterHistory } from '@aws-sdk/client-ssm';
import { fault } from '../errors.js';
import type { SimulatedTarget } from '../types.js';
import { currentVersion, type ParameterVersion, parameterArn, type StoredParameter } from './parameter-state.js';

/** Without WithDecryption a SecureString reads as its ciphertext, never the plain value. */
function shownValue(version: ParameterVersion, withDecryption: boolean | undefined): string {
  if (version.type !== 'SecureString' || withDecryption) return version.value;
  return `AQICAHh${Buffer.from(`${version.keyId}:${version.value}`).toString('base64')}`;
}

/** What GetParameter(s) and GetParameterHistory both show of one version. */
function shownVersion(parameter: StoredParameter, version: ParameterVersion, withDecryption: boolean | undefined) {
  return {
    Name: parameter.name,
    Type: version.type,
    Value: shownValue(version, withDecryption),
    Version: version.version,
    LastModifiedDate: version.modifiedAt,
  };
}

/** Looks a name up, with an optional `:<version>` selector (`/app/db:3`). Undefined when there is no such parameter. */
export function findParameter(
  parameters: Map<string, StoredParameter>,
  nameWithSelector: string,
): { parameter: StoredParameter; version: ParameterVersion; selector?: string } | undefined {
  const [name = '', selector] = nameWithSelector.split(':', 2);
  const parameter = parameters.get(name);
  if (!parameter) return undefined;
  if (selector === undefined) return { parameter, version: currentVersion(parameter) };
  const wanted = Number(selector);
  const version = parameter.versions.find((candidate) => candidate.version === wanted);
  if (!version) {
    throw fault(
      'ParameterVersionNotFound',
      `Systems Manager could not find version ${selector} of ${name}. Verify the version and try again.`,
    );
  }
  return { parameter, version, selector: `:${selector}` };
}

export function toParameter(
  target: SimulatedTarget,
  parameter: StoredParameter,
  version: ParameterVersion,
  withDecryption: boolean | undefined,
  selector?: string,
): Parameter {
  return {
    ...shownVersion(parameter, version, withDecryption),
    ARN: parameterArn(target, parameter.name),
    DataType: 'text',
    ...(selector && { Selector: selector }),
  };
}

export function toHistory(
  parameter: StoredParameter,
  version: ParameterVersion,
  withDecryption: boolean | undefined,
): ParameterHistory {
  return {
    ...shownVersion(parameter, version, withDecryption),
    LastModifiedUser: version.modifiedBy,
    Labels: [],
    Tier: 'Standard',
    Policies: [],
    DataType: 'text',
    ...(version.keyId && { KeyId: version.keyId }),
    ...(version.description !== undefined && { Description: version.description }),
  };
}

/** Whether `name` sits under `path`: directly, or at any depth when recursive. */
export function isUnderPath(name: string, path: string, recursive: boolean): boolean {
  const prefix = path.endsWith('/') ? path : `${path}/`;
  if (!name.startsWith(prefix)) return false;
  return recursive || !name.slice(prefix.length).includes('/');
}

/** Opaque page tokens, as SSM's are: the offset of the next item. */
export function pageOf<T>(items: T[], nextToken: string | undefined, size: number): { items: T[]; next?: string } {
  const start = nextToken ? Number.parseInt(Buffer.from(nextToken, 'base64').toString('utf8'), 10) : 0;
  if (!Number.isInteger(start) || start < 0) throw fault('InvalidNextToken', 'The specified token is not valid.');
  const end = start + size;
  return {
    items: items.slice(start, end),
    ...(end < items.length && { next: Buffer.from(String(end)).toString('base64') }),
  };
}
