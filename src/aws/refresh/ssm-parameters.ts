import { GetParameterCommand, PutParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import type { ParameterStore } from '../../domain/ports/refresh.js';
import { hasAwsErrorName } from '../error-names.js';

/** The refresh's SSM parameters, as plain strings: `GetParameter`, and `PutParameter` with Overwrite. */
export class SsmParameters implements ParameterStore {
  constructor(private readonly client: SSMClient) {}

  async get(name: string): Promise<string | undefined> {
    try {
      const { Parameter } = await this.client.send(new GetParameterCommand({ Name: name }));
      return Parameter?.Value;
    } catch (error) {
      if (hasAwsErrorName(error, 'ParameterNotFound')) return undefined;
      throw error;
    }
  }

  async put(name: string, value: string): Promise<void> {
    await this.client.send(new PutParameterCommand({ Name: name, Value: value, Type: 'String', Overwrite: true }));
  }
}
