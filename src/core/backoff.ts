/** First retry waits up to this long; each further one doubles the window. */
export const BACKOFF_BASE_MS = 1000
/** No retry waits longer than this, whatever the count. */
export const BACKOFF_CAP_MS = 30000

/**
 * Delay before retry number `tries` (1 for the first retry): capped
 * exponential backoff with full jitter (a random point in the window), so
 * that many visitors hitting one outage do not come back in step. A
 * platform's `Retry-After` is a floor: never earlier than it asked.
 */
export function backoff(tries: number, random: () => number, retryAfterSeconds?: number): number {
  const window = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, tries - 1))
  const jitter = Math.floor(random() * window)
  return Math.max(jitter, retryAfterSeconds ? Math.ceil(retryAfterSeconds * 1000) : 0)
}
