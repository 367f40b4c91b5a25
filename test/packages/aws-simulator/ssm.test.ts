import {
  DeleteParameterCommand,
  GetParameterCommand,
  GetParameterHistoryCommand,
  GetParametersByPathCommand,
  GetParametersCommand,
  ParameterAlreadyExists,
  ParameterNotFound,
  ParameterVersionNotFound,
  PutParameterCommand,
  SSMClient,
  SSMServiceException,
} from '@aws-sdk/client-ssm';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../dev/demo/accounts.js';
import { createHarness, failure, type Harness, NOV_20_NOON } from './simulated-harness.js';

const acceptance = DEMO_ACCOUNTS.acceptance;
const NAME = '/restore-bot/acceptance/aurora-cluster/orders/latest';

describe('simulated SSM Parameter Store', () => {
  let harness: Harness;
  let ssm: SSMClient;
  const put = (Value: string, Overwrite?: boolean, Name = NAME) =>
    ssm.send(new PutParameterCommand({ Name, Value, Type: 'String', Overwrite }));

  beforeEach(() => {
    harness = createHarness(NOV_20_NOON);
    ssm = harness.plug(new SSMClient({ region: acceptance.region }), acceptance);
  });

  it('answers a missing parameter with ParameterNotFound', async () => {
    // Act
    const error = await failure(ssm.send(new GetParameterCommand({ Name: NAME })));

    // Assess
    expect(error).toBeInstanceOf(ParameterNotFound);
    expect(error).toBeInstanceOf(SSMServiceException);
    expect(harness.sim.callsOf('GetParameter', 'SSM')[0]?.outcome).toBe('ParameterNotFound');
  });

  it('needs Overwrite to change a parameter, and counts versions', async () => {
    // Act
    const first = await put('snapshot-a');
    harness.advance(60_000);
    const refused = await failure(put('snapshot-b'));
    const second = await put('snapshot-b', true);
    const { Parameter } = await ssm.send(new GetParameterCommand({ Name: NAME }));

    // Assess
    expect(first.Version).toBe(1);
    expect(refused).toBeInstanceOf(ParameterAlreadyExists);
    expect(second.Version).toBe(2);
    expect(Parameter).toMatchObject({
      Name: NAME,
      Type: 'String',
      Value: 'snapshot-b',
      Version: 2,
      LastModifiedDate: new Date('2026-11-20T12:01:00Z'),
      ARN: `arn:aws:ssm:eu-west-1:222222222222:parameter${NAME}`,
    });
  });

  it('keeps the history, oldest first, and reads an older version with a selector', async () => {
    // Prepare
    await put('snapshot-a');
    harness.advance(60_000);
    await put('snapshot-b', true);

    // Act
    const { Parameters } = await ssm.send(new GetParameterHistoryCommand({ Name: NAME }));
    const older = await ssm.send(new GetParameterCommand({ Name: `${NAME}:1` }));
    const missing = await failure(ssm.send(new GetParameterCommand({ Name: `${NAME}:7` })));

    // Assess
    expect(Parameters?.map((entry) => [entry.Version, entry.Value, entry.LastModifiedDate])).toEqual([
      [1, 'snapshot-a', new Date('2026-11-20T12:00:00Z')],
      [2, 'snapshot-b', new Date('2026-11-20T12:01:00Z')],
    ]);
    expect(older.Parameter).toMatchObject({ Value: 'snapshot-a', Version: 1, Selector: ':1' });
    expect(missing).toBeInstanceOf(ParameterVersionNotFound);
  });

  it('keeps only the last 100 versions', async () => {
    // Act
    for (let version = 1; version <= 105; version += 1) await put(`value-${version}`, true);
    const versions: number[] = [];
    let NextToken: string | undefined;
    do {
      const page = await ssm.send(new GetParameterHistoryCommand({ Name: NAME, NextToken }));
      versions.push(...(page.Parameters ?? []).map((entry) => entry.Version ?? 0));
      NextToken = page.NextToken;
    } while (NextToken);
    const current = await ssm.send(new GetParameterCommand({ Name: NAME }));

    // Assess
    expect(versions).toHaveLength(100);
    expect(versions[0]).toBe(6);
    expect(versions.at(-1)).toBe(105);
    expect(current.Parameter?.Version).toBe(105);
  });

  it('returns found and invalid names from GetParameters', async () => {
    // Prepare
    await put('x');

    // Act
    const result = await ssm.send(new GetParametersCommand({ Names: [NAME, '/nope'] }));

    // Assess
    expect(result.Parameters?.map((parameter) => parameter.Value)).toEqual(['x']);
    expect(result.InvalidParameters).toEqual(['/nope']);
  });

  it('reads a path directly or recursively, ten at a time', async () => {
    // Prepare
    await put('a', false, '/app/one');
    await put('b', false, '/app/two');
    await put('c', false, '/app/deep/three');
    for (let index = 0; index < 11; index += 1)
      await put(`${index}`, false, `/many/p${String(index).padStart(2, '0')}`);

    // Act
    const direct = await ssm.send(new GetParametersByPathCommand({ Path: '/app' }));
    const recursive = await ssm.send(new GetParametersByPathCommand({ Path: '/app/', Recursive: true }));
    const firstPage = await ssm.send(new GetParametersByPathCommand({ Path: '/many' }));
    const secondPage = await ssm.send(
      new GetParametersByPathCommand({ Path: '/many', NextToken: firstPage.NextToken }),
    );

    // Assess
    expect(direct.Parameters?.map((parameter) => parameter.Name)).toEqual(['/app/one', '/app/two']);
    expect(recursive.Parameters?.map((parameter) => parameter.Name)).toEqual([
      '/app/deep/three',
      '/app/one',
      '/app/two',
    ]);
    expect(firstPage.Parameters).toHaveLength(10);
    expect(secondPage.Parameters?.map((parameter) => parameter.Name)).toEqual(['/many/p10']);
    expect(secondPage.NextToken).toBeUndefined();
  });

  it('shows a SecureString in clear only WithDecryption', async () => {
    // Prepare
    await ssm.send(new PutParameterCommand({ Name: '/app/password', Value: 's3cret', Type: 'SecureString' }));

    // Act
    const hidden = await ssm.send(new GetParameterCommand({ Name: '/app/password' }));
    const shown = await ssm.send(new GetParameterCommand({ Name: '/app/password', WithDecryption: true }));

    // Assess
    expect(hidden.Parameter?.Type).toBe('SecureString');
    expect(hidden.Parameter?.Value).not.toContain('s3cret');
    expect(shown.Parameter?.Value).toBe('s3cret');
  });

  it('needs a type for a new parameter', async () => {
    // Act
    const error = await failure(ssm.send(new PutParameterCommand({ Name: '/app/x', Value: 'v' })));

    // Assess
    expect((error as Error).name).toBe('ValidationException');
  });

  it('deletes a parameter, and answers a second delete with ParameterNotFound', async () => {
    // Prepare
    await put('x');

    // Act
    await ssm.send(new DeleteParameterCommand({ Name: NAME }));
    const read = await failure(ssm.send(new GetParameterCommand({ Name: NAME })));
    const again = await failure(ssm.send(new DeleteParameterCommand({ Name: NAME })));

    // Assess
    expect(read).toBeInstanceOf(ParameterNotFound);
    expect(again).toBeInstanceOf(ParameterNotFound);
  });

  it('keeps parameters per account', async () => {
    // Prepare
    await put('acceptance-only');
    const production = harness.plug(
      new SSMClient({ region: DEMO_ACCOUNTS.production.region }),
      DEMO_ACCOUNTS.production,
    );

    // Act
    const error = await failure(production.send(new GetParameterCommand({ Name: NAME })));

    // Assess
    expect(error).toBeInstanceOf(ParameterNotFound);
    expect(harness.sim.ssm.valueOf(acceptance, NAME)).toBe('acceptance-only');
  });
});
