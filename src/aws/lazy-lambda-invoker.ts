import type { KickEvent, LambdaInvoker } from '../domain/ports/kicker.js';
import { memoizeSuccess } from '../util/memoize-success.js';

/**
 * Loads the Lambda client on the first kick, not at import: most requests to the Slack function
 * (commands, options, modal updates) kick nothing, and its cold start is Slack's 3 seconds.
 */
export function createLazyLambdaInvoker(): LambdaInvoker {
  // A failed load is not kept: the next kick tries again.
  const invoker = memoizeSuccess(() =>
    import('./lambda-invoker.js').then((module) => module.createDefaultLambdaInvoker()),
  );
  return {
    async invokeAsync(functionName: string, payload: KickEvent): Promise<void> {
      await (await invoker()).invokeAsync(functionName, payload);
    },
  };
}
