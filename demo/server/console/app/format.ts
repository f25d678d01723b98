/** Formatting in the business's time zone, whatever the owner's device says. */
export function timeFormat(timeZone: string) {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' })
  return (iso: string | undefined) => (iso ? format.format(Date.parse(iso)) : '—')
}

/** `95` → `1 min 35 s`. */
export function duration(seconds: number | undefined): string {
  if (seconds === undefined) return '—'
  if (seconds < 60) return seconds + ' s'
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return minutes + ' min' + (seconds % 60 ? ' ' + (seconds % 60) + ' s' : '')
  return Math.floor(minutes / 60) + ' h ' + (minutes % 60) + ' min'
}

export const percent = (part: number, whole: number) => (whole ? Math.round((100 * part) / whole) + '%' : '—')

/**
 * Short labels for stored values. A Map, not an object: the values come from
 * visitors (a campaign or device type may be `__proto__` or `constructor`),
 * and an object lookup would answer with Object.prototype's members.
 */
export const LABELS = new Map(
  Object.entries({
    widget: 'Widget',
    form: 'Form',
    asap: 'Call now',
    slot: 'Chosen time',
    calling: 'Calling',
    scheduled: 'Scheduled',
    attempted: 'Attempted',
    connected: 'Connected',
    missed: 'Missed',
    opted_out: 'Opted out',
    unknown: 'Unknown',
    direct: 'Direct',
    organic: 'Organic search',
    paid: 'Paid',
    social: 'Social',
    email: 'Email',
    referral: 'Referral',
    other: 'Other',
    mobile: 'Mobile',
    tablet: 'Tablet',
    desktop: 'Desktop'
  })
)
export const label = (value: string | undefined) => (value === undefined ? '—' : (LABELS.get(value) ?? value))
