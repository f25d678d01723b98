import type { RingbackEvents } from '../core/events'

const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString()

/**
 * The platform's answer as a sentence for the visitor, with the time in
 * their own time zone and clock format: "We're calling you now." or
 * "We'll call you tomorrow at 09:00."
 */
export function describeAnswer(answer: RingbackEvents['success'], business: string, now = new Date(), locale?: string): string {
  const who = business || 'We'
  const at = answer.scheduledFor ? new Date(answer.scheduledFor) : undefined
  if (answer.status === 'calling' || !at || isNaN(at.getTime())) {
    return 'Thanks! ' + (business ? business + ' is' : "We're") + ' calling you now.'
  }
  const time = at.toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' })
  const tomorrow = new Date(now.getTime())
  tomorrow.setDate(now.getDate() + 1)
  const day = sameDay(at, now) ? 'today' : sameDay(at, tomorrow) ? 'tomorrow' : 'on ' + at.toLocaleDateString(locale, { weekday: 'long', day: 'numeric', month: 'long' })
  return 'Thanks! ' + who + ' will call you ' + day + ' at ' + time + '.'
}
