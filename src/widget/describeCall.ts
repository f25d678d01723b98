import { dateFormat, placeOf } from './slotDays'
import { fill, type Texts } from './texts'

/**
 * The sentence that confirms a scheduled call, in the widget's language:
 * the weekday and date, then the time, each formatted by `Intl` in the
 * visitor's zone and clock, put into the language's own sentence (`on
 * Thursday, 3 December at 5:00` in English, `am Donnerstag, 3. Dezember um
 * 05:00` in German), with the business's time beside the visitor's where
 * it reads differently.
 */
export function describeCall(texts: Texts, phone: string, at: number, locale: string, visitorZone: string, businessZone: string): string {
  const time = (timeZone: string) => dateFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone })
  const mine = time(visitorZone)
  const label = mine.format(at)
  const there = time(businessZone).format(at)
  const hour = mine.formatToParts(at).find((part) => part.type === 'hour')
  const template = (hour && +hour.value === 1 && texts.scheduledOne) || texts.scheduled
  // A time that ends in a full stop (`1:00 p.m.`) at the end of the sentence has one only.
  return fill(template, {
    phone,
    date: dateFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: visitorZone }).format(at),
    time: there === label ? label : label + ' (' + fill(texts.theirs, { time: there, place: placeOf(businessZone) }) + ')'
  }).replace(/\.\.$/, '.')
}
