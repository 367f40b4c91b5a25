import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { ConfigurationError } from '../config/errors.js';
import { memoizeSuccess } from '../util/memoize-success.js';

/** Secrets by SSM parameter name. */
export interface SecretReader {
  /** The decrypted value of the SecureString parameter `name`. */
  read(name: string): Promise<string>;
}

/**
 * Reads SecureString parameters (GetParameter WithDecryption), each once per container: the
 * value is kept for every later invocation. A failed read is not kept, so the next invocation
 * tries again. A rotated secret reaches a function when its containers are replaced (any deploy
 * or configuration update does that).
 */
export function createSsmSecretReader(client: SSMClient): SecretReader {
  const values = new Map<string, () => Promise<string>>();
  const fetchValue = async (name: string): Promise<string> => {
    let value: string | undefined;
    try {
      const { Parameter } = await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
      value = Parameter?.Value;
    } catch (error) {
      // The parameter's name only: never its value.
      throw new ConfigurationError(`SSM parameter ${name} cannot be read: ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (!value?.trim()) throw new ConfigurationError(`SSM parameter ${name} is empty`);
    return value.trim();
  };
  return {
    read(name) {
      let value = values.get(name);
      if (!value) {
        value = memoizeSuccess(() => fetchValue(name));
        values.set(name, value);
      }
      return value();
    },
  };
}

/** A reader with the SDK's standard configuration (the function's region and role). */
export function createDefaultSsmSecretReader(): SecretReader {
  return createSsmSecretReader(new SSMClient({}));
}
