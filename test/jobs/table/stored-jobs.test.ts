import { readFileSync } from 'node:fs';
import { type AttributeValue, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isActive, type Job } from '../../../src/domain/job/job.js';
import { StoredJobError, UnsupportedStoredJobVersionError } from '../../../src/jobs/table/errors.js';
import { encodeJob } from '../../../src/jobs/table/job-codec.js';
import { DynamoDbJobs } from '../../../src/jobs/table/jobs.js';
import { type RunningDynalite, startDynalite } from '../../helpers/dynalite.js';
import { sampleJob, samplePlan } from '../../helpers/jobs.js';
import { everyKindOfJob } from '../../helpers/stored-job-samples.js';

/** Four jobs as the store wrote them before schema versions, captured from real harness runs. */
const unversioned = JSON.parse(
  readFileSync(new URL('../../fixtures/jobs/unversioned-jobs.json', import.meta.url), 'utf8'),
) as { attributes: Record<string, AttributeValue>; job: Record<string, unknown> }[];

let dynamo: RunningDynalite;
let jobs: DynamoDbJobs;
const skipped: object[] = [];

beforeAll(async () => {
  dynamo = await startDynalite();
  jobs = new DynamoDbJobs({
    client: dynamo.client,
    tableName: dynamo.tableName,
    finishedJobRetentionMs: 86_400_000,
    log: (_message, detail) => skipped.push(detail ?? {}),
  });
});

afterAll(async () => {
  await dynamo.close();
});

/** Writes an item as it is, the way an older (or newer) bot would have. */
async function putRaw(attributes: Record<string, AttributeValue>, data: string): Promise<void> {
  await dynamo.client.send(
    new PutItemCommand({ TableName: dynamo.tableName, Item: { ...attributes, data: { S: data } } }),
  );
}

describe('stored jobs in the job table', () => {
  it('round-trips every kind of job: every status and kind of database, with everything a job can carry', async () => {
    // Prepare
    const all = everyKindOfJob();
    expect(new Set(all.map((job) => `${job.plan.kind}/${job.status}`)).size).toBe(4 * 7);

    // Act
    for (const job of all) await jobs.create(job);
    const read = await Promise.all(all.map((job) => jobs.get(job.id)));

    // Assess
    expect(read).toStrictEqual(all);
    const { Item } = await dynamo.client.send(
      new GetItemCommand({ TableName: dynamo.tableName, Key: { pk: { S: `job#${all[0]?.id}` } } }),
    );
    expect(JSON.parse(Item?.data?.S ?? '{}').schemaVersion).toBe(1);
  });

  it('reads jobs written in the previous format (no schema version), in get and in both listings', async () => {
    // Prepare
    for (const { attributes, job } of unversioned) await putRaw(attributes, JSON.stringify(job));
    const ids = unversioned.map(({ job }) => job.id as string);

    // Act
    const read = (await Promise.all(ids.map((id) => jobs.get(id)))) as Job[];
    const listed = [...(await jobs.listActive()), ...(await jobs.listExpiring())].map((job) => job.id);

    // Assess: nothing lost, nothing changed, the instants are Dates again and a date-like tag stays text.
    expect(read.map((job) => JSON.parse(encodeJob(job)))).toEqual(
      unversioned.map(({ job }) => ({ schemaVersion: 1, ...job })),
    );
    const [aurora, , rds, waiting] = read;
    expect(aurora?.plan.method).toEqual({ type: 'point-in-time', at: expect.any(Date) });
    expect(aurora?.expiry?.tagExpiresAt).toBeInstanceOf(Date);
    expect(aurora?.execution?.steps[0]?.startedAt).toBeInstanceOf(Date);
    expect(aurora?.plan.source.restorableWindow?.latest).toBeInstanceOf(Date);
    expect(rds?.plan.method.type === 'snapshot' && rds.plan.method.snapshot.createdAt).toBeInstanceOf(Date);
    expect(waiting?.status).toBe('awaiting_approval');
    expect(isActive(waiting?.status ?? 'failed')).toBe(true);
    expect(listed).toEqual(expect.arrayContaining(ids));
  });

  it('refuses a stored job of a bad shape with an error naming the field, and lists the others without it', async () => {
    // Prepare: a healthy active job, and one whose plan lost its target's account.
    const healthy = await jobs.create(sampleJob('stored-healthy', samplePlan('aurora-cluster', 'healthy-copy')));
    const broken = JSON.parse(encodeJob(sampleJob('stored-broken', samplePlan('aurora-cluster', 'broken-copy'))));
    delete broken.plan.target.accountId;
    await putRaw(
      {
        pk: { S: 'job#stored-broken' },
        version: { N: '0' },
        status: { S: 'awaiting_approval' },
        createdAt: { S: '2026-11-22T10:00:00.000Z' },
        activePartition: { S: 'active' },
      },
      JSON.stringify(broken),
    );

    // Act
    const refused = await jobs.get('stored-broken').catch((error: unknown) => error);
    const listed = (await jobs.listActive()).map((job) => job.id);

    // Assess
    expect(refused).toBeInstanceOf(StoredJobError);
    expect((refused as StoredJobError).field).toBe('plan.target.accountId');
    expect((refused as Error).message).toContain(
      'stored job stored-broken (schema version 1): field plan.target.accountId',
    );
    expect(listed).toContain(healthy.id);
    expect(listed).not.toContain('stored-broken');
    expect(skipped).toContainEqual(
      expect.objectContaining({ key: 'job#stored-broken', error: expect.stringContaining('plan.target.accountId') }),
    );
  });

  it('refuses a job a newer bot wrote, rather than misread it', async () => {
    const newer = { ...JSON.parse(encodeJob(sampleJob('stored-newer'))), schemaVersion: 2, priority: 'high' };
    await putRaw({ pk: { S: 'job#stored-newer' }, version: { N: '0' } }, JSON.stringify(newer));
    await expect(jobs.get('stored-newer')).rejects.toThrow(UnsupportedStoredJobVersionError);
  });
});
