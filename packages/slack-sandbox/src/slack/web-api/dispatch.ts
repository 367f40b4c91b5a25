import { chatDelete, chatGetPermalink, chatPostEphemeral, chatPostMessage, chatUpdate } from './chat-methods.js';
import {
  authTest,
  conversationsInfo,
  usergroupsUsersList,
  usersConversations,
  usersInfo,
} from './directory-methods.js';
import type { MethodContext, MethodHandler } from './method-context.js';
import type { ApiRequest } from './request-args.js';
import { fail, type MethodResult } from './results.js';
import { viewsOpen, viewsPublish, viewsPush, viewsUpdate } from './view-methods.js';

const METHODS: Record<string, MethodHandler> = {
  'auth.test': authTest,
  'chat.postMessage': chatPostMessage,
  'chat.update': chatUpdate,
  'chat.delete': chatDelete,
  'chat.postEphemeral': chatPostEphemeral,
  'chat.getPermalink': chatGetPermalink,
  'views.open': viewsOpen,
  'views.update': viewsUpdate,
  'views.push': viewsPush,
  'views.publish': viewsPublish,
  'users.info': usersInfo,
  'usergroups.users.list': usergroupsUsersList,
  'conversations.info': conversationsInfo,
  'users.conversations': usersConversations,
};

export const SUPPORTED_METHODS = Object.keys(METHODS);

/** Answers one Web API call: the method must exist, then the bot token must be the app's. */
export function dispatchApiCall(
  method: string,
  request: ApiRequest,
  botToken: string,
  context: MethodContext,
): MethodResult {
  const handler = Object.hasOwn(METHODS, method) ? METHODS[method] : undefined;
  if (!handler) return fail('unknown_method');
  if (request.token === undefined) return fail('not_authed');
  if (request.token !== botToken) return fail('invalid_auth');
  return handler(request.args, context);
}
