import { CodePipelineClient, StartPipelineExecutionCommand } from '@aws-sdk/client-codepipeline';
import { GetParameterHistoryCommand, GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCodePipelineSimulation } from '../../../src/aws/simulated/codepipeline/index.js';
import { DEMO_ACCOUNTS } from '../../../src/aws/simulated/fixture.js';
import { seedPlatformDemo } from '../../../src/aws/simulated/platform-seed.js';
import { createSimulatedAws, type SimulatedAws } from '../../../src/aws/simulated/simulated-aws.js';
import { createStsSimulation } from '../../../src/aws/simulated/sts/index.js';
import type { ServiceHandlers, SimulatedService } from '../../../src/aws/simulated/types.js';

/** simulated-aws.ts keeps no reference to the STS and CodePipeline simulations yet: swap in ones this test holds. */
function adopt(sim: SimulatedAws, service: SimulatedService, handlers: ServiceHandlers): void {
  const all: unknown = Reflect.get(sim, 'handlers');
  if (typeof all !== 'object' || all === null) throw new Error('SimulatedAws keeps no handlers');
  Reflect.set(all, service, handlers);
}

describe('seedPlatformDemo', () => {
  let sim: SimulatedAws;

  beforeEach(() => {
    const now = new Date('2026-11-20T12:00:00Z');
    sim = createSimulatedAws({ clock: { now: () => now } });
    const sts = createStsSimulation(sim.world);
    const codePipeline = createCodePipelineSimulation(sim.world);
    adopt(sim, 'STS', sts.handlers);
    adopt(sim, 'CodePipeline', codePipeline.handlers);
    seedPlatformDemo({ sts, ssm: sim.ssm, codePipeline }, DEMO_ACCOUNTS);
  });

  it('lets the bot assume restore-bot in every demo account, and no other role', async () => {
    // Prepare
    const client = new STSClient({ region: 'eu-west-1' });
    client.middlewareStack.use(sim.plugin(DEMO_ACCOUNTS.production));
    const assume = (RoleArn: string) => client.send(new AssumeRoleCommand({ RoleArn, RoleSessionName: 'seed-test' }));

    // Act
    const production = await assume('arn:aws:iam::111111111111:role/restore-bot');
    const acceptance = await assume('arn:aws:iam::222222222222:role/restore-bot');
    const other = assume('arn:aws:iam::222222222222:role/admin');

    // Assess
    expect(production.Credentials).toBeDefined();
    expect(acceptance.Credentials).toBeDefined();
    await expect(other).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('adds the acceptance-refresh pipeline in acceptance only', async () => {
    // Prepare
    const start = (target: typeof DEMO_ACCOUNTS.acceptance) => {
      const client = new CodePipelineClient({ region: target.region });
      client.middlewareStack.use(sim.plugin(target));
      return client.send(new StartPipelineExecutionCommand({ name: 'acceptance-refresh' }));
    };

    // Act
    const inAcceptance = await start(DEMO_ACCOUNTS.acceptance);
    const inProduction = start(DEMO_ACCOUNTS.production);

    // Assess
    expect(inAcceptance.pipelineExecutionId).toBeTruthy();
    await expect(inProduction).rejects.toMatchObject({ name: 'PipelineNotFoundException' });
  });

  it('records latest one refresh ahead of current, with history', async () => {
    // Prepare
    const client = new SSMClient({ region: 'eu-west-1' });
    client.middlewareStack.use(sim.plugin(DEMO_ACCOUNTS.acceptance));
    const path = '/restore-bot/acceptance/aurora-cluster/orders';

    // Act
    const { Parameters } = await client.send(new GetParametersByPathCommand({ Path: path }));
    const history = await client.send(new GetParameterHistoryCommand({ Name: `${path}/current` }));

    // Assess
    expect(Parameters?.map((parameter) => [parameter.Name, parameter.Value, parameter.Version])).toEqual([
      [`${path}/current`, 'arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:orders-refresh-2026-11-05', 2],
      [`${path}/latest`, 'arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:orders-refresh-2026-11-19', 2],
    ]);
    expect(history.Parameters?.map((entry) => entry.LastModifiedDate)).toEqual([
      new Date('2026-10-22T12:00:00Z'),
      new Date('2026-11-05T12:00:00Z'),
    ]);
  });
});
