// Retry schedule of a failed delivery: 1 min, doubling, capped at 30 min; given up once the
// waits add up to more than 24 hours (MAX_ATTEMPTS). A channel down for an hour gets its
// messages at the first attempt after it is back (attempts at +1, +3, +7, +15, +31, +61 min ...).

const MINUTE = 60_000;
export const FIRST_RETRY_MS = MINUTE;
export const MAX_RETRY_MS = 30 * MINUTE;
export const GIVE_UP_AFTER_MS = 24 * 60 * MINUTE;

/** The wait after the `attempt`-th failed attempt (1-based). */
export const retryDelayMs = (attempt: number) => Math.min(FIRST_RETRY_MS * 2 ** (attempt - 1), MAX_RETRY_MS);

/** Attempts after which the waits so far exceed GIVE_UP_AFTER_MS: the last one is final. */
export const MAX_ATTEMPTS = (() => {
  let waited = 0;
  let attempt = 1;
  while (waited <= GIVE_UP_AFTER_MS) waited += retryDelayMs(attempt++);
  return attempt;
})();
