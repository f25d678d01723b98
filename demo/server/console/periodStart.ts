import { localDate, wallTimeToUtc } from '../../../src/schema'

/**
 * The start of a period of `days` local dates ending today where the
 * business is: "last 7 days" is today and the six dates before it, from
 * local midnight, whatever the server's zone and across DST changes.
 * Returns the instant and the dates, oldest first.
 */
export function periodStart(now: number, timeZone: string, days: number): { since: number; dates: string[] } {
  const [y, m, d] = localDate(now, timeZone).split('-').map(Number) as [number, number, number]
  const dates = Array.from({ length: days }, (_, i) => new Date(Date.UTC(y, m - 1, d - (days - 1 - i))).toISOString().slice(0, 10))
  return { since: wallTimeToUtc(y, m, d - (days - 1), 0, timeZone), dates }
}
