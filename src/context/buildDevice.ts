import type { Device } from '../schema'
import type { RawContext, UaHints } from '../core/readContext'
import { compact } from '../core/clip'
import { readUserAgent } from './readUserAgent'

/** Client-hint platform names as ua-parser-js names the same systems. */
const PLATFORM: Record<string, string> = { macOS: 'Mac OS', 'Chrome OS': 'Chromium OS', 'Chromium OS': 'Chromium OS' }

/** Client-hint brands as ua-parser-js names the same browsers; GREASE brands (`Not A(Brand`) are dropped. */
const BRAND: Record<string, string> = {
  'Google Chrome': 'Chrome',
  'Microsoft Edge': 'Edge',
  Opera: 'Opera',
  'Opera GX': 'Opera GX',
  Brave: 'Brave',
  YaBrowser: 'Yandex',
  'Yandex Browser': 'Yandex',
  Vivaldi: 'Vivaldi',
  'Samsung Internet': 'Samsung Internet',
  'Android WebView': 'Chrome WebView'
}

/** `14.0.0` → `14`, `14.5.0` → `14.5`: the precision user agents use. */
const trimVersion = (version: string): string => version.replace(/(?:\.0)+$/, '')

/**
 * The OS version client hints tell where the user agent no longer does:
 * Chrome freezes Windows at `10.0` (platformVersion 13 and up is Windows 11),
 * macOS at 10.15.7 and Android at 10.
 */
function osVersion(platform: string, version: string): string | undefined {
  const [major, minor] = version.split('.').map(Number) as [number, number]
  if (platform !== 'Windows') return trimVersion(version) || undefined
  if (major >= 13) return '11'
  if (major >= 1) return '10'
  return ['7', '8', '8.1'][minor - 1]
}

function browserFromHints(hints: UaHints, base: Device['browser']): Device['browser'] {
  const list = hints.fullVersionList || hints.brands
  if (!list || !list.length) return base
  let chromium: { name: string; version: string } | undefined
  for (const { brand, version } of list) {
    if (brand === 'Chromium') chromium = { name: 'Chromium', version }
    const name = BRAND[brand]
    // Only where the user agent cannot tell them apart (Brave's is Chrome's) or gives less detail.
    if (name && (!base || !base.name || base.name === 'Chrome' || base.name === 'Chromium' || base.name === name)) {
      const full = hints.fullVersionList || !base || base.name !== name || !base.version
      return { name, version: full ? version : base.version }
    }
  }
  return base && base.name ? base : chromium
}

/**
 * The contract's `device`: ua-parser-js's reading of the user agent (or, if
 * a request is made before its lazy file has arrived, a cheap reading),
 * refined by what client hints and the touch screen tell:
 * - Windows 11, the real macOS and Android versions and the phone model,
 *   which reduced user agents hide;
 * - Brave and other Chromium browsers that share Chrome's user agent;
 * - iPadOS Safari, which asks for desktop pages with a Mac's user agent: a
 *   Mac has no touch screen, so `Macintosh` with touch points is an iPad.
 * Parts that cannot be known are left out.
 */
export function buildDevice(raw: RawContext): Device | undefined {
  const base: Device = raw.parsed || readUserAgent(raw.ua) || {}
  let { type, vendor, model, os, browser } = base
  if (/Macintosh/.test(raw.ua) && raw.touchPoints > 1) {
    type = 'tablet'
    vendor = 'Apple'
    model = 'iPad'
    // The version is the frozen Mac one, not the iPad's: leave it out.
    os = { name: 'iOS' }
  }
  const hints = raw.hints
  if (hints) {
    if (hints.mobile) type = 'mobile'
    else if (!type && hints.mobile === false && hints.platform) type = 'desktop'
    if (hints.model) model = hints.model
    const platform = hints.platform && (PLATFORM[hints.platform] || hints.platform)
    if (platform && (!os || !os.name || os.name === platform)) {
      const version = hints.platformVersion ? osVersion(hints.platform!, hints.platformVersion) : undefined
      os = compact({ name: platform, version: version || (os && os.version) })
    }
    browser = browserFromHints(hints, browser)
  }
  return compact({ type, vendor, model, os: os && compact(os), browser: browser && compact(browser) }) as Device | undefined
}
