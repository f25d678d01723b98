/**
 * The contract's constants, free of zod: the schemas in `./schema` use them,
 * and so does browser code, which must not pull zod in (see parseConfig).
 */

/**
 * Upper bounds of every free-text field, in UTF-16 code units. The SDK
 * truncates to these before sending; the platform rejects anything longer.
 */
export const LIMITS = {
  id: 100,
  name: 200,
  email: 254,
  message: 2000,
  url: 2048,
  title: 300,
  text: 2000,
  utm: 300,
  clickId: 500,
  clickIds: 20,
  short: 100,
  locale: 35,
  timeZone: 64
} as const

/** A wall-clock time `HH:MM` in the business time zone; `24:00` ends a day. */
export const CLOCK_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/
/** A local date `YYYY-MM-DD`. */
export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/
/** An ISO 3166-1 alpha-2 country code, upper case. */
export const COUNTRY_CODE = /^[A-Z]{2}$/
/** The widget's accent colour: `#rrggbb`. */
export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/

/** Days of the week as the config's `hours.weekly` keys them. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
export type Weekday = (typeof WEEKDAYS)[number]
