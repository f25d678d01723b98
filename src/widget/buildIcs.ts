/** What a calendar entry for a scheduled call says. */
export interface CallEvent {
  /** The request's id: the event's UID, so that adding it twice updates one entry. */
  id: string
  /** The entry's title (`Call from Acme Plumbing`). */
  title: string
  /** When the call is, as a UTC instant (ms). */
  start: number
  minutes: number
  /** When the entry was made (DTSTAMP). */
  now: number
}

/** `20261203T050000Z`: an iCalendar UTC date-time. */
const utc = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d+/g, '')

/** TEXT values escape backslash, `;`, `,` and line breaks (RFC 5545 §3.3.11). */
const escape = (text: string) => text.replace(/[\\;,]/g, '\\$&').replace(/\r?\n|\r/g, '\\n')

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines
 * start with a space, and a multi-byte character is never split.
 */
function fold(line: string): string {
  const parts: string[] = []
  let part = ''
  let bytes = 0
  for (const char of line) {
    const size = new TextEncoder().encode(char).length
    if (bytes + size > (parts.length ? 74 : 75)) {
      parts.push(part)
      part = ''
      bytes = 0
    }
    part += char
    bytes += size
  }
  parts.push(part)
  return parts.join('\r\n ')
}

/**
 * An iCalendar file (`.ics`) with one event for a scheduled call: made in
 * the browser, so adding it to a calendar sends nothing anywhere. Times are
 * UTC, which every calendar shows in its owner's zone.
 */
export function buildIcs(event: CallEvent): string {
  return (
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//ringback//widget//EN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:' + escape(event.id),
      'DTSTAMP:' + utc(event.now),
      'DTSTART:' + utc(event.start),
      'DTEND:' + utc(event.start + event.minutes * 60000),
      'SUMMARY:' + escape(event.title),
      'END:VEVENT',
      'END:VCALENDAR'
    ]
      .map(fold)
      .join('\r\n') + '\r\n'
  )
}
