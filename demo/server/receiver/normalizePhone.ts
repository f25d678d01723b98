import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

/**
 * The one E.164 form of a number, as libphonenumber-js formats it:
 * `+4407400300001` (a stray national 0) is `+447400300001`. Everything that
 * keys on a number (storage, the per-number limit, erasure, the masked
 * display) uses this form, so that one line is never counted or kept as
 * two. A number it cannot parse is returned as given (validation refuses it).
 */
export function normalizePhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.number ?? e164
}
