import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

/**
 * Number types a callback must never dial: they cost the business money
 * (premium rate, shared cost, personal numbering, universal access) or cannot
 * take a call (pagers, voicemail). Calling them on request is how callback
 * widgets get abused for toll fraud.
 */
const REFUSED_TYPES = new Map([
  ['PREMIUM_RATE', 'premium-rate numbers cannot be called back'],
  ['SHARED_COST', 'shared-cost numbers cannot be called back'],
  ['PERSONAL_NUMBER', 'personal numbering services cannot be called back'],
  ['UAN', 'universal access numbers cannot be called back'],
  ['PAGER', 'pagers cannot take a call'],
  ['VOICEMAIL', 'voicemail numbers cannot take a call']
])

/**
 * Strict validation with libphonenumber-js's full (`max`) metadata, which
 * knows number types; the browser only checks lengths and prefixes with
 * the small metadata. Returns a reason the visitor can read, or undefined.
 */
export function checkPhone(e164: string, countries: string[] | undefined): string | undefined {
  const phone = parsePhoneNumberFromString(e164)
  if (!phone || !phone.isValid()) return 'this is not a valid phone number'
  const refused = REFUSED_TYPES.get(phone.getType() || '')
  if (refused) return refused
  if (countries && countries.length && !(phone.country && countries.includes(phone.country))) {
    return 'this business only calls numbers in ' + countries.join(', ')
  }
  return undefined
}
