import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { identifierFromArn } from '../../domain/identifiers.js';
import { nextOccurrence } from '../../domain/refresh/cadence.js';
import type { RefreshCycle } from '../../domain/refresh/cycle.js';
import { type CycleRun, type DatabasePick, isApproved, isEnded } from '../../domain/refresh/cycle-run.js';
import { formatInstant } from '../../domain/restore-point.js';
import { REFRESH_ACTIONS } from '../ids.js';
import { confirmDialog, context, header, runButton, type SlackMessage, section } from './layout.js';
import { code, mention, mrkdwnSnippet } from './text.js';
import { describeDuration, slackDate } from './time.js';

const DECISION_WORDS = { skip: 'Skipped', 'run-now': 'Run now', postpone: 'Postponed', approve: 'Approved' } as const;

/**
 * A refresh run's one message in its cycle's channel, drawn from the run alone and updated in place:
 * when it runs (in each reader's time), from which snapshots (how old), what it replaces, who pressed
 * what, and while it waits, Skip this run, Run now and Postpone.
 */
export function buildRefreshCard(run: CycleRun, cycle: RefreshCycle, now: Date): SlackMessage {
  const blocks: KnownBlock[] = [
    header(`:arrows_counterclockwise: Refresh ${cycle.name}`),
    section(statusText(run, cycle, now)),
    ...(run.databases.length > 0 ? [section(run.databases.map((pick) => pickLine(pick, now)).join('\n'))] : []),
    ...(run.decisions.length > 0
      ? [
          context(
            run.decisions
              .map(
                (decision) =>
                  `${DECISION_WORDS[decision.type]} by ${mention(decision.userId)} ${slackDate(decision.at)}`,
              )
              .join(' · '),
          ),
        ]
      : []),
    ...(run.phase === 'announced' ? [refreshActions(run, cycle)] : []),
    context(
      `Mode ${cycle.mode}: ${cycle.mode === 'pipeline' ? 'latest is promoted to current and the deployment pipeline started' : 'the bot replaces each database itself'}${isEnded(run) ? ` · next run ${slackDate(nextOccurrence(cycle, now).at)}` : ''} · run ${code(run.id)}`,
    ),
  ];
  return { text: `Refresh ${cycle.name}: ${fallback(run)}`, blocks };
}

function statusText(run: CycleRun, cycle: RefreshCycle, now: Date): string {
  const targets = cycle.databases.map((database) => code(database.target.identifier)).join(', ');
  switch (run.phase) {
    case 'discovering':
      return `:mag: Looking up production's newest shared snapshots for ${targets}…`;
    case 'announced': {
      const left = run.runAt > now ? `, in ${describeDuration(run.runAt.getTime() - now.getTime())}` : '';
      const approval = cycle.approvalRequired
        ? isApproved(run)
          ? ' (approved)'
          : ' once an approver approves it'
        : '';
      const nothingNew = run.databases.every((pick) => pick.unchanged)
        ? cycle.whenNothingNew === 'skip'
          ? '\n:information_source: Nothing is new since the last refresh: this run will be skipped.'
          : '\n:information_source: Nothing is new since the last refresh: the same snapshots are restored again.'
        : '';
      return `:calendar: *Runs ${slackDate(run.runAt)}*${left}${approval}: ${targets} in acceptance are replaced from these snapshots.${nothingNew}`;
    }
    case 'running':
      return `:hourglass_flowing_sand: *Running* since ${slackDate(run.updatedAt)}.`;
    case 'succeeded':
      return `:white_check_mark: *Refreshed* ${slackDate(run.finishedAt ?? run.updatedAt)}. ${mrkdwnSnippet(run.outcome ?? '', 500)}`;
    case 'failed': {
      const current =
        cycle.mode === 'pipeline'
          ? '`current` changes only once the pipeline starts'
          : '`current` changes only for a database whose restore succeeded; a failed replace puts the previous database back';
      return `:x: *Failed*: ${mrkdwnSnippet(run.outcome ?? 'unknown error', 1000)}. Nothing half-done was left: ${current}.`;
    }
    case 'skipped':
      return `:fast_forward: *Skipped*: ${mrkdwnSnippet(run.outcome ?? '', 500)}.`;
  }
}

function pickLine(pick: DatabasePick, now: Date): string {
  const target = code(pick.target);
  if (pick.problem) return `:warning: ${target}: ${mrkdwnSnippet(pick.problem, 300)}`;
  if (pick.copying) {
    const from = code(identifierFromArn(pick.copiedFrom ?? ''));
    return `:hourglass_flowing_sand: ${target} ← copying ${from} into this account as ${code(pick.copying)} (AWS restores only a copy of it)`;
  }
  const snapshot = code(identifierFromArn(pick.snapshotId ?? ''));
  const age = pick.takenAt
    ? `, taken ${slackDate(pick.takenAt)} (${describeDuration(now.getTime() - pick.takenAt.getTime())} ago)`
    : '';
  const unchanged = pick.unchanged ? ' · acceptance already runs on it' : '';
  const copied = pick.copiedFrom ? ` · a copy of ${code(identifierFromArn(pick.copiedFrom))}` : '';
  return `${pickMark(pick)} ${target} ← ${snapshot}${copied}${age}${unchanged}${restoreNote(pick)}`;
}

/** Mode restore: where each database's replace stands, with its job for `/restore status`. */
function restoreNote(pick: DatabasePick): string {
  if (!pick.jobId) return '';
  const job = ` · job ${code(pick.jobId)}`;
  if (!pick.result) return `${job}: replacing`;
  const took = pick.result.durationMs === undefined ? '' : ` in ${describeDuration(pick.result.durationMs)}`;
  return `${job}: ${mrkdwnSnippet(pick.result.detail, 300)}${took}`;
}

function pickMark(pick: DatabasePick): string {
  if (!pick.result) return pick.jobId ? ':hourglass_flowing_sand:' : '•';
  return pick.result.outcome === 'refreshed' ? ':white_check_mark:' : ':x:';
}

function refreshActions(run: CycleRun, cycle: RefreshCycle): ActionsBlock {
  // Where a person must approve each run, Approve lets it start at its time; Run now also approves.
  const approve =
    cycle.approvalRequired && !isApproved(run)
      ? [
          runButton('Approve', REFRESH_ACTIONS.approve, run.id, {
            style: 'primary',
            confirm: confirmDialog(
              'Approve this refresh?',
              `At ${formatInstant(run.runAt)} the acceptance databases are replaced from the snapshots shown.`,
              'Approve',
            ),
          }),
        ]
      : [];
  return {
    type: 'actions',
    elements: [
      ...approve,
      runButton('Run now', REFRESH_ACTIONS.runNow, run.id, {
        ...(approve.length === 0 ? { style: 'primary' as const } : {}),
        confirm: confirmDialog(
          'Run the refresh now?',
          'Acceptance databases are replaced from the snapshots shown.',
          'Run now',
        ),
      }),
      runButton(`Postpone ${describeDuration(cycle.postponeByMs)}`, REFRESH_ACTIONS.postpone, run.id),
      runButton('Skip this run', REFRESH_ACTIONS.skip, run.id, {
        style: 'danger',
        confirm: confirmDialog('Skip this refresh?', 'Nothing is refreshed until the next run.', 'Skip it'),
      }),
    ],
  };
}

function fallback(run: CycleRun): string {
  return run.phase === 'announced' ? `runs ${formatInstant(run.runAt)}` : run.phase;
}
