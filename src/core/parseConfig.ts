import * as z from 'zod/mini'
import { SiteConfig } from '../schema'

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

const cache = new WeakMap<object, ParsedConfig>()

/**
 * Checks the site config section by section against the contract's schema.
 * A section that fails is replaced by safe defaults where there are any
 * (widget look, form capture, privacy at its strictest, scheduling steps);
 * without usable business hours or a time zone the widget stays hidden,
 * since it could only promise calls it cannot place. Form capture goes on:
 * the platform decides when to call. `report` (the host's) hears of any
 * problem once, as an `error` event with code `config_invalid`.
 */
export function parseConfig(
  raw: unknown,
  siteId: string,
  fallbackCountry: string,
  report?: (error: Error, code: string) => void
): ParsedConfig {
  if (raw && typeof raw === 'object' && cache.has(raw)) return cache.get(raw)!
  const source = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
  const problems: string[] = []
  const section = <K extends keyof typeof SiteConfig.shape>(key: K, fallback: unknown): z.infer<(typeof SiteConfig.shape)[K]> => {
    const result = SiteConfig.shape[key].safeParse(source[key])
    if (result.success) return result.data as z.infer<(typeof SiteConfig.shape)[K]>
    problems.push(key)
    return fallback as z.infer<(typeof SiteConfig.shape)[K]>
  }
  const business = section('business', undefined)
  const hours = section('hours', undefined)
  let timeZoneOk = !!business
  try {
    if (business) new Intl.DateTimeFormat('en', { timeZone: business.timeZone })
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
    report(new Error('The site config does not match the schema (' + problems.join(', ') + '); ' + (parsed.widgetUsable ? 'defaults are used.' : 'the widget stays hidden.')), 'config_invalid')
  }
  return parsed
}
