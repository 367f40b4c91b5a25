import { hasAwsErrorName } from '../../aws/error-names.js';

/**
 * Runs a describe by name, resolving to `undefined` when AWS answers with `notFoundFault`:
 * describing a missing name is an error in AWS, but only an absence to the caller.
 */
export async function undefinedIfNotFound<T>(
  notFoundFault: string,
  describe: () => Promise<T | undefined>,
): Promise<T | undefined> {
  try {
    return await describe();
  } catch (error) {
    if (hasAwsErrorName(error, notFoundFault)) return undefined;
    throw error;
  }
}

/** The request id AWS returned with an output, for the audit trail. */
export function requestIdOf(output: { $metadata?: { requestId?: string | undefined } }): string | undefined {
  return output.$metadata?.requestId;
}

/**
 * The client's Region for messages ("in eu-west-1"). Clients resolve `region` to a provider;
 * a client built without one throws, which only costs the message its precision.
 */
export async function regionLabel(config: { region: unknown }): Promise<string> {
  try {
    const region = typeof config.region === 'function' ? await config.region() : config.region;
    return typeof region === 'string' && region !== '' ? region : 'the configured Region';
  } catch {
    return 'the configured Region';
  }
}
