/**
 * The contract's text formats, free of zod: the schemas in `../schema` build
 * on them, and so does browser code, which must not pull zod in (see
 * core/parseConfig).
 */

/** A wall-clock time `HH:MM` in the business time zone; `24:00` ends a day. */
export const CLOCK_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/
/** A local date `YYYY-MM-DD`. */
export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/
/** An ISO 3166-1 alpha-2 country code, upper case. */
export const COUNTRY_CODE = /^[A-Z]{2}$/
/** The widget's accent colour: `#rrggbb`. */
export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/
