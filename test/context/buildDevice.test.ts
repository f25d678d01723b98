import { describe, expect, it } from 'vitest'
import { buildDevice } from '../../src/context/buildDevice'
import { parseDevice } from '../../src/context/parseDevice'
import { readUserAgent } from '../../src/context/readUserAgent'
import type { RawContext, UaHints } from '../../src/core/readContext'

const CHROME_WIN = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const CHROME_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const SAFARI_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15'
const CHROME_ANDROID = 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36'
const EDGE_WIN = CHROME_WIN + ' Edg/131.0.0.0'
const INSTAGRAM_ANDROID =
  'Mozilla/5.0 (Linux; Android 14; SM-S918B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36 Instagram 312.1.0.34.111 Android (34/14; 480dpi; 1080x2340; samsung; SM-S918B; dm3q; qcom; en_GB; 548323754)'
const GREASE = { brand: 'Not_A Brand', version: '24' }

/** The raw context of a request, with ua-parser-js's reading unless `parsed: false`. */
const raw = (ua: string, hints?: UaHints, extra: { touchPoints?: number; parsed?: false } = {}): RawContext => ({
  href: 'https://acme.example/',
  title: 'Acme',
  referrer: '',
  at: 0,
  ua,
  hints,
  parsed: extra.parsed === false ? undefined : parseDevice(ua),
  touchPoints: extra.touchPoints || 0,
  redact: []
})

describe('buildDevice: client hints refine the user agent', () => {
  it('reads Windows 11 from platformVersion 13 and up, where the user agent says 10', () => {
    const hints = {
      platform: 'Windows',
      platformVersion: '15.0.0',
      mobile: false,
      fullVersionList: [GREASE, { brand: 'Chromium', version: '131.0.6778.86' }, { brand: 'Google Chrome', version: '131.0.6778.86' }]
    }
    expect(buildDevice(raw(CHROME_WIN, hints))).toEqual({
      type: 'desktop',
      os: { name: 'Windows', version: '11' },
      browser: { name: 'Chrome', version: '131.0.6778.86' }
    })
  })

  it.each([
    ['13.0.0', '11'],
    ['10.0.0', '10'],
    ['1.0.0', '10'],
    ['0.3.0', '8.1'],
    ['0.1.0', '7']
  ])('Windows platformVersion %s is Windows %s', (platformVersion, version) => {
    expect(buildDevice(raw(CHROME_WIN, { platform: 'Windows', platformVersion }))!.os).toEqual({ name: 'Windows', version })
  })

  it("keeps the user agent's Windows version while only low-entropy hints are known", () => {
    expect(buildDevice(raw(CHROME_WIN, { platform: 'Windows', mobile: false, brands: [GREASE, { brand: 'Google Chrome', version: '131' }] }))).toEqual({
      type: 'desktop',
      os: { name: 'Windows', version: '10' },
      browser: { name: 'Chrome', version: '131.0.0.0' }
    })
  })

  it('reads the real Android version and phone model that the reduced user agent hides', () => {
    const device = buildDevice(raw(CHROME_ANDROID, { platform: 'Android', platformVersion: '14.0.0', model: 'SM-S918B', mobile: true }))
    expect(device).toMatchObject({ type: 'mobile', model: 'SM-S918B', os: { name: 'Android', version: '14' } })
  })

  it('reads the real macOS version behind the frozen 10.15.7', () => {
    expect(buildDevice(raw(CHROME_MAC, { platform: 'macOS', platformVersion: '14.5.0', mobile: false }))!.os).toEqual({ name: 'Mac OS', version: '14.5' })
  })

  it('names Chrome OS as ua-parser-js does', () => {
    const ua = 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
    expect(buildDevice(raw(ua, { platform: 'Chrome OS', platformVersion: '16002.44.0', mobile: false }))!.os).toEqual({ name: 'Chromium OS', version: '16002.44' })
  })

  it('tells Brave from Chrome, which share a user agent', () => {
    const hints = { brands: [{ brand: 'Brave', version: '131' }, { brand: 'Chromium', version: '131' }, GREASE], mobile: false, platform: 'Windows' }
    expect(buildDevice(raw(CHROME_WIN, hints))!.browser).toEqual({ name: 'Brave', version: '131' })
  })

  it("takes Edge's full version from the full version list", () => {
    const hints = { fullVersionList: [{ brand: 'Microsoft Edge', version: '131.0.2903.70' }, { brand: 'Chromium', version: '131.0.6778.86' }, GREASE] }
    expect(buildDevice(raw(EDGE_WIN, hints))!.browser).toEqual({ name: 'Edge', version: '131.0.2903.70' })
  })

  it('keeps an in-app browser the user agent names (Instagram), whatever brands its WebView lists', () => {
    const hints = { brands: [{ brand: 'Android WebView', version: '120' }, { brand: 'Chromium', version: '120' }, GREASE], mobile: true, platform: 'Android' }
    expect(buildDevice(raw(INSTAGRAM_ANDROID, hints))!.browser).toEqual({ name: 'Instagram', version: '312.1.0.34.111' })
  })

  it('trusts mobile: true over a user agent that reads as a desktop', () => {
    expect(buildDevice(raw(CHROME_WIN, { mobile: true, platform: 'Windows' }))!.type).toBe('mobile')
  })

  it('leaves out an OS version that hints do not give (Linux)', () => {
    const ua = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
    expect(buildDevice(raw(ua, { platform: 'Linux', platformVersion: '', mobile: false }))!.os).toEqual({ name: 'Linux' })
  })
})

describe('buildDevice: iPadOS', () => {
  it('reads desktop-mode Safari on an iPad (a Mac user agent with a touch screen) as a tablet', () => {
    expect(buildDevice(raw(SAFARI_MAC, undefined, { touchPoints: 5 }))).toEqual({
      type: 'tablet',
      vendor: 'Apple',
      model: 'iPad',
      os: { name: 'iOS' },
      browser: { name: 'Safari', version: '18.1' }
    })
  })

  it('reads the same user agent without touch points as a Mac', () => {
    expect(buildDevice(raw(SAFARI_MAC))).toMatchObject({ type: 'desktop', os: { name: 'Mac OS', version: '10.15.7' } })
  })

  it('does so before ua-parser-js has arrived too', () => {
    expect(buildDevice(raw(SAFARI_MAC, undefined, { touchPoints: 5, parsed: false }))).toMatchObject({ type: 'tablet', model: 'iPad', os: { name: 'iOS' } })
  })
})

describe('buildDevice before ua-parser-js has arrived', () => {
  it('reads Windows 11 Chrome from hints and a cheap reading of the user agent', () => {
    const hints = { platform: 'Windows', platformVersion: '15.0.0', mobile: false, fullVersionList: [GREASE, { brand: 'Google Chrome', version: '131.0.6778.86' }] }
    expect(buildDevice(raw(CHROME_WIN, hints, { parsed: false }))).toEqual({
      type: 'desktop',
      os: { name: 'Windows', version: '11' },
      browser: { name: 'Chrome', version: '131.0.6778.86' }
    })
  })

  it('reads an Android phone with hints', () => {
    expect(buildDevice(raw(CHROME_ANDROID, { platform: 'Android', platformVersion: '15.0.0', model: 'Pixel 9', mobile: true }, { parsed: false }))).toEqual({
      type: 'mobile',
      model: 'Pixel 9',
      os: { name: 'Android', version: '15' },
      browser: { name: 'Chrome', version: '131.0.0.0' }
    })
  })

  it('sends nothing rather than a guess for a user agent it cannot read', () => {
    expect(buildDevice(raw('', undefined, { parsed: false }))).toBeUndefined()
  })
})

describe('readUserAgent (the cheap reading) agrees with ua-parser-js on common browsers', () => {
  it.each([
    CHROME_WIN,
    EDGE_WIN,
    CHROME_MAC,
    SAFARI_MAC,
    CHROME_ANDROID,
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
    'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
    'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0',
    'Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    'Mozilla/5.0 (Linux; Android 12; SM-G991B Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36',
    'Mozilla/5.0 (Linux; U; Android 4.4.2; en-us; SM-G900F Build/KOT49H) AppleWebKit/534.30 (KHTML, like Gecko) Version/4.0 Mobile Safari/534.30',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;FBSV/17.5;FBSS/3;FBID/phone;FBLC/en_GB;FBOP/5]',
    INSTAGRAM_ANDROID,
    'Mozilla/5.0 (Windows NT 6.1; WOW64; rv:52.0) Gecko/20100101 Firefox/52.0',
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'Mozilla/5.0 (Linux; Android 11; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36'
  ])('%s', (ua) => {
    const cheap = readUserAgent(ua) || {}
    const full = parseDevice(ua)
    expect(cheap.type).toBe(full.type)
    expect(cheap.os?.name).toBe(full.os?.name)
    expect(cheap.os?.version).toBe(full.os?.version)
    if (full.type !== 'bot') expect(cheap.browser?.name).toBe(full.browser?.name)
  })
})
