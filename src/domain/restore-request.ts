import { z } from 'zod';
import { type RequestField, RestoreInputError } from './errors.js';
import { DATABASE_KINDS } from './kinds.js';

const restorePoint = z.discriminatedUnion('type', [
  z.object({ type: z.literal('latest') }),
  z.object({ type: z.literal('time'), at: z.coerce.date() }),
  z.object({ type: z.literal('snapshot'), id: z.string().trim().min(1) }),
]);

/** What a person asks for, before it is checked against AWS and the policy (that makes a Plan). */
export const RestoreRequestSchema = z.object({
  kind: z.enum(DATABASE_KINDS),
  source: z.object({
    /** Identifier or ARN. */
    identifier: z.string().trim().min(1),
    environment: z.string().trim().min(1),
  }),
  target: z.object({
    identifier: z.string().trim().min(1),
    /** Defaults to the source's environment. */
    environment: z.string().trim().min(1).optional(),
  }),
  restorePoint,
  ifTargetExists: z.enum(['fail', 'replace']).default('fail'),
  /** `3d`, `12h`, ... or `never`; defaults to the policy's default expiry for new copies. */
  expiresIn: z.string().trim().min(1).optional(),
  reason: z.string().trim().min(3, 'give a reason of at least 3 characters').max(500),
  requester: z.object({
    userId: z.string().min(1),
    userGroupIds: z.array(z.string()).default([]),
    /** The requester's IANA time zone, for reading and showing times. */
    timeZone: z.string().default('UTC'),
    channelId: z.string().optional(),
  }),
});

export type RestoreRequest = z.output<typeof RestoreRequestSchema>;
export type RestoreRequestInput = z.input<typeof RestoreRequestSchema>;

const NESTED_FIELDS: Record<string, RequestField> = {
  'source.identifier': 'source',
  'source.environment': 'sourceEnvironment',
  'target.identifier': 'target',
  'target.environment': 'targetEnvironment',
};

/** Validates a request; the error names the first bad field the way the modal names it. */
export function parseRestoreRequest(input: unknown): RestoreRequest {
  const result = RestoreRequestSchema.safeParse(input);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const path = issue?.path.map(String) ?? [];
  const field = NESTED_FIELDS[path.slice(0, 2).join('.')] ?? (path[0] as RequestField | undefined) ?? 'kind';
  throw new RestoreInputError(field, `${field}: ${issue?.message ?? 'is not valid'}`);
}
