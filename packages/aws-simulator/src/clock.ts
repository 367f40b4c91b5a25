/**
 * The account's time source. The simulator never reads the wall clock itself: the embedder hands in
 * its own clock (the application's, or a manual one in tests), so every time AWS would issue — a
 * restorable window, a credential's expiry — is on the clock the application compares it with.
 */
export interface Clock {
  now(): Date;
}
