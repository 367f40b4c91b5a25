import type { z } from 'zod';
import type { Job } from '../../domain/job/job.js';
import { StoredJobError, UnsupportedStoredJobVersionError } from './errors.js';
import { storedJobSchema } from './stored-job-schema.js';

/**
 * The schema version this bot writes. Records written before versions were kept carry none and
 * are version 1. A change to the stored shape bumps this and adds a migration from the version before.
 */
export const STORED_JOB_VERSION = 1;

/** A stored record as JSON gave it, before it is decoded. */
export type StoredRecord = Record<string, unknown>;

/** Turns a record of version `n` into one of version `n + 1`; keyed by `n`. */
export type StoredJobMigrations = Readonly<Record<number, (record: StoredRecord) => StoredRecord>>;

/** None yet: version 1 is the first shape with a schema. */
const MIGRATIONS: StoredJobMigrations = {};

/**
 * The job as stored in the table's `data` attribute: the job's JSON with its `schemaVersion` beside
 * its fields, so a bot from before versions (which ignores the extra field) still reads it.
 */
export function encodeJob(job: Job): string {
  return JSON.stringify({ schemaVersion: STORED_JOB_VERSION, ...job });
}

/**
 * Reads a stored job of any version up to `STORED_JOB_VERSION`: older ones are migrated first,
 * newer ones refused (`UnsupportedStoredJobVersionError`), and a record of the wrong shape is
 * refused with a `StoredJobError` naming the field, never half read.
 */
export function decodeJob(data: string): Job {
  return decodeStoredJob(parseJson(data));
}

/** `decodeJob` on a parsed record; `migrations` and `currentVersion` are the codec's own unless given. */
export function decodeStoredJob(
  record: StoredRecord,
  migrations: StoredJobMigrations = MIGRATIONS,
  currentVersion: number = STORED_JOB_VERSION,
): Job {
  const { schemaVersion, ...fields } = record;
  const jobId = typeof fields.id === 'string' ? fields.id : undefined;
  const version = schemaVersion === undefined ? 1 : schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new StoredJobError(
      `stored job ${jobId ?? '(no id)'}: schemaVersion is ${JSON.stringify(version)}, not a version number`,
      'schemaVersion',
    );
  }
  if (version > currentVersion) throw new UnsupportedStoredJobVersionError(jobId, version, currentVersion);
  let migrated: StoredRecord = fields;
  for (let from = version; from < currentVersion; from += 1) {
    const migrate = migrations[from];
    if (!migrate) throw new StoredJobError(`no migration of stored jobs from version ${from}`, 'schemaVersion');
    migrated = migrate(migrated);
  }
  const result = storedJobSchema.safeParse(migrated);
  if (!result.success) throw shapeError(jobId, version, result.error);
  return result.data;
}

function parseJson(data: string): StoredRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch (error) {
    throw new StoredJobError('a stored job is not JSON', undefined, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new StoredJobError('a stored job is not a JSON object');
  }
  return parsed as StoredRecord;
}

/** The first problem, by its path in the job (`plan.source.restorableWindow.latest`). */
function shapeError(jobId: string | undefined, version: number, error: z.ZodError): StoredJobError {
  const [issue] = error.issues;
  const path = issue?.path.map(String) ?? [];
  const field =
    issue?.code === 'unrecognized_keys' ? [...path, ...issue.keys.slice(0, 1)].join('.') : path.join('.') || '(job)';
  const problem = issue?.code === 'unrecognized_keys' ? 'not a field of a stored job' : issue?.message;
  return new StoredJobError(
    `stored job ${jobId ?? '(no id)'} (schema version ${version}): field ${field}: ${problem ?? 'not valid'}`,
    field,
    { cause: error },
  );
}
