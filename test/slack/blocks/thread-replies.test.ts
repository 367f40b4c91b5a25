import { checkMessageBlocks } from '@db-restore-bot/slack-sandbox';
import { describe, expect, it } from 'vitest';
import { buildEventReply } from '../../../src/slack/blocks/thread-replies.js';
import { textOf } from './card-helpers.js';
import { APPROVER, approvedJob, rejectedJob, succeededJob } from './job-fixtures.js';

describe('buildEventReply', () => {
  it('says who approved', () => {
    const job = approvedJob();
    const event = job.events.find((candidate) => candidate.type === 'approved');
    if (!event) throw new Error('no approval event');

    const reply = buildEventReply(job, event);

    expect(textOf(reply.blocks)).toContain(`:+1: <@${APPROVER}> approved (1 of 1).`);
    expect(reply.text).toBe(`Restore orders → orders-copy: :+1: <@${APPROVER}> approved (1 of 1).`);
    expect(checkMessageBlocks(reply.blocks, reply.text)).toEqual([]);
  });

  it('gives the endpoint when the restore succeeded', () => {
    const job = succeededJob();
    const event = job.events.find((candidate) => candidate.type === 'succeeded');
    if (!event) throw new Error('no success event');

    const body = textOf(buildEventReply(job, event).blocks);

    expect(body).toContain('`orders-copy` is ready at `orders-copy.cluster-abc123.eu-west-1.rds.amazonaws.com:5432`');
  });

  it('stays within limits for a long rejection', () => {
    const job = rejectedJob('x'.repeat(10_000));
    const event = job.events.at(-1);
    if (!event) throw new Error('no event');

    const reply = buildEventReply(job, event);

    expect(checkMessageBlocks(reply.blocks, reply.text)).toEqual([]);
    expect(textOf(reply.blocks)).toContain('rejected the restore: xxx');
  });
});
