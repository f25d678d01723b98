import type { Host } from '../core/host'

/** How long the same number counts as the same lead: a double click, an AJAX form posting twice, a re-submit after the site's own validation said no. */
export const DUPLICATE_MS = 5 * 60_000

// Per SDK instance (the Host), not per module: a destroyed and restarted SDK starts afresh.
const seen = new WeakMap<Host, Map<string, number>>()

/**
 * Whether a form lead for this number was already made in the last five
 * minutes on this page; records it when not. Check and record happen in
 * one synchronous step, so two submits racing through the async phone
 * check still make one request.
 */
export function isDuplicate(host: Host, e164: string, now = Date.now()): boolean {
  let numbers = seen.get(host)
  if (!numbers) seen.set(host, (numbers = new Map()))
  const last = numbers.get(e164)
  if (last !== undefined && now - last < DUPLICATE_MS) return true
  numbers.set(e164, now)
  return false
}
