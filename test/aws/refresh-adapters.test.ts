import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { ACCEPTANCE_REFRESH_PARAMETER_PATH, ACCEPTANCE_REFRESH_PIPELINE } from '../../dev/demo/platform.js';
import { CodePipelines } from '../../src/aws/refresh/code-pipelines.js';
import { SsmParameters } from '../../src/aws/refresh/ssm-parameters.js';
import { createSimulatedEnvironment } from '../helpers/simulated-environment.js';

function adapters() {
  const env = createSimulatedEnvironment();
  const acceptance = env.environment('acceptance');
  return {
    env,
    parameters: new SsmParameters(env.clients.client(SSMClient, acceptance)),
    pipelines: new CodePipelines(env.clients.client(CodePipelineClient, acceptance), acceptance.region),
  };
}

describe('the refresh adapters, against the simulated acceptance account', () => {
  it('reads a parameter, overwrites it, and answers undefined for one that is not there', async () => {
    const { parameters } = adapters();
    const latest = `${ACCEPTANCE_REFRESH_PARAMETER_PATH}/latest`;
    expect(await parameters.get(latest)).toMatch(/cluster-snapshot:orders-refresh-/);
    await parameters.put(latest, 'orders-share-pinned');
    expect(await parameters.get(latest)).toBe('orders-share-pinned');
    expect(await parameters.get('no_such_parameter')).toBeUndefined();
  });

  it('starts a pipeline once per token, and follows its execution to the end with a console link', async () => {
    const { env, pipelines } = adapters();
    const options = { clientRequestToken: 'acceptance-refresh-2030-01-15', variables: {} };
    const first = await pipelines.start(ACCEPTANCE_REFRESH_PIPELINE, options);
    const again = await pipelines.start(ACCEPTANCE_REFRESH_PIPELINE, options);
    expect(again.executionId).toBe(first.executionId);
    const running = await pipelines.execution(ACCEPTANCE_REFRESH_PIPELINE, first.executionId);
    expect(running.status).toBe('InProgress');
    expect(running.link).toContain(`/pipelines/${ACCEPTANCE_REFRESH_PIPELINE}/executions/${first.executionId}/`);
    env.clock.advance(11 * 60_000);
    expect((await pipelines.execution(ACCEPTANCE_REFRESH_PIPELINE, first.executionId)).status).toBe('Succeeded');
  });
});
