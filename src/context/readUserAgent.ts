import type { Device } from '../schema'
import { compact } from '../core/clip'

const WINDOWS: Record<string, string> = { '10.0': '10', '6.3': '8.1', '6.2': '8', '6.1': '7', '6.0': 'Vista', '5.1': 'XP' }

/** Browser tokens, most specific first (Edge and Opera also say `Chrome/`, Chrome also says `Safari/`). */
const BROWSERS: [RegExp, string][] = [
  [/\bInstagram ([\d.]+)/, 'Instagram'],
  [/\bFBAV\/([\d.]+)|\bFBAN\//, 'Facebook'],
  [/\bEdg(?:e|A|iOS)?\/([\d.]+)/, 'Edge'],
  [/\bOPR\/([\d.]+)/, 'Opera'],
  [/\bSamsungBrowser\/([\d.]+)/, 'Samsung Internet'],
  [/\b(?:Firefox|FxiOS)\/([\d.]+)/, 'Firefox'],
  [/; wv\).*\bChrome\/([\d.]+)/, 'Chrome WebView'],
  [/\b(?:CriOS|Chrome)\/([\d.]+)/, 'Chrome'],
  [/\bAndroid\b.*\bVersion\/([\d.]+)/, 'Android Browser'],
  [/\bVersion\/([\d.]+).*Mobile.*Safari\//, 'Mobile Safari'],
  [/\bVersion\/([\d.]+).*Safari\//, 'Safari']
]

/**
 * A cheap reading of the user agent for a request made before ua-parser-js
 * (the lazy `device` file) has arrived: the device type, the OS and the
 * common browsers, with the names ua-parser-js uses. What it cannot tell is
 * left out rather than guessed.
 */
export function readUserAgent(ua: string): Device | undefined {
  let os: { name: string; version?: string } | undefined
  let match: RegExpExecArray | null
  if ((match = /Windows Phone (\d+\.\d+)/.exec(ua))) os = { name: 'Windows Phone', version: match[1] }
  else if ((match = /Windows NT (\d+\.\d+)/.exec(ua))) os = { name: 'Windows', version: WINDOWS[match[1]!] }
  else if ((match = /(?:iPhone|iPad|iPod).*? OS (\d+(?:_\d+)*)/.exec(ua))) os = { name: 'iOS', version: match[1]!.replace(/_/g, '.') }
  else if ((match = /Android (\d+(?:\.\d+)*)/.exec(ua))) os = { name: 'Android', version: match[1] }
  else if (/CrOS/.test(ua)) os = { name: 'Chromium OS' }
  else if ((match = /Mac OS X (\d+(?:[_.]\d+)*)/.exec(ua))) os = { name: 'Mac OS', version: match[1]!.replace(/_/g, '.') }
  else if (/Linux/.test(ua)) os = { name: 'Linux' }
  let browser: { name: string; version?: string } | undefined
  for (const [pattern, name] of BROWSERS) {
    if ((match = pattern.exec(ua))) {
      browser = { name, version: match[1] }
      break
    }
  }
  const type = /bot\/|crawler|spider|facebookexternalhit/i.test(ua)
    ? 'bot'
    : /iPad|Tablet|Kindle|Silk\//.test(ua) || (/Android/.test(ua) && !/Mobile/.test(ua))
      ? 'tablet'
      : /Mobi|iPhone|iPod|Android/.test(ua)
        ? 'mobile'
        : os
          ? 'desktop'
          : undefined
  return compact({
    type,
    os: os && compact(os),
    browser: browser && compact(browser)
  }) as Device | undefined
}
