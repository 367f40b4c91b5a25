import { CodePipelineClient, StartPipelineExecutionCommand } from '@aws-sdk/client-codepipeline';
import { GetParameterHistoryCommand, GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../dev/demo/accounts.js';
import { seedPlatformDemo } from '../../../dev/demo/platform.js';
import { createHarness, type Harness, NOV_20_NOON } from '../../packages/aws-simulator/simulated-harness.js';

describe('seedPlatformDemo', () => {
  let harness: Harness;

  beforeEach(() => {
    harness = createHarness(NOV_20_NOON);
    const { sts, ssm, codePipeline, route53 } = harness.sim;
    seedPlatformDemo({ sts, ssm, codePipeline, route53 }, DEMO_ACCOUNTS);
  });

  it('lets the bot assume restore-bot in every demo account, and no other role', async () => {
    // Prepare
    const client = harness.plug(new STSClient({ region: 'eu-west-1' }), DEMO_ACCOUNTS.production);
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
      const client = harness.plug(new CodePipelineClient({ region: target.region }), target);
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
    const client = harness.plug(new SSMClient({ region: 'eu-west-1' }), DEMO_ACCOUNTS.acceptance);
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
