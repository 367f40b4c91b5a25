// Ack latency through the real HTTP receiver (processBeforeResponse on, as on Lambda): a signed
// `/restore` (opens the modal) and an Approve click, measured in the same run against the same
// local Slack stand-in beside two bare Bolt apps:
//   bare     only acks: the floor for any Bolt app, with none of the I/O the answer must wait for
//   same_io  acks after the same I/O as ours (views.open of the same view to the same stand-in;
//            one read and one conditional write on the same dynalite): the fair floor
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BatchGetItemCommand, type DynamoDBClient, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { createSimulatedAws } from '@db-restore-bot/aws-simulator';
import { SlackStandIn } from '@db-restore-bot/slack-sandbox';
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import type { View } from '@slack/web-api';
import { WebClient } from '@slack/web-api';
import { simulatedPlugins } from '../dev/aws.js';
import { seedDemoAccounts } from '../dev/demo/accounts.js';
import { startEmbeddedDynamoDb } from '../dev/embedded-dynamodb.js';
import { parseEnv } from '../src/config/env.js';
import { systemClock } from '../src/domain/ports/clock.js';
import { compose } from '../src/entrypoints/composition.js';
import { JOB_ACTIONS } from '../src/slack/ids.js';
import { ManualClock } from '../test/helpers/manual-clock.js';
import { requestFrom } from '../test/helpers/requests.js';
import { examplePolicy } from '../test/helpers/simulated-environment.js';
import { printFigure } from './figures.js';

const TOKEN = 'xoxb-bench';
const TABLE = 'bench-ack';
const SECRET = 'bench-signing-secret';
const CHANNEL = 'C0RESTORES';
// A thousand: the p99 of 150 samples on a shared 2-core machine is one pause long and swings from run to run.
const SAMPLES = Number(process.env.BENCH_ACK_SAMPLES ?? 1000);

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

/**
 * A bare Bolt app doing what ours must do before its answer, and nothing else: `/restore` opens
 * `view` (ours, as it sent it); Approve makes the table calls ours makes (ack.approve.ours.dynamodb_calls:
 * the card's state, the job, one conditional write), reading one of ours' jobs and its card, so the
 * items are as large as ours, and writing the job's data into an item of its own.
 */
function sameIoBoltApp(apiUrl: string, dynamo: DynamoDBClient, view: View, jobId: string): ExpressReceiver {
  const receiver = new ExpressReceiver({ signingSecret: SECRET, processBeforeResponse: true });
  const app = new App({ token: TOKEN, receiver, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: apiUrl } });
  app.command('/restore', async ({ ack, client, command }) => {
    await ack();
    await client.views.open({ trigger_id: command.trigger_id, view });
  });
  let clicks = 0;
  app.action(JOB_ACTIONS.approve, async ({ ack }) => {
    clicks += 1;
    await dynamo.send(
      new BatchGetItemCommand({ RequestItems: { [TABLE]: { Keys: [{ pk: { S: `card#${jobId}` } }] } } }),
    );
    const { Item } = await dynamo.send(
      new GetItemCommand({ TableName: TABLE, Key: { pk: { S: `job#${jobId}` } }, ConsistentRead: true }),
    );
    await dynamo.send(
      new UpdateItemCommand({
        TableName: TABLE,
        Key: { pk: { S: `same-io#${clicks}` } },
        UpdateExpression: 'SET #data = :data, #version = :next',
        ConditionExpression: 'attribute_not_exists(#version) OR #version = :expected',
        ExpressionAttributeNames: { '#data': 'data', '#version': 'version' },
        ExpressionAttributeValues: { ':data': Item?.data ?? { S: '' }, ':next': { N: '1' }, ':expected': { N: '0' } },
      }),
    );
    await ack();
  });
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
    env: parseEnv({}),
    policy: examplePolicy(),
    jobTable: { client: dynamo.client, tableName: TABLE, create: true },
    clock,
    awsPluginsFor: simulatedPlugins(sim),
    runtime: 'lambda',
    slack: { token: TOKEN, signingSecret: SECRET, apiUrl },
    // On Lambda a kick is an async invoke that returns once queued; running the worker in this
    // process instead would put its restores on the event loop the next samples are timed on.
    kicker: { kick: async () => undefined },
    log: () => undefined,
  });
  const ours = await serve(composition.slack?.receiver?.app as unknown as RequestListener);
  const bare = await serve(bareBoltApp(apiUrl).app as unknown as RequestListener);
  // The view ours opens, as it sent it: the same-I/O app sends the same bytes for the stand-in to check.
  standIn.setBotUrl(ours.url);
  await standIn.slashCommand({ user: 'U0REQUESTER', channel: CHANNEL, command: '/restore', text: '' });
  const oursView = standIn.callsTo('views.open').at(-1)?.args.view as unknown as View;

  // Approvable jobs with their cards, so every click is a real approval.
  const cards: { ts: string; jobId: string }[] = [];
  // One more than the samples: the first is approved once to count what an Approve asks of the table.
  for (let index = 0; index < SAMPLES + 11; index += 1) {
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

  // What one Approve of ours asks of the job table (printed, so the same-I/O floor can be checked against it).
  const calls: string[] = [];
  dynamo.client.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(context.commandName ?? '?');
      return next(args);
    },
    { step: 'initialize', name: 'benchCountCalls' },
  );
  standIn.setBotUrl(ours.url);
  const counted = cards.shift();
  await standIn.clickButton({
    user: 'U0APPROVER',
    channel: CHANNEL,
    messageTs: counted?.ts ?? '',
    actionId: JOB_ACTIONS.approve,
    value: counted?.jobId ?? '',
  });
  dynamo.client.middlewareStack.remove('benchCountCalls');
  printFigure('ack.approve.ours.dynamodb_calls', calls.length, `calls (${calls.join(', ')})`);
  const sameIo = await serve(
    sameIoBoltApp(apiUrl, dynamo.client, oursView, counted?.jobId ?? '').app as unknown as RequestListener,
  );
  const variants = ['ours', 'bare', 'same_io'] as const;
  const results: Record<string, Record<(typeof variants)[number], number[]>> = {
    restore: { ours: [], bare: [], same_io: [] },
    approve: { ours: [], bare: [], same_io: [] },
  };
  for (let sample = 0; sample < SAMPLES + 10; sample += 1) {
    const keep = sample >= 10; // the first ten warm both apps up
    for (const [which, url] of [
      ['ours', ours.url],
      ['bare', bare.url],
      ['same_io', sameIo.url],
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
    for (const which of variants) {
      printFigure(`ack.${name}.${which}.p50_ms`, Number(percentile(samples[which], 50).toFixed(2)), 'ms');
      printFigure(`ack.${name}.${which}.p99_ms`, Number(percentile(samples[which], 99).toFixed(2)), 'ms');
    }
    printFigure(
      `ack.${name}.p99_ratio`,
      Number((percentile(samples.ours, 99) / percentile(samples.bare, 99)).toFixed(2)),
      'x',
    );
    printFigure(
      `ack.${name}.vs_same_io_p99_ratio`,
      Number((percentile(samples.ours, 99) / percentile(samples.same_io, 99)).toFixed(2)),
      'x',
    );
    // The p99 of a few hundred samples on a shared 2-core machine is one pause long; the median is steadier.
    printFigure(
      `ack.${name}.vs_same_io_p50_ratio`,
      Number((percentile(samples.ours, 50) / percentile(samples.same_io, 50)).toFixed(2)),
      'x',
    );
  }
  await composition.idle();
  ours.server.close();
  bare.server.close();
  sameIo.server.close();
  await standIn.stop();
  await dynamo.close();
}
