import type { AssumeRoleRequest, AssumeRoleResponse, GetCallerIdentityResponse } from '@aws-sdk/client-sts';
import { fault } from '../errors.js';
import type { ServiceHandlers, SimulatedRequest } from '../types.js';
import type { SimulatedWorld } from '../world.js';
import { iamId, secretAccessKey, sessionToken } from './credentials.js';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const DEFAULT_DURATION_SECONDS = 3600;
const MIN_DURATION_SECONDS = 900;

export interface RoleSeed {
  /** The role's MaxSessionDuration; AWS's default is one hour. */
  maxSessionDurationSeconds?: number;
  /** When set, AssumeRole must pass this ExternalId (the trust policy's sts:ExternalId condition). */
  externalId?: string;
}

interface StoredRole extends Required<Pick<RoleSeed, 'maxSessionDurationSeconds'>> {
  roleId: string;
  externalId?: string;
}

/** STS: AssumeRole of roles registered with `allowRole` (IAM is global, so roles are keyed by ARN only), and GetCallerIdentity. */
export class StsSimulation {
  readonly handlers: ServiceHandlers;
  private readonly roles = new Map<string, StoredRole>();

  constructor(private readonly world: SimulatedWorld) {
    this.handlers = {
      AssumeRole: (request) => this.assumeRole(request),
      GetCallerIdentity: (request): GetCallerIdentityResponse => ({
        UserId: `AIDA${request.accountId}SIMULATED`,
        Account: request.accountId,
        Arn: `arn:aws:iam::${request.accountId}:user/simulated`,
      }),
    };
  }

  /** Registers a role whose trust policy lets the caller assume it. */
  allowRole(roleArn: string, seed: RoleSeed = {}): void {
    if (!ROLE_ARN.test(roleArn)) throw new Error(`Not a role ARN: ${roleArn}`);
    this.roles.set(roleArn, {
      roleId: iamId('AROA'),
      maxSessionDurationSeconds: seed.maxSessionDurationSeconds ?? DEFAULT_DURATION_SECONDS,
      ...(seed.externalId && { externalId: seed.externalId }),
    });
  }

  private assumeRole(request: SimulatedRequest): AssumeRoleResponse {
    const input: AssumeRoleRequest = request.input;
    const roleArn = input.RoleArn ?? '';
    const match = ROLE_ARN.exec(roleArn);
    const roleName = match?.[3];
    if (!match || !roleName) throw fault('ValidationError', `${roleArn} is invalid`);
    const sessionName = input.RoleSessionName ?? '';
    if (!SESSION_NAME.test(sessionName)) {
      throw fault(
        'ValidationError',
        `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
      );
    }
    const role = this.roles.get(roleArn);
    if (!role || role.externalId !== input.ExternalId) {
      throw fault(
        'AccessDenied',
        `User: arn:aws:iam::${request.accountId}:user/simulated is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      );
    }
    const duration = input.DurationSeconds ?? DEFAULT_DURATION_SECONDS;
    if (duration < MIN_DURATION_SECONDS) {
      throw fault(
        'ValidationError',
        `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`,
      );
    }
    if (duration > role.maxSessionDurationSeconds) {
      throw fault('ValidationError', `The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`);
    }
    return {
      Credentials: {
        AccessKeyId: iamId('ASIA'),
        SecretAccessKey: secretAccessKey(),
        SessionToken: sessionToken(),
        Expiration: new Date(this.world.now().getTime() + duration * 1000),
      },
      AssumedRoleUser: {
        AssumedRoleId: `${role.roleId}:${sessionName}`,
        Arn: `arn:aws:sts::${match[1]}:assumed-role/${roleName}/${sessionName}`,
      },
    };
  }
}

export function createStsSimulation(world: SimulatedWorld): StsSimulation {
  return new StsSimulation(world);
}
