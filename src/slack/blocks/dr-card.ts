import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { achievedObjectives, type DrRun, isDrRunEnded, type TimelineEvent } from '../../domain/dr/dr-run.js';
import type { RecoveryPlanPolicy } from '../../domain/dr/dr-schema.js';
import { PATH_LABELS } from '../../domain/dr/readiness.js';
import { KIND_LABELS } from '../../domain/kinds.js';
import { policyDuration } from '../../domain/policy.js';
import { DR_ACTIONS } from '../ids.js';
import { confirmDialog, context, header, runButton, type SlackMessage, section } from './layout.js';
import { code, mention, mentionAll, mrkdwnSnippet } from './text.js';
import { describeDuration, slackDate } from './time.js';

const EVENT_WORDS: Record<TimelineEvent, string> = {
  declared: 'Incident declared',
  requested: 'Requested',
  approved: 'Approved',
  'restore-started': 'Restore started',
  available: 'Available',
  validated: 'Validated',
  'switch-approved': 'Switch approved',
  switched: 'Switched',
  'switch-back-requested': 'Switch back asked',
  'switched-back': 'Switched back',
  'copy-expired': 'Drill copy deleted',
  discarded: 'Discarded',
  rejected: 'Rejected',
  failed: 'Failed',
};

/**
 * A DR run's one message in the incident channel, drawn from the run alone and updated in place: the
 * path and why, the newest recoverable point and the RPO it gives, the estimate against the RTO, what
 * the switch changes, the live timeline with the achieved RPO and RTO, and the buttons its phase takes.
 */
export function buildDrCard(run: DrRun, plan: RecoveryPlanPolicy, now: Date): SlackMessage {
  const what = run.drill ? 'DR drill' : 'Disaster recovery';
  const blocks: KnownBlock[] = [
    header(
      `${run.drill ? ':construction:' : ':rotating_light:'} ${what}: ${run.database.identifier} → ${run.drRegion}`,
    ),
    section(statusText(run)),
    section(planText(run, plan)),
    section(timelineText(run, plan, now)),
    ...actions(run),
    context(
      `${KIND_LABELS[run.database.kind]} ${code(run.database.identifier)} of ${run.environment}, recovered into ${run.drEnvironment} as ${code(run.database.restoreAs)} · requested by ${mention(run.requestedBy)} · approvers ${mentionAll(plan.approvers)} · run ${code(run.id)}`,
    ),
  ];
  return { text: `${what} ${run.database.identifier}: ${run.phase}`, blocks };
}

function statusText(run: DrRun): string {
  switch (run.phase) {
    case 'awaiting-approval':
      return `:hourglass: *Waiting for approval.* Approving starts the ${run.path.type === 'global-failover' ? 'failover' : run.path.type === 'global-replica' ? 'check of the replica' : 'restore'} in ${run.drRegion}; nothing in ${run.environment} is changed.`;
    case 'recovering':
      return `:hourglass_flowing_sand: *Recovering* in ${run.drRegion}${run.jobId ? ` (restore job ${code(run.jobId)})` : ''}…`;
    case 'awaiting-switch':
      return `:white_check_mark: *Validated* ${code(run.endpoint ?? run.database.restoreAs)}. The switch needs its own approval.`;
    case 'switching':
      return ':arrows_counterclockwise: *Switching* the application to the recovered database…';
    case 'switched':
      return `:large_green_circle: *Switched* to ${code(run.endpoint ?? '')}. Switch back puts the previous values back.`;
    case 'switching-back':
      return ':arrows_counterclockwise: *Switching back* to the values from before the switch…';
    case 'switched-back':
      return ':leftwards_arrow_with_hook: *Switched back*: every endpoint has its value from before the switch.';
    case 'discarding':
    case 'discarded':
      return `:wastebasket: *Discarded*: ${code(run.database.restoreAs)} was not switched to; it is deleted with its final snapshot.`;
    case 'drilled':
      return `:checkered_flag: *Drill done*: ${mrkdwnSnippet(run.outcome ?? '', 500)}`;
    case 'failed':
      return `:x: *Failed*: ${mrkdwnSnippet(run.outcome ?? 'unknown error', 1000)}. Nothing was switched.`;
    case 'rejected':
      return ':no_entry: *Rejected*: nothing was started.';
  }
}

function planText(run: DrRun, plan: RecoveryPlanPolicy): string {
  const rpoMs = Math.max(0, run.createdAt.getTime() - run.recoversTo.getTime());
  const rpo = rpoMs < 60_000 ? 'seconds' : describeDuration(rpoMs);
  const estimateMs = run.estimateMinutes * 60_000;
  const rtoMs = policyDuration(plan.objectives.rto);
  const switched = run.drill
    ? 'Nothing is switched: this is a drill; its copy is deleted once validated.'
    : run.switches.length === 0
      ? 'Nothing to switch: the policy names no parameter or record for it.'
      : `Switch (second approval): ${run.switches.map((target) => (target.type === 'parameter' ? `parameter ${code(target.name)}` : `CNAME ${code(target.name)} (TTL ${target.ttl ?? 60} s)`)).join(', ')}.`;
  return [
    `*Path:* ${PATH_LABELS[run.path.type]}. ${sentence(mrkdwnSnippet(run.why, 600))}.`,
    `*Newest recoverable point:* ${slackDate(run.recoversTo)} · RPO ${rpo} (objective ${plan.objectives.rpo}) · this path's RPO: ${run.rpoNature}`,
    `*Estimate:* about ${describeDuration(estimateMs)} of AWS time against the RTO of ${plan.objectives.rto}${estimateMs > rtoMs ? ' :warning: over it' : ''}`,
    switched,
  ].join('\n');
}

function timelineText(run: DrRun, plan: RecoveryPlanPolicy, now: Date): string {
  const requested = run.timeline.find((entry) => entry.event === 'requested')?.at ?? run.createdAt;
  const lines = run.timeline.map((entry) => {
    const offset = entry.at.getTime() - requested.getTime();
    const since = entry.event === 'declared' || entry.event === 'requested' ? '' : ` (+${describeDuration(offset)})`;
    const by = entry.by ? ` by ${mention(entry.by)}` : '';
    const detail = entry.detail ? ` · ${mrkdwnSnippet(entry.detail, 200)}` : '';
    return `• *${EVENT_WORDS[entry.event]}* ${slackDate(entry.at)}${since}${by}${detail}`;
  });
  const achieved = achievedObjectives(run, plan);
  const rto =
    achieved.rtoMs === undefined
      ? `RTO so far ${describeDuration(now.getTime() - requested.getTime())} (objective ${plan.objectives.rto})`
      : achievedRtoText(run, plan);
  const rpo = achievedRpoText(run, plan);
  return ['*Timeline*', ...lines, `${rpo} · ${rto}`].join('\n');
}

function actions(run: DrRun): ActionsBlock[] {
  if (isDrRunEnded(run)) return [];
  const button = (text: string, actionId: string, extra?: Partial<Button>) => runButton(text, actionId, run.id, extra);
  const elements: Button[] = [];
  if (run.phase === 'awaiting-approval') {
    elements.push(
      button(run.drill ? 'Approve drill' : 'Approve recovery', DR_ACTIONS.approve, {
        style: 'primary',
        confirm: confirmDialog(
          run.drill ? 'Start this drill?' : 'Start this recovery?',
          `${run.database.restoreAs} is recovered in ${run.drRegion}. Nothing in ${run.environment} is changed${run.drill ? '' : '; the switch needs a second approval'}.`,
          'Start',
        ),
      }),
      button('Reject', DR_ACTIONS.reject, { style: 'danger' }),
    );
  }
  if (run.phase === 'awaiting-switch') {
    elements.push(
      button('Approve switch', DR_ACTIONS.switch, {
        style: 'primary',
        confirm: confirmDialog(
          'Point the application at the DR database?',
          `${run.switches.map((target) => target.name).join(', ') || 'Nothing'} will name ${run.endpoint ?? run.database.restoreAs}. The previous values are kept for Switch back.`,
          'Switch',
        ),
      }),
    );
    // Only a restore can be given up: a failover cannot be undone, a table replica is not the bot's.
    if (run.jobId) {
      elements.push(
        button('Discard', DR_ACTIONS.discard, {
          confirm: confirmDialog(
            'Discard this recovery?',
            `${run.database.restoreAs} is not switched to; it is deleted, with a final snapshot.`,
            'Discard',
          ),
        }),
      );
    }
  }
  if (run.phase === 'switched') {
    elements.push(
      button('Switch back', DR_ACTIONS.switchBack, {
        confirm: confirmDialog(
          'Switch back?',
          `${run.switches.map((target) => target.name).join(', ')} get the values they held before the switch.`,
          'Switch back',
        ),
      }),
    );
  }
  return elements.length > 0 ? [{ type: 'actions', block_id: `dr_actions`, elements }] : [];
}

/** A clause as the start of a sentence. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const circle = (met: boolean | undefined) => (met ? ':large_green_circle:' : ':red_circle:');

/** The achieved RPO, green or red against its objective (the card's timeline and the channel's report). */
export function achievedRpoText(run: DrRun, plan: RecoveryPlanPolicy): string {
  const { rpoMs, rpoMet } = achievedObjectives(run, plan);
  return `${circle(rpoMet)} RPO ${rpoMs < 60_000 ? 'under a minute' : describeDuration(rpoMs)} (objective ${plan.objectives.rpo})`;
}

/** The achieved RTO, green or red, once there is one (the switch; a drill's validation). */
export function achievedRtoText(run: DrRun, plan: RecoveryPlanPolicy): string | undefined {
  const { rtoMs, rtoMet } = achievedObjectives(run, plan);
  if (rtoMs === undefined) return undefined;
  return `${circle(rtoMet)} RTO ${describeDuration(rtoMs)}${run.drill ? ' to a validated database' : ''} (objective ${plan.objectives.rto})`;
}
