/**
 * Country calling codes of one and two digits (ITU-T E.164 assignments); all
 * others have three. Knowing where the code ends lets the mask show the same
 * part of every number: the code and the first three national digits.
 */
const SHORT_CODE = /^(?:1|7|2[07]|3[0-469]|4[013-9]|5[1-8]|6[0-6]|8[1246]|9[0-58])/

/**
 * Masks an E.164 number for anything a person or an analytics tool may see,
 * as the platform contract prescribes: the country code and the first digits,
 * `•••`, then the last four (`+447400123456` → `+44740•••3456`,
 * `+15405551234` → `+1540•••1234`). At least three digits stay hidden
 * (two in numbers too short for that).
 */
export function maskPhone(e164: string): string {
  const digits = e164.replace(/\D/g, '')
  const code = (SHORT_CODE.exec(digits) || [digits.slice(0, 3)])[0]
  const national = digits.slice(code.length)
  const tail = Math.max(0, Math.min(4, national.length - 2))
  const lead = Math.max(0, Math.min(3, national.length - tail - 3))
  return '+' + code + national.slice(0, lead) + '•••' + national.slice(national.length - tail)
}
