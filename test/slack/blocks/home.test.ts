import { checkView } from '@db-restore-bot/slack-sandbox';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../src/domain/job/job.js';
import { personalJobs, type Reader } from '../../../src/domain/job/personal-view.js';
import { buildHomeView } from '../../../src/slack/blocks/home.js';
import { JOB_ACTIONS } from '../../../src/slack/ids.js';
import { APPROVER, awaitingJob, minutes, REQUESTER, runningJob, succeededJob } from './job-fixtures.js';

const DAY_MS = 86_400_000;

function readerOf(userId: string, channelIds: string[] = []): Reader {
  return {
    principal: { userId, userGroupIds: [] },
    channelIds: new Set(channelIds),
    approversOf: () => ({ users: [APPROVER], userGroups: [] }),
  };
}

const copies = (count: number, make: () => Job) =>
  Array.from({ length: count }, (_, index) => ({ ...make(), id: `job-${index}` }));

function actionIds(view: ReturnType<typeof buildHomeView>): string[] {
  return (view.blocks as { type: string; elements?: { action_id?: string }[] }[]).flatMap((block) =>
    block.type === 'actions' ? (block.elements ?? []).map((element) => String(element.action_id)) : [],
  );
}

describe('personalJobs', () => {
  it('puts a waiting request before its approver, never before its requester', () => {
    const jobs = { active: [awaitingJob()], expiring: [], recent: [awaitingJob()] };
    expect(personalJobs(readerOf(APPROVER), jobs).awaitingMyApproval).toHaveLength(1);
    const mine = personalJobs(readerOf(REQUESTER), jobs);
    expect(mine.awaitingMyApproval).toEqual([]);
    expect(mine.mine).toHaveLength(1);
  });

  it('shows a running job to the people of its channel, and to nobody else outside it', () => {
    const jobs = { active: [runningJob(1)], expiring: [], recent: [] };
    expect(personalJobs(readerOf('U0SOMEONE', ['C0RESTORES']), jobs).running).toHaveLength(1);
    expect(personalJobs(readerOf('U0SOMEONE', ['C0ELSEWHERE']), jobs).running).toEqual([]);
  });
});

describe('buildHomeView', () => {
  it('offers Approve and Reject (not Cancel) on a waiting request, and Extend and Delete on a copy', () => {
    const copy = succeededJob();
    const lists = personalJobs(readerOf(APPROVER), { active: [awaitingJob()], expiring: [copy], recent: [] });
    const view = buildHomeView(lists, { now: minutes(120), maxExpiryMs: 30 * DAY_MS });
    expect(checkView(view)).toEqual([]);
    const ids = actionIds(view);
    expect(ids).toContain(JOB_ACTIONS.approve);
    expect(ids).toContain(JOB_ACTIONS.reject);
    expect(ids).not.toContain(JOB_ACTIONS.cancel);
    expect(ids).toContain(JOB_ACTIONS.deleteNow);
    expect(ids.some((id) => id.startsWith(JOB_ACTIONS.extend))).toBe(true);
  });

  it("stays within Slack's 100 blocks however many restores there are", () => {
    const lists = personalJobs(readerOf(APPROVER, ['C0RESTORES']), {
      active: [...copies(80, awaitingJob), ...copies(80, () => runningJob(1))],
      expiring: copies(80, succeededJob),
      recent: copies(80, () => ({ ...awaitingJob(), request: { ...awaitingJob().request } })),
    });
    const view = buildHomeView(lists, { now: minutes(120), maxExpiryMs: 30 * DAY_MS, notice: ':no_entry: no' });
    expect(checkView(view)).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(view)).toContain('and 70 more');
  });

  it('says so when there is nothing', () => {
    const view = buildHomeView(personalJobs(readerOf(REQUESTER), { active: [], expiring: [], recent: [] }), {
      now: minutes(0),
      maxExpiryMs: DAY_MS,
    });
    const text = JSON.stringify(view);
    expect(text).toContain('Nothing is waiting for your approval.');
    expect(text).toContain('You have requested no restores lately.');
    expect(text).toContain('Nothing is running.');
    expect(actionIds(view)).toEqual([]);
  });
});
