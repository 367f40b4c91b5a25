import { z } from 'zod';
import { type RequestField, RestoreInputError } from './errors.js';
import { DATABASE_KINDS } from './kinds.js';
import { REQUEST_REASON_LIMITS, reasonSchema } from './reason.js';

const restorePoint = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('latest') }),
    z.object({
      type: z.literal('time'),
      at: z.coerce.date({ error: 'Pick a real date and time to restore to, inside the restorable window.' }),
    }),
    z.object({
      type: z.literal('snapshot'),
      id: z.string({ error: 'Choose a snapshot.' }).trim().min(1, { error: 'Choose a snapshot.' }),
    }),
  ],
  { error: 'Choose a restore point: latest, a point in time or a snapshot.' },
);

/** What a person asks for, before it is checked against AWS and the policy (that makes a Plan). */
export const RestoreRequestSchema = z.object(
  {
    kind: z.enum(DATABASE_KINDS, { error: `Choose a kind of database: ${DATABASE_KINDS.join(', ')}.` }),
    source: z.object(
      {
        /** Identifier or ARN. */
        identifier: z
          .string({ error: 'Choose the database to restore.' })
          .trim()
          .min(1, { error: 'Choose the database to restore.' }),
        environment: z
          .string({ error: 'Name the environment of the source database.' })
          .trim()
          .min(1, { error: 'Name the environment of the source database.' }),
      },
      { error: 'Choose the database to restore.' },
    ),
    target: z.object(
      {
        identifier: z
          .string({ error: 'Give the new database a name.' })
          .trim()
          .min(1, { error: 'Give the new database a name, such as orders-copy.' }),
        /** Defaults to the source's environment. */
        environment: z
          .string({ error: 'Choose the environment to restore into.' })
          .trim()
          .min(1, { error: 'Choose the environment to restore into.' })
          .optional(),
      },
      { error: 'Give the new database a name.' },
    ),
    restorePoint,
    ifTargetExists: z
      .enum(['fail', 'replace'], { error: 'Choose what happens if the name exists: stop, or replace it.' })
      .default('fail'),
    /** `3d`, `12h`, ... or `never`; defaults to the policy's default expiry for new copies. */
    expiresIn: z
      .string({ error: 'Choose when the copy is deleted, such as 3d.' })
      .trim()
      .min(1, { error: 'Choose when the copy is deleted, such as 3d.' })
      .optional(),
    reason: reasonSchema(REQUEST_REASON_LIMITS, 'for this restore: approvers read it'),
    requester: z.object({
      userId: z.string().min(1),
      userGroupIds: z.array(z.string()).default([]),
      /** The requester's IANA time zone, for reading and showing times. */
      timeZone: z.string().default('UTC'),
      channelId: z.string().optional(),
    }),
  },
  { error: 'Fill in the restore form.' },
);

export type RestoreRequest = z.output<typeof RestoreRequestSchema>;
export type RestoreRequestInput = z.input<typeof RestoreRequestSchema>;

const NESTED_FIELDS: Record<string, RequestField> = {
  'source.identifier': 'source',
  'source.environment': 'sourceEnvironment',
  'target.identifier': 'target',
  'target.environment': 'targetEnvironment',
};

/**
 * Validates a request; the error is on the first bad field, the way the modal names it, and its
 * message is the sentence that field's schema gives (never zod's stock text).
 */
export function parseRestoreRequest(input: unknown): RestoreRequest {
  const result = RestoreRequestSchema.safeParse(input);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const path = issue?.path.map(String) ?? [];
  const field = NESTED_FIELDS[path.slice(0, 2).join('.')] ?? (path[0] as RequestField | undefined) ?? 'kind';
  throw new RestoreInputError(field, issue?.message ?? `Check the ${field} field.`);
}
