/**
 * Failed sign-ins per key (site + anonymised IP) in a fixed window. Only
 * failures count, so that an owner who signs in often is never locked out,
 * while guessing a six-digit PIN takes years. In memory, as the receiver's
 * other limits are.
 */
export function createAttemptLimit(limit: { max: number; windowMs: number }, now: () => number) {
  const failures = new Map<string, { start: number; count: number }>()
  const current = (key: string) => {
    const entry = failures.get(key)
    if (entry && now() - entry.start >= limit.windowMs) failures.delete(key)
    return failures.get(key)
  }
  return {
    /** Seconds to wait before the next attempt, or 0 when one may be made. */
    wait(key: string): number {
      const entry = current(key)
      return entry && entry.count >= limit.max ? Math.max(1, Math.ceil((entry.start + limit.windowMs - now()) / 1000)) : 0
    },
    fail(key: string): void {
      const entry = current(key)
      if (entry) entry.count++
      else failures.set(key, { start: now(), count: 1 })
    },
    succeed(key: string): void {
      failures.delete(key)
    },
    reset(): void {
      failures.clear()
    }
  }
}
