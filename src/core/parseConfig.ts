import { CLOCK_TIME, COUNTRY_CODE, HEX_COLOUR, LOCAL_DATE } from '../contract/formats'
import { LIMITS } from '../contract/limits'
import { WEEKDAYS } from '../contract/weekdays'
import type { SiteConfig } from '../schema'
import { pick } from './fetchConfig'
import { zoneClock } from '../contract/openingHours'

/** What the lazy files work from: the checked config, and what was wrong with the one sent. */
export interface ParsedConfig {
  config: SiteConfig
  /** `false` when the business's hours or time zone are unusable: the widget stays hidden. */
  widgetUsable: boolean
  /** Paths of the config that failed the schema and were replaced by defaults. */
  problems: string[]
}

/** Defaults for each section a broken config can safely fall back on. */
const DEFAULTS = {
  scheduling: { slotMinutes: 15, leadMinutes: 10, horizonDays: 7 },
  widget: { enabled: true, position: 'bottom-right', accent: '#0a7d5a' },
  forms: { capture: 'auto' },
  // The strictest choices: ask for consent, keep nothing before it.
  privacy: { consent: 'required', storage: 'after-consent' }
} as const

// The browser checks the config by hand, field for field as `SiteConfig` in
// src/schema.ts says (test/core/parseConfig.test.ts holds the two to the same
// verdicts), rather than with zod: zod cannot build its schemas on a page
// whose `Object.prototype` has enumerable properties (its `for…in` loops read
// them as members), and building and running them cost a click on the
// launcher about 40 ms of a throttled phone's main thread.

/** Thrown by a field check; caught per section, whose defaults then apply. */
const BAD = {}
const fail = (): never => {
  throw BAD
}
const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value)
const object = (value: unknown) => (isObject(value) ? value : fail())
const text = (value: unknown, max: number, min = 1) => (typeof value === 'string' && value.length >= min && value.length <= max ? value : fail())
const matching = (value: unknown, pattern: RegExp) => (typeof value === 'string' && pattern.test(value) ? value : fail())
const between = (value: unknown, min: number, max: number) =>
  Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max ? (value as number) : fail()
const oneOf = <T extends string>(value: unknown, values: readonly T[]) => (values.indexOf(value as T) >= 0 ? (value as T) : fail())
const bool = (value: unknown) => (typeof value === 'boolean' ? value : fail())
const list = <T>(value: unknown, item: (value: unknown) => T) => (Array.isArray(value) ? value.map(item) : fail())
/** Own keys only, and never one that would reach a prototype when assigned. */
const entries = (value: Record<string, unknown>) =>
  Object.keys(value)
    .filter((key) => key !== '__proto__')
    .map((key) => [key, value[key]] as const)
/** An optional field: absent (or `undefined`) leaves it out; anything else must pass `check`. */
function optional<T>(out: Record<string, unknown>, from: unknown, key: string, check: (value: unknown) => T) {
  const value = pick(from, key)
  if (value !== undefined) out[key] = check(value)
}

const DOMAIN = /^(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/
const country = (value: unknown) => matching(value, COUNTRY_CODE)
const strings = (value: unknown) => list(value, (item) => text(item, Infinity, 0))

/** An absolute http(s) URL on a domain name, as zod's `httpUrl()` accepts it. */
function httpUrl(value: unknown): string {
  const trimmed = typeof value === 'string' ? value.trim() : fail()
  try {
    const url = new URL(trimmed)
    if (/^https?:$/.test(url.protocol) && DOMAIN.test(url.hostname)) return trimmed.replace(/[\t\n\r]/g, '')
  } catch {}
  return fail()
}

/** Each section's check, given an object (the caller has made sure of that). */
const SECTIONS = {
  business: (v: Record<string, unknown>) => ({ name: text(pick(v, 'name'), LIMITS.name), timeZone: text(pick(v, 'timeZone'), LIMITS.timeZone) }),
  hours(v: Record<string, unknown>) {
    const weekly: Record<string, [string, string][]> = {}
    for (const [day, ranges] of entries(object(pick(v, 'weekly')))) {
      weekly[oneOf(day, WEEKDAYS)] = list(ranges, (range) =>
        Array.isArray(range) && range.length === 2 ? [matching(range[0], CLOCK_TIME), matching(range[1], CLOCK_TIME)] : fail()
      )
    }
    const out: Record<string, unknown> = { weekly }
    optional(out, v, 'closed', (value) => list(value, (item) => matching(item, LOCAL_DATE)))
    return out
  },
  scheduling: (v: Record<string, unknown>) => ({
    slotMinutes: between(pick(v, 'slotMinutes'), 5, 240),
    leadMinutes: between(pick(v, 'leadMinutes'), 0, 7 * 24 * 60),
    horizonDays: between(pick(v, 'horizonDays'), 1, 60)
  }),
  phone(v: Record<string, unknown>) {
    const out: Record<string, unknown> = { defaultCountry: country(pick(v, 'defaultCountry')) }
    optional(out, v, 'countries', (value) => list(value, country))
    return out
  },
  widget(v: Record<string, unknown>) {
    const out: Record<string, unknown> = {
      enabled: bool(pick(v, 'enabled')),
      position: oneOf(pick(v, 'position'), ['bottom-right', 'bottom-left']),
      accent: matching(pick(v, 'accent'), HEX_COLOUR)
    }
    optional(out, v, 'locale', (value) => text(value, LIMITS.locale))
    optional(out, v, 'texts', (value) => {
      const texts: Record<string, string> = {}
      for (const [key, item] of entries(object(value))) texts[key] = text(item, LIMITS.text, 0)
      return texts
    })
    optional(out, v, 'offset', (value) => {
      const offset = object(value)
      return { x: between(pick(offset, 'x'), 0, 200), y: between(pick(offset, 'y'), 0, 200) }
    })
    optional(out, v, 'label', (value) => text(value, LIMITS.short))
    optional(out, v, 'icon', (value) => oneOf(value, ['phone', 'chat', 'none']))
    optional(out, v, 'triggers', (value) => {
      const given = object(value)
      const triggers: Record<string, unknown> = {}
      optional(triggers, given, 'afterSeconds', (s) => between(s, 1, 3600))
      optional(triggers, given, 'exitIntent', bool)
      optional(triggers, given, 'scrollPercent', (p) => between(p, 1, 100))
      return triggers
    })
    return out
  },
  forms(v: Record<string, unknown>) {
    const out: Record<string, unknown> = { capture: oneOf(pick(v, 'capture'), ['auto', 'marked', 'off']) }
    optional(out, v, 'include', strings)
    optional(out, v, 'exclude', strings)
    optional(out, v, 'confirm', bool)
    return out
  },
  privacy(v: Record<string, unknown>) {
    const out: Record<string, unknown> = {
      consent: oneOf(pick(v, 'consent'), ['required', 'notice', 'none']),
      storage: oneOf(pick(v, 'storage'), ['always', 'after-consent', 'never'])
    }
    optional(out, v, 'policyUrl', httpUrl)
    optional(out, v, 'consentText', (value) => text(value, LIMITS.text))
    return out
  }
}
type Section = keyof typeof SECTIONS

/** The visitor's region from their locale (`en-GB` → `GB`): the default country of a config that names none. */
export const regionOf = (locale: string) => (/[-_]([A-Za-z]{2})\b/.exec(locale) || [])[1]?.toUpperCase() || 'US'

const cache = new WeakMap<object, ParsedConfig>()

/**
 * Checks the site config section by section against the contract's schema.
 * A section that fails is replaced by safe defaults where there are any
 * (widget look, form capture, privacy at its strictest, scheduling steps);
 * without usable business hours or a time zone the widget stays hidden,
 * since it could only promise calls it cannot place. Form capture goes on:
 * the platform decides when to call. `report` (the host's) hears of any
 * problem once, as an `error` event with code `config_invalid`. Only fields
 * the contract names are kept.
 */
export function parseConfig(raw: unknown, siteId: string, fallbackCountry: string, report?: (error: Error, code: string) => void): ParsedConfig {
  if (raw && typeof raw === 'object' && cache.has(raw)) return cache.get(raw)!
  const problems: string[] = []
  const section = <K extends Section>(key: K, fallback: unknown): SiteConfig[K] => {
    try {
      return SECTIONS[key](object(pick(raw, key))) as SiteConfig[K]
    } catch (error) {
      if (error !== BAD) throw error
      problems.push(key)
      return fallback as SiteConfig[K]
    }
  }
  const business = section('business', undefined)
  const hours = section('hours', undefined)
  let timeZoneOk = !!business
  try {
    // The opening-hours clock itself: checked here, built once, used by the panel.
    if (business) zoneClock(business.timeZone)
  } catch {
    timeZoneOk = false
    problems.push('business.timeZone')
  }
  const config: SiteConfig = {
    siteId,
    business: business || { name: '', timeZone: 'UTC' },
    hours: hours || { weekly: {} },
    scheduling: section('scheduling', DEFAULTS.scheduling),
    phone: section('phone', { defaultCountry: fallbackCountry }),
    widget: section('widget', DEFAULTS.widget),
    forms: section('forms', DEFAULTS.forms),
    privacy: section('privacy', DEFAULTS.privacy)
  }
  const parsed = { config, widgetUsable: timeZoneOk && !!hours, problems }
  if (raw && typeof raw === 'object') cache.set(raw, parsed)
  // Once per config (the cache answers later calls): the site owner's tools see an `error` event.
  if (problems.length && report) {
    report(
      new Error('The site config does not match the schema (' + problems.join(', ') + '); ' + (parsed.widgetUsable ? 'defaults are used.' : 'the widget stays hidden.')),
      'config_invalid'
    )
  }
  return parsed
}
