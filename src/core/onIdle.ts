/**
 * Runs `fn` when the main thread is idle (at most `timeout` ms later), so
 * that nothing the SDK can postpone competes with the page's own start.
 * Returns a function that cancels it.
 */
export function onIdle(fn: () => void, timeout = 3000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(fn, { timeout })
    return () => cancelIdleCallback(handle)
  }
  // Safari: no idle callbacks; a timer after the current work is the closest.
  const handle = setTimeout(fn, 200)
  return () => clearTimeout(handle)
}
