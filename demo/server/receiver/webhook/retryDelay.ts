const SECOND = 1000
/** The first retry waits this long; each further one twice as long as the one before. */
const FIRST_DELAY = 30 * SECOND
/** No wait is longer than this, whatever the backoff or the sink's Retry-After says. */
export const MAX_DELAY = 6 * 3600 * SECOND
/** Attempts per delivery (the first and 11 retries, over about 14.5 hours); then it is marked failed. */
export const MAX_ATTEMPTS = 12

/**
 * How long to wait after failed attempt number `attempt` (1-based):
 * 30 s, 1 min, 2 min, … doubling, at most 6 hours. A `Retry-After` the sink
 * sent (seconds) is honoured when it asks for longer.
 */
export function retryDelay(attempt: number, retryAfterSeconds?: number): number {
  const backoff = Math.min(MAX_DELAY, FIRST_DELAY * 2 ** Math.min(30, Math.max(0, attempt - 1)))
  const asked = retryAfterSeconds !== undefined && retryAfterSeconds > 0 ? Math.min(MAX_DELAY, retryAfterSeconds * SECOND) : 0
  return Math.max(backoff, asked)
}
