import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { modalStateFromView, type RestoreModalState } from '../../restore-modal/state.js';
import { buildRestoreModal } from '../../restore-modal/view.js';

/**
 * A change in the modal that reshapes it (kind, restore point type, source): redraw it with
 * the source's restorable window. `hash` makes Slack refuse the update if the person changed
 * the view meanwhile, so a slow describe never overwrites newer input.
 */
export function refreshModal(deps: ListenerDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const view = body.view;
    if (!view) return;
    const state = modalStateFromView(view, deps.policy, deps.clock.now(), deps.metadataSeal);
    await addWindow(state, deps);
    await client.views
      .update({ view_id: view.id, hash: view.hash, view: deps.metadataSeal.sealView(buildRestoreModal(state)) })
      .catch((error: { data?: { error?: string } }) => {
        if (error.data?.error !== 'hash_conflict') throw error;
      });
  };
}

async function addWindow(state: RestoreModalState, deps: ListenerDeps): Promise<void> {
  if (!state.kind || !state.source) return;
  try {
    const source = await deps.driverFor(state.kind, state.source.environment).describeSource(state.source.identifier);
    if (source.restorableWindow) state.window = source.restorableWindow;
  } catch (error) {
    // No window to show (unknown source, no access): the submission will say why on the field.
    deps.log('restorable window not shown', { source: state.source, error: (error as Error).message });
  }
}
