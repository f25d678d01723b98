/**
 * The widget's English strings, the built-in default. Other languages are
 * small lazy files (`./i18n/*.ts`) that override any of them, and the site
 * config's `widget.texts` overrides any key after that. `{name}` marks a
 * value filled in at run time; everything is rendered as text, never HTML.
 */
export const EN = {
  launcher: 'Call me back',
  title: 'Request a callback',
  close: 'Close',
  intro: 'Leave your number and we will call you right away.',
  phone: 'Your phone number',
  country: 'Country',
  now: 'Call me now',
  slot: 'Call me at this time',
  sending: 'Sending…',
  later: 'Pick a time instead',
  instead: 'Call me now instead',
  consent: 'I agree to be called back about my request.',
  notice: 'We use your number only to call you back.',
  policy: 'Privacy policy',
  needConsent: 'Please tick the box to agree to the call.',
  closed: 'We are closed right now, so we cannot call you straight away.',
  reopens: 'We open again {time}.',
  pick: 'Pick a time and we will call you then.',
  day: 'Day',
  time: 'Time',
  yours: '{time} your time',
  theirs: '{time} in {place}',
  zone: 'Times are in your time zone ({zone}).',
  noSlots: 'There are no free times in the next days. Please try again later.',
  needSlot: 'Please pick a time.',
  // The platform refused the chosen time (`slot_unavailable`): someone else took it, or it passed.
  taken: 'That time is no longer free. Please pick another.',
  calling: 'We are calling you now on {phone}.',
  eta: 'Your phone should ring within {seconds} seconds.',
  soon: 'Your phone should ring any moment now.',
  // `{date}` is the weekday and date, `{time}` the time (and the business's, where it reads differently), both by `Intl`.
  scheduled: 'We will call you on {phone} on {date} at {time}.',
  // At one o'clock, where a language words it otherwise (Spanish "a la 1:00", not "a las"); empty: `scheduled`.
  scheduledOne: '',
  booked: 'You’re booked',
  callingNow: 'We’re calling you now',
  saved: 'Request saved',
  wrong: 'Wrong number?',
  change: 'Change it',
  calendar: 'Add to calendar',
  event: 'Call from {name}',
  noCall: 'Didn’t get a call?',
  early: 'early morning for you',
  late: 'late evening for you',
  queued: 'You seem to be offline. Your request is saved and will be sent as soon as you are back online.',
  retry: 'Try again',
  // The confirmation's own button: the × beside the title is `close`, and two controls never share a name.
  done: 'Done',
  // Named after the phone check's problems (`PhoneProblem`; `not_a_number` reads as `invalid`).
  empty: 'Please enter your phone number.',
  too_short: 'This number is too short. Please check it.',
  too_long: 'This number is too long. Please check it.',
  invalid: 'This does not look like a valid phone number. Please check it.',
  country_not_allowed: 'We can only call numbers from {countries}.',
  again: 'We already have your request for this number. Please wait a minute before asking again.',
  failed: 'Something went wrong. Please try again.'
}

export type Texts = typeof EN
export type TextKey = keyof Texts

/** Fills `{name}` placeholders with text. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all))
}
