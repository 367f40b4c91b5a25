import {
  CodePipelineClient,
  CodePipelineServiceException,
  GetPipelineExecutionCommand,
  ListPipelineExecutionsCommand,
  PipelineExecutionNotFoundException,
  PipelineNotFoundException,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../dev/demo/accounts.js';
import type { CodePipelineSimulation } from '../../../packages/aws-simulator/src/codepipeline/index.js';
import { DEFAULT_DURATIONS } from '../../../packages/aws-simulator/src/world.js';
import { createHarness, failure, type Harness, NOV_20_NOON } from './simulated-harness.js';

const acceptance = DEMO_ACCOUNTS.acceptance;
const PIPELINE = 'acceptance-refresh';

describe('simulated CodePipeline', () => {
  let harness: Harness;
  let codePipeline: CodePipelineSimulation;
  let client: CodePipelineClient;
  const start = (clientRequestToken?: string) =>
    client.send(
      new StartPipelineExecutionCommand({
        name: PIPELINE,
        clientRequestToken,
        variables: [{ name: 'SNAPSHOT_ARN', value: 'arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:orders-1' }],
      }),
    );
  const statusOf = async (pipelineExecutionId: string | undefined) =>
    (await client.send(new GetPipelineExecutionCommand({ pipelineName: PIPELINE, pipelineExecutionId })))
      .pipelineExecution;

  beforeEach(() => {
    harness = createHarness(NOV_20_NOON);
    codePipeline = harness.sim.codePipeline;
    codePipeline.addPipeline(acceptance, PIPELINE);
    client = harness.plug(new CodePipelineClient({ region: acceptance.region }), acceptance);
  });

  it('answers an unknown pipeline with PipelineNotFoundException', async () => {
    // Act
    const error = await failure(client.send(new StartPipelineExecutionCommand({ name: 'nope' })));

    // Assess
    expect(error).toBeInstanceOf(PipelineNotFoundException);
    expect(error).toBeInstanceOf(CodePipelineServiceException);
    expect(harness.sim.callsOf('StartPipelineExecution', 'CodePipeline')[0]).toMatchObject({
      accountId: acceptance.accountId,
      input: { name: 'nope' },
      outcome: 'PipelineNotFoundException',
    });
  });

  it('returns the same execution for the same clientRequestToken', async () => {
    // Act
    const first = await start('refresh-2026-11-20');
    const retried = await start('refresh-2026-11-20');
    const other = await start('refresh-2026-12-04');
    const { pipelineExecutionSummaries } = await client.send(
      new ListPipelineExecutionsCommand({ pipelineName: PIPELINE }),
    );

    // Assess
    expect(retried.pipelineExecutionId).toBe(first.pipelineExecutionId);
    expect(other.pipelineExecutionId).not.toBe(first.pipelineExecutionId);
    expect(pipelineExecutionSummaries?.map((summary) => summary.pipelineExecutionId)).toEqual([
      other.pipelineExecutionId,
      first.pipelineExecutionId,
    ]);
  });

  it('runs InProgress for pipelineMs, then Succeeded, with the variables it was given', async () => {
    // Act
    const { pipelineExecutionId } = await start();
    const running = await statusOf(pipelineExecutionId);
    harness.advance(DEFAULT_DURATIONS.pipelineMs);
    const done = await statusOf(pipelineExecutionId);

    // Assess
    expect(running?.status).toBe('InProgress');
    expect(done).toMatchObject({
      pipelineName: PIPELINE,
      pipelineExecutionId,
      status: 'Succeeded',
      variables: [
        { name: 'SNAPSHOT_ARN', resolvedValue: 'arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:orders-1' },
      ],
    });
  });

  it('fails the next execution when a test asks for it, and only that one', async () => {
    // Prepare
    codePipeline.failNextExecution(acceptance, PIPELINE, 'Deploy failed: migration error');

    // Act
    const failing = await start();
    const next = await start();
    harness.advance(DEFAULT_DURATIONS.pipelineMs);

    // Assess
    expect(await statusOf(failing.pipelineExecutionId)).toMatchObject({
      status: 'Failed',
      statusSummary: 'Deploy failed: migration error',
    });
    expect((await statusOf(next.pipelineExecutionId))?.status).toBe('Succeeded');
  });

  it('answers an unknown execution id with PipelineExecutionNotFoundException', async () => {
    // Act
    const error = await failure(statusOf('00000000-0000-0000-0000-000000000000'));

    // Assess
    expect(error).toBeInstanceOf(PipelineExecutionNotFoundException);
  });

  it('checks declared variables', async () => {
    // Prepare
    codePipeline.addPipeline(acceptance, 'strict', { variableNames: ['SNAPSHOT_ARN'] });

    // Act
    const error = await failure(
      client.send(new StartPipelineExecutionCommand({ name: 'strict', variables: [{ name: 'OTHER', value: 'x' }] })),
    );

    // Assess
    expect((error as Error).name).toBe('ValidationException');
  });
});
