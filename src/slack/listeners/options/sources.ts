import type { AllMiddlewareArgs, BlockSuggestion, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { sourceOptions } from '../../restore-modal/options.js';
import { modalChoicesFromView } from '../../restore-modal/state.js';

const MAX_OPTIONS = 100;

/** Sources of the chosen kind whose name contains what the person typed, from every environment. */
export function sourceOptionsRequested(deps: ListenerDeps) {
  return async ({
    ack,
    body,
    payload,
  }: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs): Promise<void> => {
    const view = (body as BlockSuggestion).view;
    const kind = view ? modalChoicesFromView(view, deps.policy, deps.metadataSeal).kind : undefined;
    if (!kind) return ack({ options: [] });
    const environments = Object.keys(deps.policy.environments);
    const perEnvironment = await Promise.all(
      environments.map(async (environment) => {
        try {
          const sources = await deps.driverFor(kind, environment).listSources(payload.value, MAX_OPTIONS);
          return sources.map((source) => ({ environment, ...source }));
        } catch (error) {
          deps.log('sources not listed', { environment, error: (error as Error).message });
          return [];
        }
      }),
    );
    await ack({ options: sourceOptions(perEnvironment.flat().slice(0, MAX_OPTIONS)) });
  };
}
