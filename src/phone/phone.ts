import { type CountryCode, getCountryCallingCode, type MetadataJson, parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/core'
import { retryable } from '../core/retryable'

/** Why a number was refused, in the terms the widget and the `error` event explain. */
export type PhoneProblem = 'empty' | 'not_a_number' | 'too_short' | 'too_long' | 'invalid' | 'country_not_allowed'

export type PhoneCheck = { ok: true; e164: string; country?: string } | { ok: false; problem: PhoneProblem }

export interface Phone {
  /** Loads the metadata these countries need (once each). */
  ensure(countries: string[]): Promise<void>
  /**
   * Checks what a visitor typed, in any common format (`07400 123456`,
   * `+44 (0)7400 123456`, `0044…`), for `country` when it is national.
   * International numbers of countries whose metadata is not loaded yet
   * load it (all countries, as a fallback) before the answer.
   */
  check(input: string, country: string, allowed?: string[]): Promise<PhoneCheck>
  /** The merged metadata loaded so far, for libphonenumber-js's own functions (as-you-type). */
  metadata(): MetadataJson
  /**
   * Formats what a visitor is typing, as they type (see `formatPhone`).
   * Needs the metadata of `country` loaded (`ensure`) and the formatter
   * (`formatter`); until it has arrived, the text comes back as typed.
   */
  format(input: string, country: string, allowed?: string[]): { text: string; country: string }
  /** Loads the as-you-type formatter (its own lazy file, for the widget's field only). */
  formatter(): Promise<void>
  /** The dialling code of a country whose metadata is loaded (`GB` → `44`), or `''`. */
  callingCode(country: string): string
  /**
   * A mobile number of `country` as the visitor would write it (`GB` →
   * `07400 123456`, `US` → `(201) 555-0123`), for a placeholder: loaded with
   * that country's group of metadata (not with `all`); `''` where there is none.
   */
  example(country: string): Promise<string>
}

interface Group {
  version?: number
  country_calling_codes: Record<string, string[]>
  countries: Record<string, unknown>
  nonGeographic?: Record<string, unknown>
  /** National digits of a mobile number per country (the build adds them to each group's file). */
  examples?: Record<string, string>
}

const own = Object.prototype.hasOwnProperty

/**
 * Phone numbers with libphonenumber-js's core and the `min` metadata, loaded
 * per calling-code group rather than all at once: a British site needs the
 * +44 group (1.3 KB), not 16 KB for the world. `load` fetches one group
 * (`GB`) or everything (`all`).
 */
export function createPhone(load: (key: string) => Promise<unknown>): Phone {
  const merged: Group = { country_calling_codes: {}, countries: {}, nonGeographic: {} }
  const pending: Record<string, Promise<void> | undefined> = {}
  const examples: Record<string, string> = {}
  let all = false

  const merge = (value: unknown) => {
    const group = ((value as { default?: unknown }).default || value) as Group
    merged.version = group.version
    for (const code of Object.keys(group.country_calling_codes)) merged.country_calling_codes[code] = group.country_calling_codes[code]!
    for (const country of Object.keys(group.countries)) merged.countries[country] = group.countries[country]
    for (const code of Object.keys(group.nonGeographic || {})) merged.nonGeographic![code] = group.nonGeographic![code]
    for (const country of Object.keys(group.examples || {})) examples[country] = group.examples![country]!
  }

  /** One group's file (or `all`), fetched once; forgotten when it fails. */
  const fetchGroup = (key: string): Promise<void> =>
    (pending[key] ||= load(key).then(
      (value) => {
        merge(value)
        if (key === 'all') all = true
      },
      (error: unknown) => {
        pending[key] = undefined
        throw error
      }
    ))

  const ensureOne = (key: string): Promise<void> => (all || merged.countries[key] ? Promise.resolve() : fetchGroup(key))

  const ensure = (countries: string[]) => Promise.all(countries.map((c) => ensureOne(c))).then(() => undefined)

  const metadata = () => merged as unknown as MetadataJson

  /** `+CC…` or `00CC…` whose calling code no loaded group knows. */
  const unknownInternational = (input: string): boolean => {
    const digits = input.replace(/[^\d+]/g, '')
    const match = /^(?:\+|00)(\d{1,3})/.exec(digits)
    if (!match) return false
    for (let n = 1; n <= 3; n++) if (merged.country_calling_codes[match[1]!.slice(0, n)]) return false
    return true
  }

  const checkLoaded = (input: string, country: string, allowed?: string[]): PhoneCheck => {
    const text = input.trim()
    if (!/\d/.test(text)) return { ok: false, problem: text ? 'not_a_number' : 'empty' }
    const defaultCountry = (merged.countries[country] ? country : undefined) as CountryCode | undefined
    const parsed = parsePhoneNumberFromString(text, { defaultCountry, extract: false }, metadata())
    if (!parsed || !parsed.isValid()) {
      const length = validatePhoneNumberLength(text, { defaultCountry }, metadata())
      return {
        ok: false,
        problem: length === 'TOO_SHORT' ? 'too_short' : length === 'TOO_LONG' ? 'too_long' : length === 'NOT_A_NUMBER' ? 'not_a_number' : 'invalid'
      }
    }
    if (allowed && allowed.length && !(parsed.country && allowed.indexOf(parsed.country) >= 0)) {
      return { ok: false, problem: 'country_not_allowed' }
    }
    return { ok: true, e164: parsed.number, country: parsed.country }
  }

  let formatting: typeof import('./formatPhone') | undefined
  const formatter = retryable(() => import('./formatPhone').then((module) => void (formatting = module)))
  const format = (input: string, country: string, allowed?: string[]) =>
    formatting ? formatting.formatPhone(metadata(), input, country, allowed) : { text: input, country }

  return {
    ensure,
    metadata,
    format,
    formatter,
    callingCode(country) {
      try {
        return merged.countries[country] ? getCountryCallingCode(country as CountryCode, metadata()) : ''
      } catch {
        return ''
      }
    },
    example(country) {
      // A site that offers every country has `all` loaded, which carries no examples: the group's file brings it.
      return (own.call(examples, country) ? Promise.resolve() : fetchGroup(country)).then(() => {
        const parsed = own.call(examples, country) && parsePhoneNumberFromString(examples[country]!, { defaultCountry: country as CountryCode }, metadata())
        return parsed ? parsed.formatNational() : ''
      })
    },
    check(input, country, allowed) {
      return ensure([country])
        .then(() => (unknownInternational(input) ? ensure(['all']) : undefined))
        .then(() => checkLoaded(input, country, allowed))
    }
  }
}
