/** One sign-in attempt under way, reserved before its slow PIN check. */
export interface Attempt {
  /** The PIN was wrong: the attempt counts as a failure. */
  fail(): void
  /** The PIN was right: the attempt is given back (and, with `forgetFailures`, earlier failures are forgotten). */
  succeed(): void
  /** The PIN was never checked (the server was too busy): the attempt is given back. */
  cancel(): void
}

interface Entry {
  start: number
  failures: number
  /** Attempts reserved and not yet settled: they count against the limit as failures would. */
  pending: number
}

/**
 * Failed sign-ins per key in a fixed window. An attempt is reserved before
 * the PIN is hashed and settled after: checking the count first and counting
 * a failure only once the slow hash is done lets parallel guesses all pass
 * the check. Only failures stay counted, so that an owner who signs in often
 * is never locked out. `forgetFailures`: a success also forgets the key's
 * earlier failures (per site and network, where a success means the PIN is
 * known); off for a key a success proves nothing about (a whole network
 * across sites). In memory, as the receiver's other limits are.
 */
export function createAttemptLimit(limit: { max: number; windowMs: number; forgetFailures?: boolean }, now: () => number) {
  const entries = new Map<string, Entry>()
  let swept = now()
  /** The key's entry in its current window, if it has one. */
  const entryOf = (key: string): Entry | undefined => {
    // Once per window, drop the keys whose window has ended: made-up Client IDs must not pile up.
    if (now() - swept >= limit.windowMs) {
      for (const [k, e] of entries) if (!e.pending && now() - e.start >= limit.windowMs) entries.delete(k)
      swept = now()
    }
    const entry = entries.get(key)
    if (entry && now() - entry.start >= limit.windowMs) {
      // A new window: earlier failures lapse; attempts under way still count.
      entry.start = now()
      entry.failures = 0
    }
    return entry
  }
  const waitFor = (entry: Entry | undefined) =>
    entry && entry.failures + entry.pending >= limit.max ? Math.max(1, Math.ceil((entry.start + limit.windowMs - now()) / 1000)) : 0
  const tidy = (key: string, entry: Entry) => {
    if (!entry.failures && !entry.pending && entries.get(key) === entry) entries.delete(key)
  }

  return {
    /** Reserves an attempt, or answers how many seconds to wait when the key is locked. */
    reserve(key: string): Attempt | number {
      let entry = entryOf(key)
      const seconds = waitFor(entry)
      if (seconds) return seconds
      if (!entry) entries.set(key, (entry = { start: now(), failures: 0, pending: 0 }))
      const reserved = entry
      reserved.pending++
      let settled = false
      const settle = (failed: boolean, forget: boolean) => () => {
        if (settled) return
        settled = true
        reserved.pending--
        if (failed) reserved.failures++
        if (forget) reserved.failures = 0
        tidy(key, reserved)
      }
      return { fail: settle(true, false), succeed: settle(false, !!limit.forgetFailures), cancel: settle(false, false) }
    },
    reset(): void {
      entries.clear()
    }
  }
}
