/**
 * Turns internal failures into one console warning and an `error` event, so
 * that nothing the SDK does can throw into the host page. `guard` wraps every
 * entry point: commands, listeners on the page, timers, observers and
 * promise continuations.
 */
export interface Reporter {
  report(error: unknown, code?: string): void
  guard<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R | undefined
}

export function createReporter(onError: (code: string, message: string) => void): Reporter {
  let warned = false
  let reporting = false

  const report = (error: unknown, code = 'internal_error') => {
    // An error listener that throws would bring us back here: stop at one level.
    if (reporting) return
    reporting = true
    try {
      const message = error instanceof Error ? error.message : String(error)
      if (!warned) {
        warned = true
        console.warn('[ringback]', message)
      }
      onError(code, message)
    } catch {
      // Nothing left to tell: the page must go on.
    } finally {
      reporting = false
    }
  }

  return {
    report,
    guard:
      (fn) =>
      (...args) => {
        try {
          return fn(...args)
        } catch (error) {
          report(error)
          return undefined
        }
      }
  }
}
