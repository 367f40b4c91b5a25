// The Slack function's cold path, as a Lambda container meets its first request: a fresh Node
// process imports the built bundle, reads the Slack secrets from SSM, composes, and answers a
// signed `/restore` (which opens the modal: views.open to the Slack stand-in) — beside a trimmed
// bare Bolt bundle that only acks. The median of BENCH_COLD_RUNS fresh processes each, interleaved.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SlackStandIn } from '@db-restore-bot/slack-sandbox';
import { startEmbeddedDynamoDb } from '../dev/embedded-dynamodb.js';
import { ensureJobTable } from '../src/jobs/job-table.js';
import { startStandIns } from '../test/infra/helpers/run-bundle.js';
import { printFigure } from './figures.js';

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const CHILD = fileURLToPath(new URL('./cold-child.mjs', import.meta.url));
// The bare Bolt handler's own (bench/bare-bolt-handler.ts): one stand-in signs for both.
const TOKEN = 'xoxb-bench';
const SECRET = 'bench-secret';
const TOKEN_PARAMETER = '/db-restore-bot/bench/slack-bot-token';
const SECRET_PARAMETER = '/db-restore-bot/bench/slack-signing-secret';

export interface ColdBundles {
  /** dist/slack/index.mjs as `npm run build` writes it, with its policy.json. */
  slackEntry: string;
  policyFile: string;
  /** The trimmed bare Bolt bundle's entry (bench/bundle.ts builds it). */
  bareBoltEntry: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** One fresh process: spawn, send it a signed `/restore`, read how long its first answer took. */
async function firstAck(standIn: SlackStandIn, env: Record<string, string>, opensModal: boolean): Promise<number> {
  const child = spawn(process.execPath, [CHILD], { env: { PATH: process.env.PATH ?? '', ...env } });
  let output = '';
  const line = (prefix: string) =>
    new Promise<string>((resolve, reject) => {
      const look = () => {
        const found = output.split('\n').find((text) => text.startsWith(prefix));
        if (found) resolve(found.slice(prefix.length));
      };
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        look();
      });
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
      });
      child.on('close', () =>
        reject(new Error(`the cold-start process ended without ${prefix}:\n${output.slice(-2000)}`)),
      );
      look();
    });
  try {
    const port = await line('PORT ');
    standIn.setBotUrl(`http://127.0.0.1:${port}/slack/events`);
    const opened = standIn.callsTo('views.open').length;
    const answer = await standIn.slashCommand({
      user: 'U0REQUESTER',
      channel: 'C0RESTORES',
      command: '/restore',
      text: '',
    });
    const { firstAckMs, statusCode } = JSON.parse(await line('COLD ')) as { firstAckMs: number; statusCode: number };
    if (statusCode !== 200 || answer.timedOut) throw new Error(`the first request was answered ${statusCode}`);
    // The answer counts only if it did the work: ours opens the modal before it answers.
    if (opensModal && standIn.callsTo('views.open').length !== opened + 1) {
      throw new Error(`the first /restore opened no modal:\n${output.slice(-2000)}`);
    }
    return firstAckMs;
  } finally {
    child.kill();
  }
}

export async function benchColdStart(bundles: ColdBundles): Promise<void> {
  const standIn = new SlackStandIn({ botToken: TOKEN, signingSecret: SECRET });
  const { url: slackUrl } = await standIn.start();
  const ssm = await startStandIns({ [TOKEN_PARAMETER]: TOKEN, [SECRET_PARAMETER]: SECRET });
  const dynamo = await startEmbeddedDynamoDb();
  await ensureJobTable(dynamo.client, 'jobs');
  // What serverless.yml gives the Slack function, pointed at the stand-ins.
  const slackEnv = {
    BENCH_BUNDLE: bundles.slackEntry,
    RESTORE_BOT_AWS: 'real',
    POLICY_FILE: bundles.policyFile,
    JOBS_TABLE: 'jobs',
    SLACK_BOT_TOKEN_PARAMETER: TOKEN_PARAMETER,
    SLACK_SIGNING_SECRET_PARAMETER: SECRET_PARAMETER,
    SLACK_API_URL: `${slackUrl}/api/`,
    WORKER_FUNCTION_NAME: 'db-restore-bot-bench-worker',
    LOG_LEVEL: 'WARN',
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'dummy',
    AWS_SECRET_ACCESS_KEY: 'dummy',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_SSM: ssm.url,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
  };
  const bareEnv = { BENCH_BUNDLE: bundles.bareBoltEntry, SLACK_API_URL: `${slackUrl}/api/` };
  const samples: Record<'slack' | 'bare_bolt_trimmed', number[]> = { slack: [], bare_bolt_trimmed: [] };
  try {
    for (let run = 0; run < RUNS; run += 1) {
      samples.slack.push(await firstAck(standIn, slackEnv, true));
      samples.bare_bolt_trimmed.push(await firstAck(standIn, bareEnv, false));
    }
    const slack = median(samples.slack);
    const bare = median(samples.bare_bolt_trimmed);
    printFigure('cold.slack_first_ack_ms', Math.round(slack), 'ms');
    printFigure('cold.bare_bolt_trimmed_first_ack_ms', Math.round(bare), 'ms');
    printFigure('cold.slack_first_ack_ratio', Math.round((slack / bare) * 100) / 100, 'x');
  } finally {
    ssm.close();
    await dynamo.close();
    await standIn.stop();
  }
}
