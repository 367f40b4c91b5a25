/**
 * Advances one job right away instead of waiting for the next scheduled tick: an async
 * invoke of the worker function on Lambda, an in-process call locally. Best effort: the
 * scheduled tick is the backstop, so a lost kick only costs time.
 */
export interface Kicker {
  kick(jobId: string): Promise<void>;
}

/** The worker's async-invoke payload: advance this one job. */
export interface KickEvent {
  kick: string;
}

/**
 * The part of the Lambda client the Lambda kicker needs, implemented in aws/: declared here so
 * jobs/ and aws/ never import each other.
 */
export interface LambdaInvoker {
  invokeAsync(functionName: string, payload: KickEvent): Promise<void>;
}
