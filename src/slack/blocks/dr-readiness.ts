import type { KnownBlock } from '@slack/types';
import { PATH_LABELS } from '../../domain/dr/readiness.js';
import { KIND_LABELS } from '../../domain/kinds.js';
import type { EnvironmentReadiness } from '../../jobs/dr/readiness-report.js';
import { context, header, type SlackMessage, section } from './layout.js';
import { code, mrkdwnSnippet } from './text.js';
import { describeDuration, slackDate } from './time.js';

const MAX_PROBLEM = 400;

/** A drill schedule and its next occurrence, for the report's last lines. */
export interface UpcomingDrill {
  name: string;
  channelId: string;
  nextAt: Date;
  databases: string[];
}

/** `/restore dr status`: per production environment, each database's DR path, newest point and RPO now. */
export function readinessMessage(
  report: readonly EnvironmentReadiness[],
  drills: readonly UpcomingDrill[] = [],
): SlackMessage {
  if (report.length === 0) {
    const text = 'The policy has no disaster-recovery plans (disasterRecovery).';
    return { text, blocks: [section(text)] };
  }
  const warnings = report.flatMap((environment) => environment.databases.filter((database) => database.warning));
  const blocks: KnownBlock[] = [header('DR readiness')];
  for (const environment of report) {
    const { objectives } = environment.plan;
    blocks.push(
      section(
        [
          `*${environment.environment}* → *${environment.plan.drEnvironment}* (${environment.drRegion}) · objectives RPO ${objectives.rpo}, RTO ${objectives.rto}`,
          ...environment.databases.map(databaseLine),
        ].join('\n'),
      ),
    );
  }
  if (drills.length > 0) {
    blocks.push(
      section(
        [
          '*Scheduled drills*',
          ...drills.map(
            (drill) =>
              `• *${drill.name}* next ${slackDate(drill.nextAt)} in <#${drill.channelId}>: ${drill.databases.map(code).join(', ')}`,
          ),
        ].join('\n'),
      ),
    );
  }
  blocks.push(
    context(
      'RPO is the data a recovery started now would lose: now against the newest point the DR Region can recover to. `/restore dr <kind> <source>` from an incident channel starts one; `/restore dr drill <kind> <source>` rehearses it without the switch.',
    ),
  );
  const summary =
    warnings.length === 0
      ? 'every database has a DR path within its RPO'
      : `${warnings.length} database${warnings.length === 1 ? '' : 's'} need attention`;
  return { text: `DR readiness: ${summary}`, blocks };
}

function databaseLine(database: EnvironmentReadiness['databases'][number]): string {
  const name = `${code(database.identifier)} (${KIND_LABELS[database.kind]})`;
  const { choice } = database;
  if (!choice.path) return `:warning: ${name}: ${mrkdwnSnippet(choice.problem, MAX_PROBLEM)}`;
  const rpo =
    database.rpoMs === undefined
      ? ''
      : ` · RPO now ${database.rpoMs < 60_000 ? 'seconds' : describeDuration(database.rpoMs)}`;
  const newest = `newest point ${slackDate(choice.recoversTo)}`;
  const mark = database.warning ? ':warning:' : ':white_check_mark:';
  const warning = database.warning ? `\n      ${mrkdwnSnippet(database.warning, MAX_PROBLEM)}` : '';
  return `${mark} ${name}: ${PATH_LABELS[choice.path.type]} · ${newest}${rpo} · its RPO is ${choice.rpoNature}${warning}`;
}
