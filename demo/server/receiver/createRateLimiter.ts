/** A fixed window per key: at most `max` hits per `windowMs`. */
export interface Limit {
  max: number
  windowMs: number
}

/**
 * Counts hits per key in fixed windows, in memory (a platform would use a
 * shared store such as Redis). `hit` answers how long to wait, in seconds,
 * when the key is over its limit, else 0. Windows that have ended are
 * dropped once per window, so that keys a sender makes up cannot pile up.
 */
export function createRateLimiter(limit: Limit, now: () => number) {
  const windows = new Map<string, { start: number; count: number }>()
  let swept = now()
  return {
    hit(key: string): number {
      const t = now()
      if (t - swept >= limit.windowMs) {
        for (const [k, w] of windows) if (t - w.start >= limit.windowMs) windows.delete(k)
        swept = t
      }
      let window = windows.get(key)
      if (!window || t - window.start >= limit.windowMs) {
        window = { start: t, count: 0 }
        windows.set(key, window)
      }
      if (window.count >= limit.max) return Math.max(1, Math.ceil((window.start + limit.windowMs - t) / 1000))
      window.count++
      return 0
    },
    reset() {
      windows.clear()
    }
  }
}
