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
import { CodePipelineSimulation, createCodePipelineSimulation } from '../../../src/aws/simulated/codepipeline/index.js';
import { DEMO_ACCOUNTS } from '../../../src/aws/simulated/fixture.js';
import { createSimulatedAws, type SimulatedAws } from '../../../src/aws/simulated/simulated-aws.js';
import { DEFAULT_DURATIONS } from '../../../src/aws/simulated/world.js';

const acceptance = DEMO_ACCOUNTS.acceptance;
const PIPELINE = 'acceptance-refresh';

/**
 * The CodePipeline simulation of `sim`, to seed. Until simulated-aws.ts keeps a reference to it,
 * swap in one this test holds.
 */
function codePipelineOf(sim: SimulatedAws): CodePipelineSimulation {
  const kept: unknown = Reflect.get(sim, 'codePipeline');
  if (kept instanceof CodePipelineSimulation) return kept;
  const codePipeline = createCodePipelineSimulation(sim.world);
  const handlers: unknown = Reflect.get(sim, 'handlers');
  if (typeof handlers !== 'object' || handlers === null) throw new Error('SimulatedAws keeps no handlers');
  Reflect.set(handlers, 'CodePipeline', codePipeline.handlers);
  return codePipeline;
}

describe('simulated CodePipeline', () => {
  let now: Date;
  let sim: SimulatedAws;
  let codePipeline: CodePipelineSimulation;
  let client: CodePipelineClient;
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
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
    now = new Date('2026-11-20T12:00:00Z');
    sim = createSimulatedAws({ clock: { now: () => now } });
    codePipeline = codePipelineOf(sim);
    codePipeline.addPipeline(acceptance, PIPELINE);
    client = new CodePipelineClient({ region: acceptance.region });
    client.middlewareStack.use(sim.plugin(acceptance));
  });

  it('answers an unknown pipeline with PipelineNotFoundException', async () => {
    // Act
    const error = await rejection(client.send(new StartPipelineExecutionCommand({ name: 'nope' })));

    // Assess
    expect(error).toBeInstanceOf(PipelineNotFoundException);
    expect(error).toBeInstanceOf(CodePipelineServiceException);
    expect(sim.callsOf('StartPipelineExecution', 'CodePipeline')[0]).toMatchObject({
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
    advance(DEFAULT_DURATIONS.pipelineMs);
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
    advance(DEFAULT_DURATIONS.pipelineMs);

    // Assess
    expect(await statusOf(failing.pipelineExecutionId)).toMatchObject({
      status: 'Failed',
      statusSummary: 'Deploy failed: migration error',
    });
    expect((await statusOf(next.pipelineExecutionId))?.status).toBe('Succeeded');
  });

  it('answers an unknown execution id with PipelineExecutionNotFoundException', async () => {
    // Act
    const error = await rejection(statusOf('00000000-0000-0000-0000-000000000000'));

    // Assess
    expect(error).toBeInstanceOf(PipelineExecutionNotFoundException);
  });

  it('checks declared variables', async () => {
    // Prepare
    codePipeline.addPipeline(acceptance, 'strict', { variableNames: ['SNAPSHOT_ARN'] });

    // Act
    const error = await rejection(
      client.send(new StartPipelineExecutionCommand({ name: 'strict', variables: [{ name: 'OTHER', value: 'x' }] })),
    );

    // Assess
    expect((error as Error).name).toBe('ValidationException');
  });
});
