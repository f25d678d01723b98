import UAParser from 'ua-parser-js'
import type { Device } from '../schema'
import { compact } from '../core/clip'

/**
 * Crawlers that run scripts (and so can meet a form) name themselves in the
 * user agent; ua-parser-js 1.x does not know them, so they are added as an
 * extension, tried before its own rules. Their device type is `bot`.
 */
const BOT =
  /\b(googlebot|google-inspectiontool|adsbot-google|mediapartners-google|bingbot|adidxbot|bingpreview|yandexbot|baiduspider|duckduckbot|applebot|gptbot|oai-searchbot|petalbot|ahrefsbot|semrushbot|facebookexternalhit|twitterbot|linkedinbot|slurp|seznambot)(?:\/v?([\w.]+))?/i
const EXTENSIONS = {
  browser: [[BOT], ['name', 'version']],
  device: [[BOT], [['type', 'bot']]]
}

/** Desktop systems: ua-parser-js names no device type for them. */
const DESKTOP_OS = /^(?:windows|mac os|linux|ubuntu|debian|fedora|mint|arch|chromium os|freebsd|openbsd|netbsd|solaris|gentoo|suse|red hat|centos|unix)/i

/**
 * Device, OS and browser from a user-agent string, with ua-parser-js 1.x
 * (MIT; 2.x is AGPL). The lazy `device` file: loaded at idle, never on the
 * page's critical path. Placeholders of reduced user agents (Chrome on
 * Android says `Android 10; K`) are left out: client hints tell the truth.
 */
export function parseDevice(ua: string): Device {
  const result = new UAParser(ua, EXTENSIONS).getResult()
  const { device, os, browser } = result
  return (compact({
    type: device.type || (os.name && DESKTOP_OS.test(os.name) ? 'desktop' : undefined),
    vendor: device.vendor,
    model: device.model === 'K' ? undefined : device.model,
    os: compact({ name: os.name, version: os.version }),
    browser: compact({ name: browser.name, version: browser.version })
  }) || {}) as Device
}
