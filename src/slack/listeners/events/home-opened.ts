import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';

/**
 * Someone opened the app's Home tab: draw it afresh from the job table. Bolt acknowledges the event
 * at once; the Messages tab opens the same event and needs nothing drawn.
 */
export function homeOpened(deps: ListenerDeps) {
  return async ({ event }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    await deps.homes.publish(event.user);
  };
}
