import { WEEKDAYS, type Weekday } from './weekdays'

/**
 * What the hours functions need of a site config (`SiteConfig` of
 * `ringback/schema` is one): written out here, so that the contract does not
 * import the schema that builds on it.
 */
export interface HoursConfig {
  business: {
    /** IANA time zone of the business, e.g. `Europe/London`. */
    timeZone: string
  }
  hours: {
    /** Opening ranges `[from, to]` (`HH:MM`) by day of the week. */
    weekly: Partial<Record<Weekday, [string, string][]>>
    /** Local dates `YYYY-MM-DD` on which the business is closed. */
    closed?: string[]
  }
  scheduling: { slotMinutes: number; leadMinutes: number; horizonDays: number }
}

/** One opening of the business, as UTC instants (ms), on a local date of the business. */
export interface Opening {
  /** Local date in the business time zone, `YYYY-MM-DD`. */
  date: string
  start: number
  end: number
}

const DAY_MS = 86400000
const formats = new Map<string, Intl.DateTimeFormat>()

/**
 * The formatter that reads wall clocks in `timeZone`, cached: building one
 * is slow (milliseconds on a phone). Throws a `RangeError` for a zone the
 * browser does not know, which makes it the check of a config's zone too.
 */
export function zoneClock(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    })
    formats.set(timeZone, format)
  }
  return format
}

/** The wall-clock date and time at an instant in a time zone. */
function wallClock(t: number, timeZone: string): { y: number; m: number; d: number; minutes: number } {
  const part: Record<string, number> = {}
  for (const { type, value } of zoneClock(timeZone).formatToParts(t)) part[type] = Number(value)
  return { y: part.year!, m: part.month!, d: part.day!, minutes: part.hour! * 60 + part.minute! + part.second! / 60 }
}

const offsets = new Map<string, number>()
/**
 * The zone's offset from UTC at an instant, in ms (London in summer:
 * +3600000). Remembered by exact instant: a week of openings asks for the
 * same ones again (Tuesday 09:00 is Monday's "a day after" and Wednesday's
 * "a day before").
 */
function offsetAt(t: number, timeZone: string): number {
  const key = timeZone + t
  let offset = offsets.get(key)
  if (offset === undefined) {
    const w = wallClock(t, timeZone)
    offset = Date.UTC(w.y, w.m - 1, w.d) + w.minutes * 60000 - (t - (t % 1000))
    if (offsets.size > 2000) offsets.clear()
    offsets.set(key, offset)
  }
  return offset
}

/**
 * The instant at which a wall clock in `timeZone` shows `minutes` after
 * midnight of the local date `y-m-d`. A time skipped by a DST change
 * (01:30 on the UK's spring-forward night) maps to the same wall time in
 * the new offset, i.e. an hour later; a time that happens twice (autumn)
 * maps to its first occurrence.
 */
export function wallTimeToUtc(y: number, m: number, d: number, minutes: number, timeZone: string): number {
  const asUtc = Date.UTC(y, m - 1, d) + minutes * 60000
  // The offsets a day before and after cover any single change on this date;
  // when they agree (most days of the year) there is none to look for.
  const before = asUtc - offsetAt(asUtc - DAY_MS, timeZone)
  const after = asUtc - offsetAt(asUtc + DAY_MS, timeZone)
  if (before === after) return before
  const valid = [before, after].filter((t) => asUtc - offsetAt(t, timeZone) === t)
  return valid.length ? Math.min(...valid) : before
}

const pad = (n: number) => (n < 10 ? '0' : '') + n
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** The local date (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDate(t: number, timeZone: string): string {
  const w = wallClock(t, timeZone)
  return w.y + '-' + pad(w.m) + '-' + pad(w.d)
}

/**
 * The business's openings on `days` local dates starting with the date of
 * `from` in its time zone: weekly hours (several ranges a day; a range whose
 * end is not after its start runs past midnight), minus closed dates.
 */
export function openings(config: HoursConfig, from: number, days: number): Opening[] {
  const zone = config.business.timeZone
  const today = wallClock(from, zone)
  const closed = config.hours.closed || []
  const result: Opening[] = []
  for (let i = 0; i < days; i++) {
    const day = new Date(Date.UTC(today.y, today.m - 1, today.d + i))
    const y = day.getUTCFullYear()
    const m = day.getUTCMonth() + 1
    const d = day.getUTCDate()
    const date = y + '-' + pad(m) + '-' + pad(d)
    if (closed.indexOf(date) >= 0) continue
    for (const [open, close] of config.hours.weekly[WEEKDAYS[day.getUTCDay()]!] || []) {
      const a = minutesOf(open)
      let b = minutesOf(close)
      if (b <= a) b += 24 * 60
      result.push({ date, start: wallTimeToUtc(y, m, d, a, zone), end: wallTimeToUtc(y, m, d, b, zone) })
    }
  }
  return result.sort((p, q) => p.start - q.start)
}

/** Whether the business is open at `t`. */
export function isOpenAt(config: HoursConfig, t: number): boolean {
  return openings(config, t - DAY_MS, 3).some((o) => o.start <= t && t < o.end)
}

/** The start of the next opening after `t` (or `t` itself while open), looking up to `maxDays` ahead. */
export function nextOpening(config: HoursConfig, t: number, maxDays = 14): number | undefined {
  // The next few days first: each day looked at costs a throttled phone's panel time.
  for (const days of [4, maxDays + 1]) {
    for (const o of openings(config, t - DAY_MS, Math.min(days, maxDays + 1))) {
      if (o.end > t) return Math.max(o.start, t)
    }
  }
  return undefined
}

/**
 * The times a visitor may pick for a call, as UTC instants: every
 * `slotMinutes` from the start of each opening, ending no later than the
 * opening, no sooner than `leadMinutes` from `now`, on the next
 * `horizonDays` local dates of the business (today included).
 */
export function slots(config: HoursConfig, now: number): number[] {
  const { slotMinutes, leadMinutes, horizonDays } = config.scheduling
  const step = slotMinutes * 60000
  const earliest = now + leadMinutes * 60000
  const result: number[] = []
  for (const o of openings(config, now, horizonDays)) {
    for (let at = o.start; at + step <= o.end; at += step) if (at >= earliest) result.push(at)
  }
  return result
}
