import { nextOccurrence } from '../../domain/refresh/cadence.js';
import type { RefreshCycle } from '../../domain/refresh/cycle.js';
import type { CycleRun } from '../../domain/refresh/cycle-run.js';
import { nearestWord } from '../parse/nearest-word.js';
import { context, type SlackMessage, section } from './layout.js';
import { code } from './text.js';
import { slackDate } from './time.js';

/** A cycle as the lists show it: its next run, and the run open for it, if any. */
export interface UpcomingRefresh {
  cycle: RefreshCycle;
  nextRunAt: Date;
  open?: CycleRun;
}

/** `*acceptance-refresh* · next run … · every 14 days at 02:00 Europe/Amsterdam · pipeline · `orders-acc``. */
export function refreshLine({ cycle, nextRunAt, open }: UpcomingRefresh): string {
  const { everyDays, at, timeZone } = cycle.cadence;
  const targets = cycle.databases.map((database) => code(database.target.identifier)).join(', ');
  const runAt = open && open.phase !== 'discovering' ? open.runAt : nextRunAt;
  const state = open ? ` (${open.phase === 'announced' ? 'announced' : open.phase} in <#${cycle.channelId}>)` : '';
  return `*${cycle.name}* · next run ${slackDate(runAt)}${state} · every ${everyDays} days at ${at} ${timeZone} · ${cycle.mode} · ${targets}`;
}

/** `/restore refresh`: each cycle, its cadence, its databases and its next run (with the open run's state). */
export function refreshListMessage(cycles: readonly UpcomingRefresh[]): SlackMessage {
  if (cycles.length === 0) {
    const text = 'The policy has no scheduled refreshes (refreshCycles).';
    return { text, blocks: [section(text)] };
  }
  const lines = cycles.map(refreshLine);
  return {
    text: `Scheduled refreshes: ${cycles.map(({ cycle }) => cycle.name).join(', ')}`,
    blocks: [
      section(['*Scheduled refreshes*', ...lines].join('\n')),
      context('Each run is announced in its channel ahead of time, with Run now, Postpone and Skip this run.'),
    ],
  };
}

/** Each cycle with its next run and the run open for it, as of `now`. */
export function upcomingRefreshes(
  cycles: readonly RefreshCycle[],
  open: readonly CycleRun[],
  now: Date,
): UpcomingRefresh[] {
  return cycles.map((cycle) => {
    const run = open.filter((candidate) => candidate.cycle === cycle.name).at(-1);
    return { cycle, nextRunAt: nextOccurrence(cycle, now).at, ...(run ? { open: run } : {}) };
  });
}

/** `/restore refresh <cycle> now` answered: which run, and where its card is. */
export function refreshNowText(run: CycleRun, cycle: RefreshCycle): string {
  const finding = run.phase === 'discovering' ? ": it finds production's newest snapshots first, then starts" : '';
  return `:arrow_forward: The ${cycle.name} refresh of ${slackDate(run.occurrence)} runs now${finding}. Follow it on its card in <#${cycle.channelId}>.`;
}

/** A cycle name the policy does not have: the names it has, and the nearest one. */
export function unknownCycleText(name: string, cycles: readonly RefreshCycle[]): string {
  const names = cycles.map((cycle) => cycle.name);
  if (names.length === 0) return 'The policy has no scheduled refreshes (refreshCycles).';
  const meant = nearestWord(name.toLowerCase(), names);
  return `There is no refresh cycle "${name}"${meant ? `: did you mean ${meant}?` : ''} (cycles: ${names.join(', ')})`;
}
