import { checkMessageBlocks } from '@db-restore-bot/slack-sandbox';
import { describe, expect, it } from 'vitest';
import { buildEventReply } from '../../../src/slack/blocks/thread-replies.js';
import { textOf } from './card-helpers.js';
import { APPROVER, approvedJob, expiredJob, failedJob, REQUESTER, rejectedJob, succeededJob } from './job-fixtures.js';

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

  it('mentions the requester with the endpoint, and the whole report, when the restore succeeded', () => {
    const job = succeededJob();
    const event = job.events.find((candidate) => candidate.type === 'succeeded');
    if (!event) throw new Error('no success event');

    const reply = buildEventReply(job, event);
    const body = textOf(reply.blocks);

    expect(body).toContain(
      `:white_check_mark: <@${REQUESTER}> \`orders-copy\` is ready at \`orders-copy.cluster-abc123.eu-west-1.rds.amazonaws.com:5432\``,
    );
    expect(reply.text).toContain(`<@${REQUESTER}>`);
    expect(body).toContain('*Validation* (2 passed, 1 info)');
    expect(body).toContain(':white_check_mark: *Engine version*: aurora-postgresql 15.4');
  });

  it.each([
    ['failed', failedJob],
    ['rejected', () => rejectedJob()],
    ['expired', expiredJob],
  ])('mentions the requester when the request %s', (type, make) => {
    const job = make();
    const event = job.events.findLast((candidate) => candidate.type === type);
    if (!event) throw new Error(`no ${type} event`);

    expect(buildEventReply(job, event).text).toContain(`<@${REQUESTER}>`);
  });

  it('does not mention the requester for an approval, which they need not act on', () => {
    const job = approvedJob();
    const event = job.events.find((candidate) => candidate.type === 'approved');
    if (!event) throw new Error('no approval event');

    expect(buildEventReply(job, event).text).not.toContain(`<@${REQUESTER}>`);
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
