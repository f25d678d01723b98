import type { Device } from '../schema'
import type { Visit } from './trackVisit'

/** What `navigator.userAgentData` told, fetched at idle so that no submit waits for it. */
export interface UaHints {
  brands?: { brand: string; version: string }[]
  mobile?: boolean
  platform?: string
  platformVersion?: string
  model?: string
  fullVersionList?: { brand: string; version: string }[]
}

/**
 * The raw facts of the moment a request is made, read cheaply in the first
 * file; the lazy request builder turns them into the contract's `page`,
 * `source`, `device`, `locale`, `timeZone` and `requestedAt`.
 */
export interface RawContext {
  href: string
  title: string
  referrer: string
  /** When the request was made (ms since the epoch, the visitor's clock). */
  at: number
  visit?: Visit
  ua: string
  hints?: UaHints
  /** ua-parser-js's reading of `ua`, once its lazy file has arrived. */
  parsed?: Device
  touchPoints: number
  locale?: string
  timeZone?: string
  /** Query parameter names to redact on top of the defaults. */
  redact: string[]
}

/**
 * Reads the raw context now. `hints` are the high-entropy client hints
 * fetched at idle and `parsed` the idle reading of ua-parser-js, when they
 * have arrived; nothing here waits for them.
 */
export function readContext(visit: Visit | undefined, hints: UaHints | undefined, parsed: Device | undefined, redact: string[]): RawContext {
  let timeZone: string | undefined
  try {
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  } catch {
    // Very old engines: leave it out.
  }
  return {
    href: location.href,
    title: document.title,
    referrer: document.referrer,
    at: Date.now(),
    visit,
    ua: navigator.userAgent,
    // Until the high-entropy values arrive, the low-entropy ones (brands, mobile, platform) are there at once.
    hints: hints || (navigator as { userAgentData?: UaHints }).userAgentData,
    parsed,
    touchPoints: navigator.maxTouchPoints || 0,
    locale: navigator.language,
    timeZone,
    redact
  }
}
