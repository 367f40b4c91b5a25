import { checkMessageBlocks } from '@db-restore-bot/slack-sandbox';
import { describe, expect, it } from 'vitest';
import { readDateTokens } from '../../../packages/slack-sandbox/src/page/client/date-token.js';
import { emojiFor } from '../../../packages/slack-sandbox/src/page/client/emoji.js';
import type { Execution } from '../../../src/domain/execution.js';
import { recordFailed } from '../../../src/domain/execution.js';
import type { CopyExpiry, Job } from '../../../src/domain/job/job.js';
import { extendExpiry, withExecution } from '../../../src/domain/job/transitions.js';
import type { ValidationCheck } from '../../../src/domain/source.js';
import { buildJobCard } from '../../../src/slack/blocks/job-card.js';
import { section } from '../../../src/slack/blocks/layout.js';
import { JOB_ACTIONS } from '../../../src/slack/ids.js';
import { buttonsOf, textOf, visibleLines } from './card-helpers.js';
import {
  APPROVER,
  approvedJob,
  awaitingJob,
  cancelledJob,
  expiredJob,
  failedJob,
  JOB_ID,
  minutes,
  PASSING_CHECKS,
  REQUESTER,
  rejectedJob,
  runningJob,
  succeededJob,
  TIME_ZONE,
  validatedJob,
} from './job-fixtures.js';

const DAY = 86_400_000;

/**
 * The card as a reader in the requester's zone (Europe/Amsterdam) sees it, date tokens read as the
 * sandbox page reads them; `fallback` is the text as sent, which clients without tokens show (UTC).
 */
function card(job: Job, now = minutes(20), maxExpiryMs?: number) {
  const built = buildJobCard(job, { now, ...(maxExpiryMs === undefined ? {} : { maxExpiryMs }) });
  const fallback = textOf(built.blocks);
  return {
    ...built,
    fallback,
    body: readDateTokens(fallback, TIME_ZONE, now.getTime()),
    actionIds: buttonsOf(built.blocks).map((button) => button.action_id),
  };
}

describe('buildJobCard', () => {
  describe('awaiting approval', () => {
    it("shows what an approver needs, with times as each reader's own zone reads them", () => {
      // Prepare / Act
      const { body, blocks } = card(awaitingJob(), minutes(10));

      // Assess
      expect(blocks[0]).toEqual({
        type: 'header',
        text: { type: 'plain_text', text: ':floppy_disk: Restore orders → orders-copy', emoji: true },
      });
      expect(body).toContain('*Aurora cluster* `orders` in *production* → `orders-copy` in *acceptance*');
      expect(body).toContain('*Restore point*: today at 09:00');
      expect(body).toContain('*Target account*: 222222222222, eu-west-1 · *Estimate*: about 25 min');
      expect(body).toContain('*Expires*: Nov 25, 2026 at 11:00');
      expect(body).toContain(`*Requested by* <@${REQUESTER}>`);
      expect(body).toContain('*Reason*: find the migration that dropped &lt;orders&gt; &amp; co');
      expect(body).toContain('1. Restore orders as orders-copy at 2026-11-22 08:00 UTC');
      expect(body).toContain('3. Validate orders-copy against orders');
      expect(body).toContain('*Approvals*: 0 of 1');
      expect(body).toContain('needs 1 more approval by today at 15:00, in 3 h 50 min');
    });

    it('sends every time as a Slack date token with a UTC fallback, so each reader sees their own zone', () => {
      // Prepare / Act
      const { fallback } = card(awaitingJob(), minutes(10));
      const deadline = Date.parse('2026-11-22T14:00:00Z') / 1000;

      // Assess
      expect(fallback).toContain(`<!date^${deadline}^{date_short_pretty} at {time}|2026-11-22 14:00 UTC>`);
      expect(readDateTokens(fallback, 'America/New_York', minutes(10).getTime())).toContain(
        'needs 1 more approval by today at 09:00',
      );
      expect(readDateTokens(fallback, 'Pacific/Auckland', minutes(10).getTime())).toContain(
        'needs 1 more approval by tomorrow at 03:00',
      );
      // No raw ISO instants, and never milliseconds.
      expect(fallback).not.toMatch(/\d{2}:\d{2}(:\d{2})?(\.\d+)?Z/);
    });

    it('mentions who can approve it, in the card and in the notification text', () => {
      // Prepare
      const approvers = { userGroups: ['S0PLATFORM'], users: ['U0ONCALL'] };

      // Act
      const built = buildJobCard(awaitingJob(), { now: minutes(10), approvers });
      const finished = buildJobCard(rejectedJob(), { now: minutes(10), approvers });

      // Assess
      expect(textOf(built.blocks)).toContain('needs 1 more approval from <!subteam^S0PLATFORM> or <@U0ONCALL> by');
      expect(built.text).toBe(
        'Restore orders → orders-copy: awaiting approval from <!subteam^S0PLATFORM> or <@U0ONCALL>',
      );
      expect(textOf(finished.blocks)).not.toContain('S0PLATFORM');
    });

    it('offers Approve (primary), Reject (danger, confirmed) and Cancel, each carrying the job id', () => {
      const { blocks, text } = card(awaitingJob());
      const buttons = buttonsOf(blocks);

      expect(buttons.map((button) => [button.action_id, button.style, button.value])).toEqual([
        [JOB_ACTIONS.approve, 'primary', JOB_ID],
        [JOB_ACTIONS.reject, 'danger', JOB_ID],
        [JOB_ACTIONS.cancel, undefined, JOB_ID],
        [JOB_ACTIONS.details, undefined, JOB_ID],
      ]);
      expect(buttons[1]?.confirm?.confirm?.text).toBe('Reject');
      expect(buttons[0]?.confirm).toBeUndefined();
      expect(text).toBe('Restore orders → orders-copy: awaiting approval');
    });

    it('says what a replace renames and deletes, with the final snapshot', () => {
      const { body } = card(awaitingJob({ replace: true }));

      expect(body).toContain(
        '*Replaces the existing `orders-copy`*: it is renamed to `orders-copy-old-7f3c9a2e` first, and after the restore validates it is *deleted* with final snapshot `orders-copy-final-7f3c9a2e`',
      );
      expect(body).toContain('1. Rename orders-copy to orders-copy-old-7f3c9a2e');
      expect(body).toContain('5. Delete orders-copy-old-7f3c9a2e with final snapshot orders-copy-final-7f3c9a2e');
    });

    it('asks to confirm Approve on a replace, naming what is renamed and deleted; within Block Kit limits', () => {
      // Prepare / Act
      const { blocks, text } = card(awaitingJob({ replace: true }));
      const approve = buttonsOf(blocks).find((button) => button.action_id === JOB_ACTIONS.approve);

      // Assess
      expect(approve?.confirm?.style).toBe('danger');
      expect(approve?.confirm?.text?.text).toContain('orders-copy is renamed to orders-copy-old-7f3c9a2e');
      expect(approve?.confirm?.text?.text).toContain('DELETED (final snapshot orders-copy-final-7f3c9a2e)');
      expect(checkMessageBlocks(blocks, text)).toEqual([]);
    });

    it('warns loudly when a replacement is asked to expire, and says nothing of it otherwise', () => {
      const warning = ':warning: *`orders-copy` will be DELETED Nov 25, 2026 at 11:00*';

      expect(card(awaitingJob({ replace: true })).body).toContain(warning);
      expect(card(awaitingJob({ replace: true, expiresAt: null })).body).not.toContain('will be DELETED');
      expect(card(awaitingJob()).body).not.toContain('will be DELETED');
    });

    it('shows who approved so far when more approvals are needed', () => {
      const job = approvedJob({ approvalsRequired: 2 });

      const { body, actionIds } = card(job);

      expect(job.status).toBe('awaiting_approval');
      expect(body).toContain(`*Approvals*: 1 of 2 · approved by <@${APPROVER}> (11:05)`);
      expect(body).toContain(`*Requested by* <@${REQUESTER}> · *approved by* <@${APPROVER}>`);
      expect(actionIds).toContain(JOB_ACTIONS.approve);
    });

    it('shows a snapshot restore point with the snapshot time in the requester zone', () => {
      const snapshot = {
        kind: 'aurora-cluster' as const,
        id: 'orders-2026-11-21',
        arn: 'arn:aws:rds:eu-west-1:999999999999:cluster-snapshot:orders-2026-11-21',
        sourceIdentifier: 'orders',
        createdAt: new Date('2026-11-21T23:30:00Z'),
        status: 'available',
        engine: 'aurora-postgresql',
        engineVersion: '15.4',
        ownerAccountId: '999999999999',
        shared: true,
        origin: 'shared' as const,
        encrypted: true,
      };

      const { body } = card(awaitingJob({ method: { type: 'snapshot', snapshot, copyFirst: false } }));

      expect(body).toContain('*Restore point*: shared snapshot `orders-2026-11-21` (taken today at 00:30)');
    });
  });

  describe('running', () => {
    it('shows a progress bar, a checklist, elapsed time, time left and who approved; only Details', () => {
      const { body, actionIds, text } = card(runningJob(1), minutes(20));

      expect(actionIds).toEqual([JOB_ACTIONS.details]);
      expect(body).toContain(':white_check_mark: 1. Restore orders as orders-copy at 2026-11-22 08:00 UTC · 1 min');
      expect(body).toContain(':hourglass_flowing_sand: 2. Create writer instance');
      expect(body).toContain('· running for 7 min');
      expect(body).toContain(':white_small_square: 3. Validate orders-copy against orders');
      expect(body).not.toContain('not run');
      expect(body).toContain('▰▱▱ step 2 of 3: Create writer instance');
      expect(body).toContain('14 min elapsed, about 11 min left');
      expect(body).toContain(`*approved by* <@${APPROVER}>`);
      expect(text).toBe('Restore orders → orders-copy: running (step 2 of 3)');
    });

    it('says when a restore runs past its estimate', () => {
      const { body } = card(runningJob(1), minutes(60));

      expect(body).toContain('54 min elapsed, longer than the 25 min estimate');
    });

    it('notes a retry with the error and the next attempt', () => {
      const job: Job = {
        ...runningJob(0),
        retry: { attempts: 2, nextAttemptAt: minutes(14), lastError: 'Throttling: Rate exceeded' },
      };

      const { body } = card(job);

      expect(body).toContain(':repeat: `restore` met a passing error (2 attempts so far): Throttling: Rate exceeded.');
      expect(body).toContain('Trying again at 11:14');
    });

    it('shows the rollback steps while a replace rolls back', () => {
      // Prepare: validation fails on a replace, the rollback has not run yet
      const failing: ValidationCheck[] = [{ name: 'status', result: 'failed', detail: 'incompatible-parameters' }];
      const job = validatedJobInRollback(failing);

      // Act
      const { body, text, actionIds } = card(job);

      // Assess
      expect(job.status).toBe('running');
      expect(body).toContain('*rolling back* after: validation failed: status');
      expect(body).toContain('*Rolling back*');
      expect(body).toContain(':hourglass_flowing_sand: 1. Set aside the failed restore `orders-copy`');
      expect(body).toContain(':white_small_square: 2. Rename `orders-copy-old-7f3c9a2e` back to `orders-copy`');
      expect(body).toContain(':white_small_square: 5. Delete orders-copy-old-7f3c9a2e');
      expect(body).toContain('· not run');
      expect(text).toBe('Restore orders → orders-copy: rolling back');
      expect(actionIds).toEqual([JOB_ACTIONS.details]);
    });
  });

  describe('succeeded', () => {
    it('shows the outcome, the endpoint, who approved and the expiry, with Extend, Delete now and Details', () => {
      const { body, blocks, text } = card(succeededJob(), minutes(70), 30 * DAY);

      expect(body).toContain('`orders-copy` is ready in *acceptance* · took 51 min');
      expect(body).toContain('*Endpoint*: `orders-copy.cluster-abc123.eu-west-1.rds.amazonaws.com:5432`');
      expect(body).toContain(`*Requested by* <@${REQUESTER}> · *approved by* <@${APPROVER}>`);
      expect(body).toContain(':calendar: Expires Nov 25, 2026 at 11:00, in 2 d 22 h');
      // The report is summed up, its lines are in Details and the thread.
      expect(body).toContain('Validation: 2 passed, 1 info · The full report, every step and the activity: *Details*');
      expect(body).not.toContain('*Engine version*');
      expect(
        buttonsOf(blocks).map((button) => [button.text.text, button.action_id, button.value, button.style]),
      ).toEqual([
        ['Extend 1 day', 'job_extend_1d', `${JOB_ID}:1d`, undefined],
        ['Extend 3 days', 'job_extend_3d', `${JOB_ID}:3d`, undefined],
        ['Extend 7 days', 'job_extend_7d', `${JOB_ID}:7d`, undefined],
        ['Delete now', JOB_ACTIONS.deleteNow, JOB_ID, 'danger'],
        ['Details', JOB_ACTIONS.details, JOB_ID, undefined],
      ]);
      expect(buttonsOf(blocks)[3]?.confirm).toBeDefined();
      expect(text).toBe('Restore orders → orders-copy: succeeded');
    });

    it('is compact: a handful of blocks and lines, the endpoint and buttons near the top', () => {
      // Prepare: a report as long as a real one (13 checks)
      const checks: ValidationCheck[] = [
        ...PASSING_CHECKS,
        ...Array.from({ length: 10 }, (_, index) => ({
          name: `Check ${index}`,
          result: 'passed' as const,
          detail: 'as planned',
        })),
      ];

      // Act
      const { blocks, body } = card(succeededJob({}, checks), minutes(70), 30 * DAY);

      // Assess
      expect(blocks.length).toBeLessThanOrEqual(7);
      expect(visibleLines(blocks).length).toBeLessThanOrEqual(10);
      expect(body).not.toContain('Check 3');
      expect(blocks.findIndex((block) => block.type === 'actions')).toBeLessThanOrEqual(4);
    });

    it("warns on the card when the copy's configuration differs from its source's", () => {
      // Prepare
      const checks: ValidationCheck[] = [
        ...PASSING_CHECKS,
        { name: 'DB parameter group', result: 'warning', detail: "default.mysql8.0, not the source's orders-mysql8" },
      ];

      // Act
      const { body } = card(succeededJob({}, checks), minutes(70), 30 * DAY);

      // Assess
      expect(body).toContain(":warning: *DB parameter group*: default.mysql8.0, not the source's orders-mysql8");
      expect(body).toContain('Validation: 2 passed, 1 warning, 1 info');
    });

    it("offers only the Extend choices that stay within the policy's maximum from now", () => {
      // Prepare: the copy expires 2026-11-25 10:00; now is 2026-11-22 11:10.
      const job = succeededJob();

      // Act: 8 days from now is 2026-11-30 11:10, so 7 more days (2026-12-02) is too far; 3 days leaves nothing.
      const roomy = card(job, minutes(70), 8 * DAY);
      const full = card(job, minutes(70), 3 * DAY);

      // Assess
      expect(roomy.actionIds).toEqual(['job_extend_1d', 'job_extend_3d', JOB_ACTIONS.deleteNow, JOB_ACTIONS.details]);
      expect(full.actionIds).toEqual([JOB_ACTIONS.deleteNow, JOB_ACTIONS.details]);
      expect(full.body).toContain('the policy allows no later expiry');
      expect(full.body).not.toContain('presses *Extend*');
    });

    it('shows the extended expiry', () => {
      // Prepare: extended by 7 days, from 2026-11-25 10:00 to 2026-12-02 10:00.
      const extended = extendExpiry(
        succeededJob(),
        { userId: REQUESTER, userGroupIds: [] },
        { approvers: { users: [APPROVER], userGroups: [] }, approvalsRequired: 1 },
        { byMs: 7 * DAY, maxMs: 30 * DAY },
        minutes(70),
      );

      // Act
      const { body } = card(extended, minutes(71), 30 * DAY);

      // Assess
      expect(body).toContain(':calendar: Expires Dec 2, 2026 at 11:00');
      expect(body).not.toContain('Nov 25');
    });

    it('has no expiry buttons for a copy that never expires', () => {
      const { body, actionIds } = card(succeededJob({ expiresAt: null }));

      expect(actionIds).toEqual([JOB_ACTIONS.details]);
      expect(body).toContain('does not expire');
    });
  });

  describe('failed', () => {
    it('shows the failure where the restore stopped, and names the copy it left with Delete now', () => {
      const { body, text, actionIds, blocks } = card(failedJob());

      expect(actionIds).toEqual([JOB_ACTIONS.deleteNow, JOB_ACTIONS.details]);
      expect(body).toContain(
        ':wastebasket: The failed restore left `orders-copy` behind: it is deleted, keeping its final snapshot `orders-copy-expired-7f3c9a2e`, tomorrow at 11:20, in 1 d',
      );
      const deleteNow = buttonsOf(blocks)[0];
      expect(deleteNow?.confirm?.text?.text).toContain('orders-copy, left by the failed restore, is deleted now');
      // The plan's expiry was for a copy that never became one: the leftover's deletion is the only date.
      expect(body).not.toContain('*Expires*');
      expect(checkMessageBlocks(blocks, text)).toEqual([]);
      expect(body).toContain(':x: *Failed*: InsufficientDBClusterCapacity: no capacity in eu-west-1a');
      // The checklist is in Details: the failure says where it stopped.
      expect(body).not.toContain(':white_small_square:');
      expect(text).toBe(
        'Restore orders → orders-copy: failed: InsufficientDBClusterCapacity: no capacity in eu-west-1a',
      );
    });

    it('says the replaced target has its name back after a rollback, with the failed checks', () => {
      const failing: ValidationCheck[] = [
        ...PASSING_CHECKS,
        { name: 'instance class', result: 'failed', detail: 'expected db.r6g.large, found db.t3.medium' },
      ];

      const { body, actionIds } = card(validatedJob(failing, { replace: true }));

      expect(body).toContain('validation failed: instance class');
      expect(body).toContain(':leftwards_arrow_with_hook: Rolled back: `orders-copy` has its name and tags back.');
      // The failed check is on the card, in the one label style; the passes are summed up.
      expect(body).toContain(':x: *Instance class*: expected db.r6g.large, found db.t3.medium');
      expect(body).toContain('Validation: 2 passed, 1 failed, 1 info');
      expect(body).not.toContain('*Engine version*');
      // What is left is the job's own set-aside restore, never the original.
      expect(body).toContain(':wastebasket: The failed restore left `orders-copy-failed-7f3c9a2e` behind');
      expect(actionIds).toEqual([JOB_ACTIONS.deleteNow, JOB_ACTIONS.details]);
    });

    it('names no leftover and offers no button when AWS refused the restore call', () => {
      const job = runningJob(0);
      const refused = { ...(job.execution as Execution), started: false, steps: [] };
      const failed = withExecution(
        job,
        recordFailed(job.plan, refused, 'InvalidParameterCombination: no such subnet group', minutes(20)),
        minutes(20),
      );

      const { body, actionIds } = card(failed);

      expect(failed.expiry).toBeUndefined();
      expect(body).not.toContain('left `orders-copy` behind');
      expect(body).not.toContain('*Expires*');
      expect(actionIds).toEqual([JOB_ACTIONS.details]);
    });

    it('says when the leftover copy is being deleted and when it was deleted', () => {
      const job = failedJob();
      const leftover = job.expiry as CopyExpiry;
      const deleting = { ...job, expiry: { ...leftover, state: 'deleting' as const } };
      const deleted = {
        ...job,
        expiry: { ...leftover, state: 'deleted' as const },
        events: [...job.events, { at: minutes(90), actor: 'worker', type: 'deleted' as const, detail: 'gone' }],
      };

      expect(card(deleting).body).toContain(
        ':wastebasket: Deleting `orders-copy`, left by the failed restore, keeping its final snapshot `orders-copy-expired-7f3c9a2e`…',
      );
      expect(card(deleted).body).toContain(
        ':wastebasket: `orders-copy`, left by the failed restore, was deleted; its final snapshot `orders-copy-expired-7f3c9a2e` is kept.',
      );
      expect(card(deleting).actionIds).toEqual([JOB_ACTIONS.details]);
      expect(card(deleted).actionIds).toEqual([JOB_ACTIONS.details]);
    });
  });

  describe('a copy being deleted or deleted', () => {
    function withCopy(job: Job, state: CopyExpiry['state']): Job {
      const expiry = job.expiry as CopyExpiry;
      const events =
        state === 'deleted'
          ? [...job.events, { at: minutes(90), actor: 'worker', type: 'deleted' as const, detail: 'gone' }]
          : job.events;
      return { ...job, expiry: { ...expiry, state }, events };
    }

    it('says so in the headline instead of "is ready", with the final snapshot', () => {
      const deleting = card(withCopy(succeededJob(), 'deleting'));
      const deleted = card(withCopy(succeededJob(), 'deleted'));

      expect(deleting.blocks[1]).toEqual(
        section(
          ':wastebasket: *Deleting the copy* · `orders-copy` is being deleted, keeping its final snapshot `orders-copy-expired-7f3c9a2e`',
        ),
      );
      expect(deleted.blocks[1]).toEqual(
        section(
          ':wastebasket: *Copy deleted* · `orders-copy` was deleted <!date^1795347000^{date_short_pretty} at {time}|2026-11-22 11:30 UTC>; its final snapshot `orders-copy-expired-7f3c9a2e` is kept.',
        ),
      );
      expect(deleted.body).not.toContain('is ready');
      expect(deleting.actionIds).toEqual([JOB_ACTIONS.details]);
      expect(deleted.actionIds).toEqual([JOB_ACTIONS.details]);
    });

    it('names the final backup for a DynamoDB table', () => {
      const job = succeededJob();
      const table = withCopy({ ...job, plan: { ...job.plan, kind: 'dynamodb-table' } }, 'deleted');

      expect(card(table).body).toContain('its final backup `orders-copy-expired-7f3c9a2e` is kept.');
    });

    it('uses only emoji shortcodes that Slack and the sandbox page render', () => {
      const cards = [
        withCopy(succeededJob(), 'deleting'),
        withCopy(succeededJob(), 'deleted'),
        failedJob(),
        withCopy(failedJob(), 'deleting'),
        withCopy(failedJob(), 'deleted'),
      ].map((job) => card(job).body);

      const shortcodes = cards.flatMap((body) =>
        [...body.matchAll(/:([a-z0-9_+-]+):/g)].map((match) => match[1] ?? ''),
      );
      expect(shortcodes).toContain('wastebasket');
      expect(shortcodes.filter((name) => emojiFor(name) === undefined)).toEqual([]);
    });
  });

  describe('finished without running', () => {
    it('rejected: by whom and why', () => {
      const { body, text, actionIds } = card(rejectedJob());

      expect(body).toContain(
        `:no_entry: *Rejected* by <@${APPROVER}> today at 11:15: restore into acceptance, not production`,
      );
      expect(text).toBe(`Restore orders → orders-copy: rejected by <@${APPROVER}>`);
      expect(actionIds).toEqual([JOB_ACTIONS.requestAgain, JOB_ACTIONS.details]);
    });

    it('cancelled: by the requester', () => {
      const { body, text, actionIds } = card(cancelledJob());

      expect(body).toContain(`*Cancelled* by <@${REQUESTER}> today at 11:03`);
      expect(text).toBe('Restore orders → orders-copy: cancelled');
      expect(actionIds).toEqual([JOB_ACTIONS.requestAgain, JOB_ACTIONS.details]);
    });

    it.each([
      ['rejected', rejectedJob],
      ['cancelled', cancelledJob],
      ['expired', expiredJob],
    ])('%s: shows no expiry, as no copy was made', (_status, make) => {
      const { body } = card(make(), minutes(300), 30 * DAY);

      expect(body).not.toContain('Expires');
      expect(body).not.toContain('expires');
      expect(body).not.toContain(':calendar:');
    });

    it('expired: nobody approved in time', () => {
      const { body, text, actionIds } = card(expiredJob(), minutes(300));

      expect(body).toContain('*Expired*: nobody approved it by today at 15:00');
      expect(body).toContain('Press *Request again*');
      expect(text).toBe('Restore orders → orders-copy: expired');
      expect(actionIds).toEqual([JOB_ACTIONS.requestAgain, JOB_ACTIONS.details]);
    });
  });

  describe('Block Kit limits', () => {
    const jobs: [string, () => Job][] = [
      ['awaiting approval', () => awaitingJob({ replace: true })],
      ['running', () => runningJob(1)],
      ['rolling back', () => validatedJobInRollback([{ name: 'status', result: 'failed', detail: 'x' }])],
      ['succeeded', () => succeededJob()],
      ['failed', () => failedJob()],
      ['rolled back', () => validatedJob([{ name: 'status', result: 'failed', detail: 'x' }], { replace: true })],
      ['rejected', () => rejectedJob()],
      ['cancelled', () => cancelledJob()],
      ['expired', () => expiredJob()],
    ];

    it.each(jobs)('%s: Slack would accept the card', (_name, make) => {
      const { blocks, text } = buildJobCard(make(), { now: minutes(30) });

      expect(checkMessageBlocks(blocks, text)).toEqual([]);
    });

    it('stays within limits with a 10k reason, a 10k failure, 80 checks and 40 events', () => {
      // Prepare
      const long = `${'why & <how> '.repeat(900)}end`;
      const checks: ValidationCheck[] = Array.from({ length: 80 }, (_, index) => ({
        name: `check ${index} ${'n'.repeat(100)}`,
        result: index % 7 === 0 ? 'failed' : index % 5 === 0 ? 'info' : 'passed',
        detail: `detail <${index}> ${'d'.repeat(2000)}`,
      }));
      const base = validatedJob(checks, { reason: long, replace: true });
      const events = Array.from({ length: 40 }, (_, index) => ({
        at: minutes(index),
        actor: index % 2 === 0 ? 'worker' : APPROVER,
        type: 'step-retry' as const,
        detail: long,
      }));
      const job: Job = {
        ...base,
        events: [...base.events, ...events, ...events.map((event) => ({ ...event, type: 'rollback' as const }))],
        execution: base.execution && { ...base.execution, failure: long },
      };

      // Act
      const { blocks, text } = buildJobCard(job, { now: minutes(90) });
      const body = textOf(blocks);

      // Assess
      expect(checkMessageBlocks(blocks, text)).toEqual([]);
      expect(blocks.length).toBeLessThanOrEqual(12);
      // The card names the first failures and sends the reader to Details for the rest.
      expect(body).toContain(':x: *Check 0');
      expect(body).toContain('… and 7 more in *Details*');
      expect(body).not.toContain('*Activity*');
    });

    it('stays within limits for a long rejection reason and long identifiers', () => {
      const rejected = rejectedJob('no '.repeat(5000));
      const job: Job = {
        ...rejected,
        id: 'j'.repeat(300),
        plan: {
          ...rejected.plan,
          target: { ...rejected.plan.target, identifier: 't'.repeat(255) },
          steps: Array.from({ length: 60 }, () => ({ name: 'restore' as const, description: 's'.repeat(500) })),
        },
      };

      const waiting: Job = { ...job, status: 'awaiting_approval', rejection: undefined };

      const { blocks, text } = buildJobCard(job, { now: minutes(30) });
      const asked = buildJobCard(waiting, { now: minutes(30) });

      expect(checkMessageBlocks(blocks, text)).toEqual([]);
      expect(checkMessageBlocks(asked.blocks, asked.text)).toEqual([]);
      expect(textOf(asked.blocks)).toMatch(/… and \d+ more steps/);
    });
  });
});

/** A replace whose validation failed: the job is running its rollback, nothing of it done yet. */
function validatedJobInRollback(checks: ValidationCheck[]): Job {
  const finished = validatedJob(checks, { replace: true });
  const execution = finished.execution;
  if (!execution) throw new Error('no execution');
  const forward = execution.steps.filter((step) => !['set-aside-failed-restore', 'rename-back'].includes(step.name));
  return {
    ...finished,
    status: 'running',
    execution: {
      ...execution,
      outcome: 'running',
      rolledBack: false,
      phase: 'rollback',
      stepIndex: 0,
      started: false,
      steps: forward,
    },
  };
}
