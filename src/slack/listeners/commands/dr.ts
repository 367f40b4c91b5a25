import type { SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { RestoreInputError } from '../../../domain/errors.js';
import { JobTransitionError } from '../../../domain/job/errors.js';
import type { DatabaseKind } from '../../../domain/kinds.js';
import { nextOccurrence } from '../../../domain/refresh/cadence.js';
import { parseRestorePoint } from '../../../domain/restore-point.js';
import { requestDrRun } from '../../../jobs/dr/dr-requests.js';
import { readinessMessage } from '../../blocks/dr-readiness.js';
import { usageMessage } from '../../blocks/messages.js';
import { code } from '../../blocks/text.js';
import { notInChannelText } from '../../channel-membership.js';
import type { ListenerDeps } from '../../deps.js';
import { COMMAND_FORMS } from '../../parse/restore-command.js';
import { refusalText } from '../actions/job-button.js';

export interface DrRunAsk {
  drill: boolean;
  kind: DatabaseKind;
  source: string;
  at?: string;
}

const NO_PLANS = 'The policy has no disaster-recovery plans (disasterRecovery).';

/** `/restore dr status` and `/restore dr [drill] ...`. */
export async function drCommand(
  deps: ListenerDeps,
  command: Pick<SlashCommand, 'user_id' | 'channel_id' | 'channel_name'>,
  client: WebClient,
  parsed: { type: 'dr-status' } | ({ type: 'dr-run' } & DrRunAsk),
): Promise<{ text: string; blocks?: unknown[] }> {
  if (parsed.type === 'dr-status') {
    const dr = await deps.drServices?.();
    if (!dr) return { text: NO_PLANS };
    const now = deps.clock.now();
    const drills = (deps.policy.disasterRecovery?.drills ?? []).map((drill) => ({
      name: drill.name,
      channelId: drill.channel,
      nextAt: nextOccurrence(drill, now).at,
      databases: drill.databases.map((database) => database.identifier),
    }));
    return readinessMessage(await dr.readiness(), drills);
  }
  return askForDrRun(deps, command, client, parsed);
}

/**
 * `/restore dr [drill] <kind> <source> [--at <time>]`: the run is planned and its card posted in the
 * incident channel, where approvers approve it. The incident's start is the channel's creation, as
 * Slack reports it (never a time the person types).
 */
export async function askForDrRun(
  deps: ListenerDeps,
  command: Pick<SlashCommand, 'user_id' | 'channel_id' | 'channel_name'>,
  client: WebClient,
  ask: DrRunAsk,
): Promise<{ text: string; blocks?: unknown[] }> {
  const disasterRecovery = deps.policy.disasterRecovery;
  const dr = await deps.drServices?.();
  if (!disasterRecovery || !dr) return { text: NO_PLANS };
  const channel = await channelFacts(client, command.channel_id);
  if (!channel.isMember) return { text: notInChannelText(command.channel_id) };
  const [principal, timeZone] = await Promise.all([
    deps.directory.principalOf(command.user_id),
    deps.directory.timeZoneOf(command.user_id),
  ]);
  try {
    const at = ask.at ? parseRestorePoint(ask.at, { now: deps.clock.now(), timeZone }) : undefined;
    if (at && at.type !== 'time') return usageMessage('--at takes a time, such as "20 minutes ago"', COMMAND_FORMS.dr);
    const run = await requestDrRun(
      { policy: deps.policy, disasterRecovery, clock: deps.clock, runs: dr.runs, probeFor: dr.probeFor },
      {
        drill: ask.drill,
        kind: ask.kind,
        source: ask.source,
        channel: { id: command.channel_id, name: command.channel_name },
        principal,
        ...(at?.type === 'time' ? { at: at.at } : {}),
        ...(channel.createdAt ? { declaredAt: channel.createdAt } : {}),
      },
    );
    await dr.cards?.runChanged(run).catch((error: Error) => {
      deps.log('DR card not posted', { runId: run.id, error: error.message });
    });
    if (run.phase === 'recovering') await deps.kicker.kick(run.id);
    const next =
      run.phase === 'recovering'
        ? 'it started at once (on-call in a declared incident); the switch still needs an approval'
        : 'a DR approver other than you approves it on its card';
    return {
      text: `:rotating_light: ${ask.drill ? 'DR drill' : 'DR run'} ${code(run.id)} of ${code(run.database.identifier)} into ${run.drRegion} is planned: ${next}.`,
    };
  } catch (error) {
    if (error instanceof RestoreInputError) return usageMessage(error.message, COMMAND_FORMS.dr);
    if (error instanceof JobTransitionError) return { text: refusalText(error) };
    throw error;
  }
}

/** Whether the bot can post here, and when the channel was made (the incident's declaration). */
async function channelFacts(client: WebClient, channelId: string): Promise<{ isMember: boolean; createdAt?: Date }> {
  try {
    const { channel } = await client.conversations.info({ channel: channelId });
    const isMember = channel?.is_member === true;
    return { isMember, ...(channel?.created ? { createdAt: new Date(channel.created * 1000) } : {}) };
  } catch {
    return { isMember: false };
  }
}
