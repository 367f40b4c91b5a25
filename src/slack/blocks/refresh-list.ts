import type { RefreshCycle } from '../../domain/refresh/cycle.js';
import type { CycleRun } from '../../domain/refresh/cycle-run.js';
import { context, type SlackMessage, section } from './layout.js';
import { code } from './text.js';
import { slackDate } from './time.js';

/** `/restore refresh`: each cycle, its cadence, its databases and its next run (with the open run's state). */
export function refreshListMessage(
  cycles: readonly { cycle: RefreshCycle; nextRunAt: Date; open?: CycleRun }[],
): SlackMessage {
  if (cycles.length === 0) {
    const text = 'The policy has no scheduled refreshes (refreshCycles).';
    return { text, blocks: [section(text)] };
  }
  const lines = cycles.map(({ cycle, nextRunAt, open }) => {
    const { everyDays, at, timeZone } = cycle.cadence;
    const targets = cycle.databases.map((database) => code(database.target.identifier)).join(', ');
    const runAt = open && open.phase !== 'discovering' ? open.runAt : nextRunAt;
    const state = open
      ? ` (${open.phase === 'announced' ? 'announced in' : `${open.phase} in`} <#${cycle.channelId}>)`
      : '';
    return `*${cycle.name}* · next run ${slackDate(runAt)}${state} · every ${everyDays} days at ${at} ${timeZone} · ${cycle.mode} · ${targets}`;
  });
  return {
    text: `Scheduled refreshes: ${cycles.map(({ cycle }) => cycle.name).join(', ')}`,
    blocks: [
      section(['*Scheduled refreshes*', ...lines].join('\n')),
      context('Each run is announced in its channel ahead of time, with Run now, Postpone and Skip this run.'),
    ],
  };
}
