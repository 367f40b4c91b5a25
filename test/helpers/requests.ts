import type { DatabaseKind } from '../../src/domain/kinds.js';
import { parseRestorePoint } from '../../src/domain/restore-point.js';
import { parseRestoreRequest, type RestoreRequest } from '../../src/domain/restore-request.js';
import { REQUESTER } from './simulated-environment.js';

export interface RequestSketch {
  kind: DatabaseKind;
  source: string;
  from?: string;
  target: string;
  into?: string;
  /** A restore point as typed: `latest`, `2h ago`, `snapshot:<id>`, an ARN... */
  at?: string;
  replace?: boolean;
  expiresIn?: string;
  reason?: string;
  requester?: string;
  userGroupIds?: string[];
}

/** A request as the modal or the one-line command would make it, with its restore point parsed. */
export function requestFrom(sketch: RequestSketch, now: Date): RestoreRequest {
  return parseRestoreRequest({
    kind: sketch.kind,
    source: { identifier: sketch.source, environment: sketch.from ?? 'production' },
    target: { identifier: sketch.target, environment: sketch.into ?? sketch.from ?? 'production' },
    restorePoint: parseRestorePoint(sketch.at ?? 'latest', { now }),
    ifTargetExists: sketch.replace ? 'replace' : 'fail',
    expiresIn: sketch.expiresIn,
    reason: sketch.reason ?? 'investigate a bad migration',
    requester: { userId: sketch.requester ?? REQUESTER, userGroupIds: sketch.userGroupIds ?? ['S0DEVELOPERS'] },
  });
}
