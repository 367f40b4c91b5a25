import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StoredJobError, UnsupportedStoredJobVersionError } from '../../../src/jobs/table/errors.js';
import { decodeJob, decodeStoredJob, encodeJob, STORED_JOB_VERSION } from '../../../src/jobs/table/job-codec.js';
import { sampleJob } from '../../helpers/jobs.js';
import { everyKindOfJob } from '../../helpers/stored-job-samples.js';

/** Jobs as the store wrote them before schema versions: no `schemaVersion`. */
const unversioned = JSON.parse(
  readFileSync(new URL('../../fixtures/jobs/unversioned-jobs.json', import.meta.url), 'utf8'),
) as {
  job: Record<string, unknown>;
}[];

function storedAs(change: (record: Record<string, unknown>) => void): string {
  const record = JSON.parse(encodeJob(sampleJob('codec-job'))) as Record<string, unknown>;
  change(record);
  return JSON.stringify(record);
}

function refusal(data: string): StoredJobError {
  try {
    decodeJob(data);
  } catch (error) {
    if (error instanceof StoredJobError) return error;
    throw error;
  }
  throw new Error('the record was read');
}

describe('stored job codec', () => {
  it('writes the schema version beside the job fields', () => {
    expect(JSON.parse(encodeJob(sampleJob('codec-version'))).schemaVersion).toBe(STORED_JOB_VERSION);
  });

  it('decodes every kind of job to exactly what was encoded', () => {
    for (const job of everyKindOfJob()) expect(decodeJob(encodeJob(job))).toStrictEqual(job);
  });

  it('reads a record without a schema version as version 1, the format written before versions', () => {
    for (const { job } of unversioned) {
      const read = decodeJob(JSON.stringify(job));
      expect(read.createdAt).toBeInstanceOf(Date);
      expect(JSON.parse(encodeJob(read))).toEqual({ schemaVersion: 1, ...job });
    }
  });

  it('refuses a job written by a newer bot, naming its version', () => {
    const error = refusal(storedAs((record) => Object.assign(record, { schemaVersion: STORED_JOB_VERSION + 1 })));
    expect(error).toBeInstanceOf(UnsupportedStoredJobVersionError);
    expect(error.field).toBe('schemaVersion');
    expect(error.message).toContain(`codec-job has schema version ${STORED_JOB_VERSION + 1}`);
  });

  it('refuses a schema version that is not a number', () => {
    expect(refusal(storedAs((record) => Object.assign(record, { schemaVersion: 'one' }))).field).toBe('schemaVersion');
  });

  it.each([
    [
      'a date that is not an instant',
      (record: Record<string, unknown>) => Object.assign(record, { approvalDeadline: 'tomorrow' }),
      'approvalDeadline',
    ],
    [
      'a renamed field',
      (record: Record<string, unknown>) => {
        const plan = record.plan as Record<string, unknown>;
        plan.sourceEnv = plan.sourceEnvironment;
        delete plan.sourceEnvironment;
      },
      'plan.sourceEnvironment',
    ],
    [
      'a field no job has',
      (record: Record<string, unknown>) => Object.assign(record.plan as object, { priority: 'high' }),
      'plan.priority',
    ],
    ['an unknown status', (record: Record<string, unknown>) => Object.assign(record, { status: 'paused' }), 'status'],
    [
      'a nested date of the wrong type',
      (record: Record<string, unknown>) => {
        const source = (record.plan as { source: { restorableWindow: Record<string, unknown> } }).source;
        source.restorableWindow.latest = 1_763_805_300_000;
      },
      'plan.source.restorableWindow.latest',
    ],
  ])('refuses a record with %s, naming the field', (_case, change, field) => {
    const error = refusal(storedAs(change));
    expect(error.field).toBe(field);
    expect(error.message).toContain(`stored job codec-job (schema version 1): field ${field}:`);
  });

  it('refuses what is not a JSON object', () => {
    expect(refusal('{"id":').message).toBe('a stored job is not JSON');
    expect(refusal('[]').message).toBe('a stored job is not a JSON object');
  });

  it('migrates an older record version by version before reading it', () => {
    // Prepare: a bot at version 3 whose version 1 called the source environment `sourceEnv`.
    const current = JSON.parse(encodeJob(sampleJob('codec-migrated'))) as Record<string, unknown>;
    const { sourceEnvironment, ...planOfVersion1 } = current.plan as Record<string, unknown>;
    const version1 = { ...current, schemaVersion: 1, plan: { ...planOfVersion1, sourceEnv: sourceEnvironment } };
    const applied: number[] = [];
    const migrations = {
      1: (record: Record<string, unknown>) => {
        applied.push(1);
        const { sourceEnv, ...plan } = record.plan as Record<string, unknown>;
        return { ...record, plan: { ...plan, sourceEnvironment: sourceEnv } };
      },
      2: (record: Record<string, unknown>) => {
        applied.push(2);
        return record;
      },
    };

    // Act
    const read = decodeStoredJob(version1, migrations, 3);

    // Assess
    expect(applied).toEqual([1, 2]);
    expect(read).toStrictEqual(sampleJob('codec-migrated'));
  });

  it('refuses an older version it has no migration for, rather than misreading it', () => {
    const record = { ...(JSON.parse(encodeJob(sampleJob('codec-gap'))) as Record<string, unknown>), schemaVersion: 1 };
    expect(() => decodeStoredJob(record, {}, 2)).toThrow('no migration of stored jobs from version 1');
  });

  it('keeps a tag value that looks like a date a string', () => {
    const read = decodeJob(encodeJob(sampleJob('codec-tag')));
    expect(read.plan.source.tags['restore-bot:expires-at']).toBe('2026-11-25T10:00:00.000Z');
  });
});
