import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { KickEvent, LambdaInvoker } from '../domain/ports/kicker.js';

export function createLambdaInvoker(client: LambdaClient): LambdaInvoker {
  return {
    async invokeAsync(functionName: string, payload: KickEvent): Promise<void> {
      await client.send(
        new InvokeCommand({
          FunctionName: functionName,
          InvocationType: 'Event',
          Payload: new TextEncoder().encode(JSON.stringify(payload)),
        }),
      );
    },
  };
}

/** With the function's own credentials and region (Lambda's environment). */
export function createDefaultLambdaInvoker(): LambdaInvoker {
  return createLambdaInvoker(new LambdaClient({}));
}
