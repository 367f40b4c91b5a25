import { GetParameterCommand, ParameterNotFound, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSsmSecretReader } from '../../src/aws/ssm-secrets.js';
import { ConfigurationError } from '../../src/config/errors.js';

const ssmMock = mockClient(SSMClient);
const TOKEN_PARAMETER = '/db-restore-bot/prod/slack-bot-token';

function parameter(name: string, value: string) {
  return {
    Parameter: { Name: name, Type: 'SecureString' as const, Value: value, Version: 1 },
    $metadata: { httpStatusCode: 200 },
  };
}

describe('createSsmSecretReader', () => {
  beforeEach(() => ssmMock.reset());

  it('reads a SecureString with decryption, once per name', async () => {
    // Prepare
    ssmMock.on(GetParameterCommand).resolves(parameter(TOKEN_PARAMETER, 'xoxb-secret\n'));
    const secrets = createSsmSecretReader(new SSMClient({ region: 'eu-west-1' }));

    // Act
    const values = await Promise.all([secrets.read(TOKEN_PARAMETER), secrets.read(TOKEN_PARAMETER)]);
    const later = await secrets.read(TOKEN_PARAMETER);

    // Assess
    expect(values).toEqual(['xoxb-secret', 'xoxb-secret']);
    expect(later).toBe('xoxb-secret');
    expect(ssmMock.commandCalls(GetParameterCommand)).toHaveLength(1);
    expect(ssmMock.commandCalls(GetParameterCommand)[0]?.args[0].input).toEqual({
      Name: TOKEN_PARAMETER,
      WithDecryption: true,
    });
  });

  it('names the parameter, never a value, and tries again after a failure', async () => {
    // Prepare
    ssmMock
      .on(GetParameterCommand)
      .rejectsOnce(new ParameterNotFound({ message: 'not found', $metadata: {} }))
      .resolves(parameter(TOKEN_PARAMETER, 'xoxb-secret'));
    const secrets = createSsmSecretReader(new SSMClient({ region: 'eu-west-1' }));

    // Act
    const failed = secrets.read(TOKEN_PARAMETER);

    // Assess
    await expect(failed).rejects.toThrow(ConfigurationError);
    await expect(failed).rejects.toThrow(`SSM parameter ${TOKEN_PARAMETER} cannot be read`);
    await expect(secrets.read(TOKEN_PARAMETER)).resolves.toBe('xoxb-secret');
  });

  it('refuses an empty parameter', async () => {
    // Prepare
    ssmMock.on(GetParameterCommand).resolves(parameter(TOKEN_PARAMETER, '  '));
    const secrets = createSsmSecretReader(new SSMClient({ region: 'eu-west-1' }));

    // Act / Assess
    await expect(secrets.read(TOKEN_PARAMETER)).rejects.toThrow(`SSM parameter ${TOKEN_PARAMETER} is empty`);
  });
});
