import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createLambdaInvoker } from '../../src/aws/lambda-invoker.js';
import { createLazyLambdaInvoker } from '../../src/aws/lazy-lambda-invoker.js';
import { createInProcessKicker, createLambdaKicker } from '../../src/jobs/kickers.js';

describe('kickers', () => {
  it('invokes the worker function asynchronously with the job id on Lambda', async () => {
    const lambda = mockClient(LambdaClient);
    lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
    const kicker = createLambdaKicker(
      createLambdaInvoker(new LambdaClient({ region: 'eu-west-1' })),
      'restore-bot-worker',
      (error) => {
        throw error;
      },
    );

    await kicker.kick('j7k2m9qx4t');

    const input = lambda.commandCalls(InvokeCommand)[0]?.args[0].input;
    expect(input?.FunctionName).toBe('restore-bot-worker');
    expect(input?.InvocationType).toBe('Event');
    expect(JSON.parse(new TextDecoder().decode(input?.Payload as Uint8Array))).toEqual({ kick: 'j7k2m9qx4t' });
    lambda.restore();
  });

  it('loads the Lambda client on the first kick and reuses it', async () => {
    const lambda = mockClient(LambdaClient);
    lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
    const kicker = createLambdaKicker(createLazyLambdaInvoker(), 'restore-bot-worker', (error) => {
      throw error;
    });

    await kicker.kick('j7k2m9qx4t');
    await kicker.kick('p3n8w2rz5v');

    const calls = lambda.commandCalls(InvokeCommand).map((call) => call.args[0].input);
    expect(calls.map((input) => JSON.parse(new TextDecoder().decode(input.Payload as Uint8Array)))).toEqual([
      { kick: 'j7k2m9qx4t' },
      { kick: 'p3n8w2rz5v' },
    ]);
    expect(new Set(lambda.commandCalls(InvokeCommand).map((call) => call.thisValue)).size).toBe(1);
    lambda.restore();
  });

  it('reports a failed invoke instead of failing the change that was already saved', async () => {
    const lambda = mockClient(LambdaClient);
    lambda.on(InvokeCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' }));
    const errors: unknown[] = [];
    const kicker = createLambdaKicker(createLazyLambdaInvoker(), 'restore-bot-worker', (error) => {
      errors.push(error);
    });

    await expect(kicker.kick('j7k2m9qx4t')).resolves.toBeUndefined();

    expect(errors).toMatchObject([{ name: 'TooManyRequestsException' }]);
    lambda.restore();
  });

  it('advances in process without making the caller wait, and reports failures', async () => {
    let release: () => void = () => undefined;
    const advanced: string[] = [];
    const errors: unknown[] = [];
    const kicker = createInProcessKicker(
      (jobId) =>
        new Promise<void>((resolve, reject) => {
          advanced.push(jobId);
          release = () => (jobId === 'bad' ? reject(new Error('boom')) : resolve());
        }),
      (error) => errors.push(error),
    );

    await kicker.kick('bad');
    expect(advanced).toEqual([]); // the caller answers first
    await new Promise((resolve) => setImmediate(resolve));
    expect(advanced).toEqual(['bad']);
    release();
    await kicker.idle();
    expect(errors).toHaveLength(1);
  });
});
