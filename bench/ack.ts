// Ack latency through the real HTTP receiver (processBeforeResponse on, as on Lambda): a signed
// `/restore` (opens the modal) and an Approve click, beside a bare Bolt app that only acks,
// measured in the same run against the same local Slack stand-in.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { seedDemoAccounts } from '../src/aws/simulated/fixture.js';
import { createSimulatedAws } from '../src/aws/simulated/simulated-aws.js';
import { parseEnv } from '../src/config/env.js';
import { systemClock } from '../src/domain/ports/clock.js';
import { compose } from '../src/entrypoints/composition.js';
import { startEmbeddedDynamoDb } from '../src/jobs/embedded-dynamodb.js';
import { SlackStandIn } from '../src/sandbox/slack/index.js';
import { JOB_ACTIONS } from '../src/slack/ids.js';
import { ManualClock } from '../test/helpers/manual-clock.js';
import { requestFrom } from '../test/helpers/requests.js';
import { examplePolicy } from '../test/helpers/simulated-environment.js';
import { printFigure } from './figures.js';

const TOKEN = 'xoxb-bench';
const SECRET = 'bench-signing-secret';
const CHANNEL = 'C0RESTORES';
const SAMPLES = Number(process.env.BENCH_ACK_SAMPLES ?? 150);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function serve(handler: RequestListener): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, server };
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

function bareBoltApp(apiUrl: string): ExpressReceiver {
  const receiver = new ExpressReceiver({ signingSecret: SECRET, processBeforeResponse: true });
  const app = new App({ token: TOKEN, receiver, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: apiUrl } });
  app.command('/restore', async ({ ack }) => ack());
  app.action(JOB_ACTIONS.approve, async ({ ack }) => ack());
  return receiver;
}

export async function benchAck(): Promise<void> {
  // The bot judges request timestamps on its clock and the bare Bolt app on the wall clock: the
  // stand-in signs with the bot's clock, started at the wall clock's time, so both accept.
  const clock = new ManualClock(systemClock.now());
  const standIn = new SlackStandIn({ botToken: TOKEN, signingSecret: SECRET, signingClock: clock });
  const { url: slackUrl } = await standIn.start();
  const apiUrl = `${slackUrl}/api/`;
  const sim = createSimulatedAws({ clock });
  seedDemoAccounts(sim);
  const dynamo = await startEmbeddedDynamoDb();
  const composition = await compose({
    env: parseEnv({ RESTORE_BOT_AWS: 'simulated' }),
    policy: examplePolicy(),
    jobTable: { client: dynamo.client, tableName: 'bench-ack', create: true },
    clock,
    sim,
    runtime: 'lambda',
    slack: { token: TOKEN, signingSecret: SECRET, apiUrl },
    // On Lambda a kick is an async invoke that returns once queued; running the worker in this
    // process instead would put its restores on the event loop the next samples are timed on.
    kicker: { kick: async () => undefined },
    log: () => undefined,
  });
  const ours = await serve(composition.slack?.receiver?.app as unknown as RequestListener);
  const bare = await serve(bareBoltApp(apiUrl).app as unknown as RequestListener);

  // Approvable jobs with their cards, so every click is a real approval.
  const cards: { ts: string; jobId: string }[] = [];
  for (let index = 0; index < SAMPLES + 10; index += 1) {
    const request = requestFrom(
      { kind: 'aurora-cluster', source: 'orders', target: `orders-ack-${index}`, at: '1h ago' },
      clock.now(),
    );
    const job = await composition.service.request({
      ...request,
      requester: { ...request.requester, channelId: CHANNEL },
    });
    await composition.worker.advance(job.id);
    const state = (await composition.cardStates.load([job.id])).get(job.id);
    if (state) cards.push({ ts: state.messageTs, jobId: job.id });
  }
  const bareCard = await new WebClient(TOKEN, { slackApiUrl: apiUrl }).chat.postMessage({
    channel: CHANNEL,
    text: 'bare',
    blocks: [
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: JOB_ACTIONS.approve, text: { type: 'plain_text', text: 'Approve' }, value: 'x' },
        ],
      },
    ],
  });

  const results: Record<string, Record<'ours' | 'bare', number[]>> = {
    restore: { ours: [], bare: [] },
    approve: { ours: [], bare: [] },
  };
  for (let sample = 0; sample < SAMPLES + 10; sample += 1) {
    const keep = sample >= 10; // the first ten warm both apps up
    for (const [which, url] of [
      ['ours', ours.url],
      ['bare', bare.url],
    ] as const) {
      standIn.setBotUrl(url);
      const restore = await time(() =>
        standIn.slashCommand({ user: 'U0REQUESTER', channel: CHANNEL, command: '/restore', text: '' }),
      );
      const card = which === 'ours' ? cards[sample] : { ts: bareCard.ts ?? '', jobId: 'x' };
      const approve = await time(() =>
        standIn.clickButton({
          user: 'U0APPROVER',
          channel: CHANNEL,
          messageTs: card?.ts ?? '',
          actionId: JOB_ACTIONS.approve,
          value: card?.jobId ?? '',
        }),
      );
      if (keep) {
        results.restore?.[which].push(restore);
        results.approve?.[which].push(approve);
      }
    }
  }
  for (const [name, samples] of Object.entries(results)) {
    for (const which of ['ours', 'bare'] as const) {
      printFigure(`ack.${name}.${which}.p50_ms`, Number(percentile(samples[which], 50).toFixed(2)), 'ms');
      printFigure(`ack.${name}.${which}.p99_ms`, Number(percentile(samples[which], 99).toFixed(2)), 'ms');
    }
    printFigure(
      `ack.${name}.p99_ratio`,
      Number((percentile(samples.ours, 99) / percentile(samples.bare, 99)).toFixed(2)),
      'x',
    );
  }
  await composition.idle();
  ours.server.close();
  bare.server.close();
  await standIn.stop();
  await dynamo.close();
}
