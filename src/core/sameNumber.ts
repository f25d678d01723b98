import type { Channel } from './events'

/**
 * How long a number, once sent on a channel, makes a second request for it
 * on that channel the same request (ms). Widget: a double tap, an impatient
 * second try, "Try again" before the platform had a fair chance to call.
 * Form: a double click, an AJAX form that posts twice, a re-submit after the
 * site's own validation said no. The channels do not block each other: a
 * form lead carries what the visitor wrote, a widget request does not.
 */
export const SAME_NUMBER_MS: Record<Channel, number> = { widget: 60_000, form: 5 * 60_000 }

/** The same-number rule of one SDK instance. */
export interface SameNumber {
  /**
   * Checks and records in one synchronous step, so that two submits racing
   * through an async phone check still make one request: `0` when `e164`
   * may be sent on `channel` now (it is recorded as sent), otherwise the ms
   * left until it may (nothing is recorded: the window runs from the first).
   */
  claim(channel: Channel, e164: string, now?: number): number
  /** Forgets a number on a channel: the platform refused its request for good, so a corrected one is no repeat. */
  release(channel: Channel, e164: string): void
}

// Keyed by the SDK instance (its Host), not kept by the module: two SDKs on a
// page never block each other, and a destroyed one takes its numbers along.
const instances = new WeakMap<object, SameNumber>()

/**
 * The same-number rule of the SDK instance `host` belongs to, one for the
 * widget and form capture alike (each with its window, `SAME_NUMBER_MS`).
 * It remembers numbers for this page only; requests still in the outbox
 * (another tab, an earlier page) are the delivery's to compare.
 */
export function sameNumber(host: object): SameNumber {
  let rule = instances.get(host)
  if (rule) return rule
  const sent = new Map<string, number>()
  rule = {
    claim(channel, e164, now = Date.now()) {
      const key = channel + ' ' + e164
      const last = sent.get(key)
      const left = last === undefined ? 0 : last + SAME_NUMBER_MS[channel] - now
      if (left > 0) return left
      sent.set(key, now)
      return 0
    },
    release(channel, e164) {
      sent.delete(channel + ' ' + e164)
    }
  }
  instances.set(host, rule)
  return rule
}
