import { localDate } from '../../../src/schema'
import type { ConsoleDb } from './openConsoleDb'
import { periodStart } from './periodStart'

/** The metrics view of one site for the last `days` days, all figures from what was stored. */
export interface Metrics {
  days: number
  total: number
  channel: Record<string, number>
  medium: Record<string, number>
  campaign: Record<string, number>
  device: Record<string, number>
  /** `asap` (call now) against `slot` (a time the visitor chose). */
  schedule: Record<string, number>
  /** Requests with at least one event of each type. */
  outcome: Record<string, number>
  /** Seconds from when a call was due (received, or its slot) to its first attempt; only where one was recorded. */
  response: { count: number; medianSeconds?: number; p90Seconds?: number }
  /** One entry per local date in the business's time zone, oldest first. */
  perDay: { date: string; widget: number; form: number }[]
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]

/** Aggregates the counts the console shows; days are local dates where the business is. */
export function buildMetrics(store: ConsoleDb, siteId: string, timeZone: string, days: number, now: number): Metrics {
  const { since, dates } = periodStart(now, timeZone, days)
  const counts = store.counts(siteId, since)
  const perDay = new Map(dates.map((date) => [date, { date, widget: 0, form: 0 }]))
  for (const { createdAt, channel } of store.receipts(siteId, since)) {
    const day = perDay.get(localDate(createdAt, timeZone))
    if (day && (channel === 'widget' || channel === 'form')) day[channel]++
  }
  const waits = store
    .firstAttempts(siteId, since)
    .map((r) => Math.max(0, Math.round((r.first - r.due) / 1000)))
    .sort((a, b) => a - b)
  return {
    days,
    total: Object.values(counts.channel).reduce((a, b) => a + b, 0),
    ...counts,
    response: { count: waits.length, medianSeconds: quantile(waits, 0.5), p90Seconds: quantile(waits, 0.9) },
    perDay: [...perDay.values()]
  }
}
