import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { RestoreInputError } from '../../../domain/errors.js';
import { isToldToPerson, JobNotFoundError } from '../../../domain/job/errors.js';
import { isVisibleTo } from '../../../domain/job/visibility.js';
import { runCycleNow } from '../../../jobs/refresh/run-decisions.js';
import { helpMessage, jobListMessage, jobStatusMessage, usageMessage } from '../../blocks/messages.js';
import { refreshListMessage, refreshNowText, unknownCycleText, upcomingRefreshes } from '../../blocks/refresh-list.js';
import { botCanPostIn, notInChannelText } from '../../channel-membership.js';
import type { ListenerDeps } from '../../deps.js';
import { COMMAND_FORMS, parseRestoreCommand } from '../../parse/restore-command.js';
import { prefillProblem } from '../../restore-modal/prefill-check.js';
import { initialModalState } from '../../restore-modal/state.js';
import { buildRestoreModal } from '../../restore-modal/view.js';
import { refusalText } from '../actions/job-button.js';
import { decisionDeps } from '../actions/refresh-buttons.js';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** `/restore list --all` reads this many of the newest jobs, then shows those the person may see. */
const RECENT_JOBS_LISTED = 50;

const notFound = (jobId: string) => usageMessage(new JobNotFoundError(jobId).message);

/**
 * `/restore ...`. Answers in the acknowledgement itself (ephemeral) or opens the modal: the
 * trigger_id lasts 3 seconds, so nothing slow happens before `views.open`.
 */
export function restoreCommand(deps: ListenerDeps) {
  return async ({ command, ack, client }: CommandArgs): Promise<void> => {
    const parsed = parseRestoreCommand(command.text);
    const viewer = { userId: command.user_id, channelId: command.channel_id };
    // A job this person may not see gets the very answer a job that does not exist gets: no hint it is there.
    const visibleJob = async (jobId: string) => {
      const job = await deps.store.get(jobId);
      return job && isVisibleTo(job, viewer) ? job : undefined;
    };
    const reply = (message: { text: string; blocks?: unknown[] }) =>
      ack({
        response_type: 'ephemeral',
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks as never } : {}),
      });
    switch (parsed.type) {
      case 'help':
        return reply(helpMessage());
      case 'usage':
        return reply(usageMessage(parsed.problem, parsed.form));
      case 'list': {
        const listed = parsed.all ? await deps.store.listRecent(RECENT_JOBS_LISTED) : await deps.store.listActive();
        const jobs = listed.filter((job) => isVisibleTo(job, viewer));
        return reply(jobListMessage(jobs, deps.clock.now(), { all: parsed.all }));
      }
      case 'refresh': {
        const open = await deps.cycleRuns.listOpen();
        return reply(refreshListMessage(upcomingRefreshes(deps.refreshCycles, open, deps.clock.now())));
      }
      case 'refresh-now': {
        const cycle = deps.refreshCycles.find((candidate) => candidate.name === parsed.cycle.toLowerCase());
        if (!cycle)
          return reply(usageMessage(unknownCycleText(parsed.cycle, deps.refreshCycles), COMMAND_FORMS.refresh));
        try {
          const run = await runCycleNow(decisionDeps(deps), cycle, await deps.directory.principalOf(command.user_id));
          await deps.refreshCards?.runChanged(run, cycle).catch((error: Error) => {
            deps.log('refresh card not updated', { runId: run.id, error: error.message });
          });
          return reply({ text: refreshNowText(run, cycle) });
        } catch (error) {
          if (isToldToPerson(error)) return reply({ text: refusalText(error) });
          throw error;
        }
      }
      // Disaster recovery's code is loaded on its first use: other commands' cold starts do not carry it.
      case 'dr-status':
      case 'dr-run':
        return reply(await (await import('./dr.js')).drCommand(deps, command, client, parsed));
      case 'status': {
        const job = await visibleJob(parsed.jobId);
        if (!job) return reply(notFound(parsed.jobId));
        return reply(jobStatusMessage(job, deps.clock.now(), await cardPermalink(deps, client, job.id)));
      }
      case 'cancel':
        // Only the requester may cancel, and they always see their job: anyone else learns nothing of it.
        if (!(await visibleJob(parsed.jobId))) return reply(notFound(parsed.jobId));
        try {
          const job = await deps.service.cancel(parsed.jobId, command.user_id);
          return reply({ text: `Cancelled restore ${job.id} (${job.plan.target.identifier}).` });
        } catch (error) {
          if (isToldToPerson(error)) return reply(usageMessage(error.message));
          throw error;
        }
      case 'open':
      case 'prefill': {
        // The request's card goes to this channel: without the bot in it, nobody could approve it.
        if (!(await botCanPostIn(client, command.channel_id)))
          return reply({ text: notInChannelText(command.channel_id) });
        const timeZone = await deps.directory.timeZoneOf(command.user_id);
        let state: ReturnType<typeof initialModalState>;
        try {
          state = initialModalState({
            policy: deps.policy,
            channelId: command.channel_id,
            timeZone,
            now: deps.clock.now(),
            ...(parsed.type === 'prefill' ? { prefill: parsed.prefill } : {}),
          });
        } catch (error) {
          if (error instanceof RestoreInputError) return reply(usageMessage(error.message));
          throw error;
        }
        const problem = await prefillProblem(deps, state);
        if (problem) return reply(usageMessage(problem));
        await ack();
        await client.views.open({
          trigger_id: command.trigger_id,
          view: deps.metadataSeal.sealView(buildRestoreModal(state)),
        });
        return;
      }
    }
  };
}

/** The card's permalink, or undefined while it has none (or Slack cannot say): status answers either way. */
async function cardPermalink(deps: ListenerDeps, client: WebClient, jobId: string): Promise<string | undefined> {
  const card = (await deps.cardStates.load([jobId])).get(jobId);
  if (!card) return undefined;
  try {
    const { permalink } = await client.chat.getPermalink({ channel: card.channelId, message_ts: card.messageTs });
    return permalink;
  } catch (error) {
    deps.log('card permalink unavailable', { jobId, error: (error as Error).message });
    return undefined;
  }
}
