/** Where a job's card is and what it shows; kept beside the job, outside its version. */
export interface CardState {
  channelId: string;
  messageTs: string;
  /** The job version the card shows. */
  renderedVersion: number;
  /** How many of the job's events have been posted in the card's thread. */
  eventsPosted: number;
  /**
   * When the card was last drawn, and a fingerprint of what it showed: a card whose job did not
   * change is redrawn for its clock (elapsed, time left, deadline) at most once a minute, and only
   * when it would read differently. Absent on cards drawn before these were kept.
   */
  drawnAtMs?: number;
  drawnHash?: string;
}

/**
 * The notifier's own record of the cards it drew. Only the notifier (and the card-click check that
 * asks whether a click came from the job's card) reads or writes it: the job never waits on it, and
 * a lost write is repaired by drawing the card again.
 */
export interface CardStates {
  /** Card states of the jobs that have one. */
  load(jobIds: string[]): Promise<Map<string, CardState>>;

  /**
   * Records what a job's card shows. Refused (returns false) when a newer version was
   * recorded meanwhile, so a slow update never rolls the record back.
   */
  save(jobId: string, state: CardState): Promise<boolean>;
}
