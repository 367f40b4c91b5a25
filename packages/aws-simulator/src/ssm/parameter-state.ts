import type { ParameterType } from '@aws-sdk/client-ssm';
import { PerRegion } from '../per-region.js';
import type { SimulatedTarget } from '../types.js';

/** SSM keeps the last 100 versions of a parameter; putting a 101st drops the oldest. */
export const MAX_VERSIONS = 100;

export interface ParameterVersion {
  version: number;
  value: string;
  type: ParameterType;
  keyId?: string;
  description?: string;
  modifiedAt: Date;
  modifiedBy: string;
}

export interface StoredParameter {
  name: string;
  /** Oldest first; the last one is current. */
  versions: ParameterVersion[];
  tags: Map<string, string>;
}

/** Parameters per account and region, keyed by name. */
export class ParameterState extends PerRegion<Map<string, StoredParameter>> {
  constructor() {
    super(() => new Map());
  }
}

export function currentVersion(parameter: StoredParameter): ParameterVersion {
  const current = parameter.versions.at(-1);
  if (!current) throw new Error(`Parameter ${parameter.name} has no versions`);
  return current;
}

/** `arn:aws:ssm:<region>:<account>:parameter/a/b` for `/a/b`, and `…:parameter/a` for `a`. */
export function parameterArn(target: SimulatedTarget, name: string): string {
  return `arn:aws:ssm:${target.region}:${target.accountId}:parameter/${name.replace(/^\//, '')}`;
}
