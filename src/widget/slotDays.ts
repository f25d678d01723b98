import { localDate } from '../core/openingHours'
import { fill, type Texts } from './texts'

/** A slot as the visitor sees it. */
export interface SlotView {
  at: number
  /** The time in the visitor's zone (`4:00 AM`). */
  label: string
  /** The time where the business is, when it reads differently (`9:00 AM in London`). */
  theirs?: string
  /** The accessible name: both times when they differ. */
  name: string
}

/** One day of slots, by the visitor's own calendar. */
export interface DayView {
  key: string
  label: string
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
 * ("4:00 AM your time, 9:00 AM in London").
 */
export function slotDays(slots: number[], locale: string, visitorZone: string, businessZone: string, texts: Texts): DayView[] {
  const time = (timeZone: string) => dateFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone })
  const mine = time(visitorZone)
  const theirTime = time(businessZone)
  const day = dateFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: visitorZone })
  const place = placeOf(businessZone)
  const days: DayView[] = []
  for (const at of slots) {
    const key = localDate(at, visitorZone)
    let current = days[days.length - 1]
    if (!current || current.key !== key) days.push((current = { key, label: day.format(at), slots: [] }))
    const label = mine.format(at)
    const there = theirTime.format(at)
    const theirs = there !== label ? fill(texts.theirs, { time: there, place }) : undefined
    current.slots.push({ at, label, theirs, name: theirs ? fill(texts.yours, { time: label }) + ', ' + theirs : label })
  }
  return days
}
