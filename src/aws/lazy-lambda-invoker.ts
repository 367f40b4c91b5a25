import type { KickEvent, LambdaInvoker } from '../jobs/kickers.js';

/**
 * Loads the Lambda client on the first kick, not at import: most requests to the Slack function
 * (commands, options, modal updates) kick nothing, and its cold start is Slack's 3 seconds.
 */
export function createLazyLambdaInvoker(): LambdaInvoker {
  let loading: Promise<LambdaInvoker> | undefined;
  return {
    async invokeAsync(functionName: string, payload: KickEvent): Promise<void> {
      loading ??= import('./lambda-invoker.js').then((module) => module.createDefaultLambdaInvoker());
      // A failed load is not kept: the next kick tries again.
      const invoker = await loading.catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
      await invoker.invokeAsync(functionName, payload);
    },
  };
}
