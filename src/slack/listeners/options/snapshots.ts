import type { AllMiddlewareArgs, BlockSuggestion, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { identifierFromArn } from '../../../domain/identifiers.js';
import type { ListenerDeps } from '../../deps.js';
import { snapshotOptions } from '../../restore-modal/options.js';
import { modalChoicesFromView } from '../../restore-modal/state.js';

/** Snapshots of the chosen source that the target environment can restore (its own and shared ones), newest first. */
export function snapshotOptionsRequested(deps: ListenerDeps) {
  return async ({
    ack,
    body,
    payload,
  }: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs): Promise<void> => {
    const view = (body as BlockSuggestion).view;
    if (!view) return ack({ options: [] });
    const choices = modalChoicesFromView(view, deps.policy, deps.metadataSeal);
    if (!choices.kind || !choices.source) return ack({ options: [] });
    const environment = choices.targetEnvironment ?? choices.source.environment;
    const query = payload.value.toLowerCase();
    const candidates = await deps
      .driverFor(choices.kind, environment)
      .listRestoreCandidates({ includeShared: true })
      .catch((error: Error) => {
        deps.log('snapshots not listed', { environment, error: error.message });
        return [];
      });
    const source = identifierFromArn(choices.source.identifier).toLowerCase();
    const matching = candidates.filter(
      (candidate) => candidate.sourceIdentifier.toLowerCase() === source && candidate.id.toLowerCase().includes(query),
    );
    await ack({ options: snapshotOptions(matching) });
  };
}
