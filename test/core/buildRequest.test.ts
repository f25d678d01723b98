import { describe, expect, it } from 'vitest'
import { parseDevice } from '../../src/context/parseDevice'
import { buildRequest } from '../../src/core/buildRequest'
import type { RawContext } from '../../src/core/readContext'
import { memoryStore } from '../../src/core/safeStorage'
import { trackVisit } from '../../src/core/trackVisit'
import { CallbackRequest } from '../../src/schema'

const AT = Date.UTC(2026, 10, 22, 10, 5, 42, 120)
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'

const rawContext = (extra: Partial<RawContext> = {}): RawContext => ({
  href: 'https://acme.example/pricing?token=abc&plan=gold&customer=42',
  title: 'Pricing',
  referrer: 'https://acme.example/?utm_source=google',
  at: AT,
  visit: trackVisit(memoryStore(), 'https://acme.example/?utm_source=google&utm_medium=cpc&utm_campaign=boilers&gclid=abc', 'https://www.google.com/', AT - 211_000),
  ua: IPHONE,
  parsed: parseDevice(IPHONE),
  touchPoints: 5,
  locale: 'en-GB',
  timeZone: 'Europe/London',
  redact: ['customer'],
  ...extra
})

const fields = { channel: 'widget', phone: '+447400123456', schedule: { type: 'asap' } } as const

describe('buildRequest: the context of a request', () => {
  it('carries page, source, device, locale, time zone and time as the contract has them', () => {
    const request = buildRequest('demo', fields, rawContext())
    expect(request).toMatchObject({
      page: { url: 'https://acme.example/pricing?token=redacted&plan=gold&customer=redacted', title: 'Pricing', referrer: 'https://acme.example/?utm_source=google' },
      source: {
        medium: 'paid',
        referrerHost: 'www.google.com',
        utm: { source: 'google', medium: 'cpc', campaign: 'boilers' },
        clickIds: { gclid: 'abc' },
        landingPage: 'https://acme.example/?gclid=abc&utm_campaign=boilers&utm_medium=cpc&utm_source=google',
        firstSeenAt: '2026-11-22T10:02:11.120Z'
      },
      device: { type: 'mobile', vendor: 'Apple', model: 'iPhone', os: { name: 'iOS', version: '18.1' }, browser: { name: 'Mobile Safari', version: '18.1' } },
      locale: 'en-GB',
      timeZone: 'Europe/London',
      requestedAt: '2026-11-22T10:05:42.120Z'
    })
    expect(CallbackRequest.safeParse(request).success).toBe(true)
  })

  it('leaves out what is not known, never sending empty strings', () => {
    const request = buildRequest(
      'demo',
      fields,
      rawContext({ referrer: '', title: '', visit: undefined, ua: '', parsed: undefined, locale: undefined, timeZone: undefined })
    )
    expect(request.page).toEqual({ url: 'https://acme.example/pricing?token=redacted&plan=gold&customer=redacted' })
    for (const key of ['source', 'device', 'locale', 'timeZone'] as const) expect(request).not.toHaveProperty(key)
    expect(CallbackRequest.safeParse(request).success).toBe(true)
  })

  it('sends a crawler as a bot device that the contract accepts', () => {
    const ua = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'
    const request = buildRequest('demo', fields, rawContext({ ua, parsed: parseDevice(ua), touchPoints: 0 }))
    expect(request.device).toEqual({ type: 'bot', browser: { name: 'Googlebot', version: '2.1' } })
    expect(CallbackRequest.safeParse(request).success).toBe(true)
  })

  it("keeps at most the contract's number of click ids, each within its length", () => {
    const many = Array.from({ length: 3 }, (_, i) => ['gclid', 'fbclid', 'msclkid'][i] + '=' + 'x'.repeat(900)).join('&')
    const visit = trackVisit(memoryStore(), 'https://acme.example/?' + many, '', AT)
    const request = buildRequest('demo', fields, rawContext({ visit }))
    expect(Object.keys(request.source!.clickIds!)).toEqual(['fbclid', 'gclid', 'msclkid'])
    expect(CallbackRequest.safeParse(request).success).toBe(true)
  })
})
