/** Errors of the Slack stand-in. They describe misuse of the stand-in, never a Web API answer (those are JSON). */

/** The caller asked for something a person in Slack could not do: click a button that is not there, pick an option not offered. */
export class StandInUsageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StandInUsageError';
  }
}

/**
 * Slack's own client would not send this request to the app: a required field is empty, the query is
 * shorter than `min_query_length`, an input without `dispatch_action` changed. `fieldErrors` holds what
 * Slack shows under each field (by block_id), when it shows anything.
 */
export class InteractionNotSentError extends Error {
  readonly fieldErrors: Record<string, string>;

  constructor(message: string, fieldErrors: Record<string, string> = {}) {
    super(message);
    this.name = 'InteractionNotSentError';
    this.fieldErrors = fieldErrors;
  }
}

/** The app's URL could not be reached at all (connection refused, no URL configured). */
export class BotUnreachableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BotUnreachableError';
  }
}
