import { localDate, wallTimeToUtc, zoneClock } from '../contract/openingHours'
import { fill, type Texts } from './texts'

/** A slot as the visitor sees it. */
export interface SlotView {
  at: number
  /** The time in the visitor's zone (`4:00 AM`). */
  label: string
  /** The time where the business is, when it reads differently (`9:00 AM in London`). */
  theirs?: string
  /** Said of a time before 08:00 or after 21:00 for the visitor ("early morning for you"). */
  odd?: string
  /** The accessible name: both times when they differ, and whether it is odd. */
  name: string
}

/** One day of slots, by the visitor's own calendar. */
export interface DayView {
  key: string
  /** The day's accessible name (`Mon, Nov 30`). */
  label: string
  /** The two lines of its button in the strip (`Mon`, `Nov 30`). */
  weekday: string
  date: string
  /** How many slots, and the lines each slot's button needs (its time; the business's; early or late): known before the slots are labelled. */
  count: number
  lines: number
  slots: SlotView[]
}

const cache = new Map<string, Intl.DateTimeFormat>()
/** An `Intl.DateTimeFormat`, cached: building one costs more than formatting with it. */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options)
  let format = cache.get(key)
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(locale, options)))
  return format
}

/** `America/New_York` → `New York`: how people name a zone. */
export const placeOf = (zone: string) => zone.split('/').pop()!.replace(/_/g, ' ')

/**
 * Groups slots (UTC instants) into the visitor's days and labels each in
 * the visitor's zone and their locale's 12/24-hour clock; where the
 * business's wall clock reads differently, the slot names that time too
 * ("4:00 AM your time, 9:00 AM in London"). A day's slots are labelled when
 * first read: the panel shows one day at a time, and a week of 15-minute
 * slots is some 300 `Intl` calls that a throttled phone feels on opening.
 */
export function slotDays(slots: number[], locale: string, visitorZone: string, businessZone: string, texts: Texts): DayView[] {
  const time = (timeZone: string) => dateFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone })
  const day = dateFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: visitorZone })
  const place = placeOf(businessZone)
  // The visitor's wall clock in minutes, by the formatter the days are found with (building another costs a phone milliseconds).
  const clock = (at: number) => {
    const part: Record<string, number> = {}
    for (const { type, value } of zoneClock(visitorZone).formatToParts(at)) part[type] = +value
    return part.hour! * 60 + part.minute!
  }
  const view = (at: number): SlotView => {
    const label = time(visitorZone).format(at)
    const there = time(businessZone).format(at)
    const theirs = there !== label ? fill(texts.theirs, { time: there, place }) : undefined
    const minutes = clock(at)
    const odd = minutes < 480 ? texts.early : minutes > 1260 ? texts.late : undefined
    const name = (theirs ? fill(texts.yours, { time: label }) + ', ' + theirs : label) + (odd ? ', ' + odd : '')
    return { at, label, theirs, odd, name }
  }
  const days: DayView[] = []
  const groups: number[][] = []
  let instants: number[] = []
  // The instant the current day ends for the visitor: their next midnight.
  let end = -Infinity
  for (const at of slots) {
    if (at >= end) {
      const key = localDate(at, visitorZone)
      const [y, m, d] = key.split('-').map(Number) as [number, number, number]
      end = wallTimeToUtc(y, m, d + 1, 0, visitorZone)
      const own: number[] = (instants = [])
      groups.push(own)
      let labelled: SlotView[] | undefined
      // `Mon, Nov 30` as the strip's two lines: the weekday, and the rest without the separator beside it.
      const parts = day.formatToParts(at)
      const at0 = parts.findIndex((part) => part.type === 'weekday')
      days.push({
        key,
        label: parts.map((part) => part.value).join(''),
        weekday: parts[at0]!.value,
        date: parts
          .filter((part, i) => i !== at0 && !(part.type === 'literal' && Math.abs(i - at0) === 1))
          .map((part) => part.value)
          .join('')
          .trim(),
        count: 0,
        lines: 1,
        get slots() {
          return (labelled ||= own.map(view))
        }
      })
    }
    instants.push(at)
  }
  // A day's first and last slots say whether its times read differently
  // there, or are early or late here: the buttons' size, before any is labelled.
  days.forEach((d, i) => {
    const own = groups[i]!
    const ends = [view(own[0]!), view(own[own.length - 1]!)]
    d.count = own.length
    d.lines = 1 + (ends.some((v) => v.theirs) ? 1 : 0) + (ends.some((v) => v.odd) ? 1 : 0)
  })
  return days
}
