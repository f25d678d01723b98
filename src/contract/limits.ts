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
