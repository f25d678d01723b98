import { describe, expect, it } from 'vitest'
import { CallbackRequest, CallbackResponse, ErrorBody, LIMITS, SiteConfig } from '../src/schema'
import { buildRequest } from '../src/core/buildRequest'
import type { RawContext } from '../src/core/readContext'
import { londonHours } from './fixtures/londonHours'

/** The example of platform-api.md, as written there. */
const contractExample = {
  id: '3b0d6a0e-6f1e-4c57-9d55-0f3c1f6b2a91',
  siteId: 'demo',
  channel: 'widget',
  phone: '+447400123456',
  schedule: { type: 'asap' },
  contact: { name: 'Sam', email: 'sam@example.com', message: 'Boiler' },
  form: { id: 'contact', name: 'quote', action: 'https://acme.example/thanks' },
  page: { url: 'https://acme.example/pricing', title: 'Pricing', referrer: 'https://www.google.com/' },
  source: {
    medium: 'paid',
    referrerHost: 'www.google.com',
    utm: { source: 'google', medium: 'cpc', campaign: 'boilers', term: 'boiler repair', content: 'ad1' },
    clickIds: { gclid: 'abc' },
    landingPage: 'https://acme.example/?utm_source=google',
    firstSeenAt: '2026-11-22T10:02:11.000Z'
  },
  device: {
    type: 'mobile',
    vendor: 'Apple',
    model: 'iPhone',
    os: { name: 'iOS', version: '18.1' },
    browser: { name: 'Mobile Safari', version: '18.1' }
  },
  locale: 'en-GB',
  timeZone: 'Europe/London',
  requestedAt: '2026-11-22T10:05:42.120Z',
  consent: { granted: true, text: '...' },
  signals: { fillMs: 5400, honeypot: false }
}

const configExample = {
  siteId: 'demo',
  ...londonHours,
  phone: { defaultCountry: 'GB', countries: ['GB', 'IE'] },
  widget: { enabled: true, position: 'bottom-right', accent: '#0a7d5a', locale: 'en', texts: {} },
  forms: { capture: 'auto', include: [], exclude: [] },
  privacy: { consent: 'required', policyUrl: 'https://acme.example/privacy', consentText: '...', storage: 'after-consent' }
}

const raw: RawContext = {
  href: 'https://acme.example/pricing?token=secret&plan=pro',
  title: 'Pricing',
  referrer: 'https://www.google.com/',
  at: Date.parse('2026-11-22T10:05:42.120Z'),
  visit: { landing: 'https://acme.example/?gclid=abc&utm_medium=cpc&utm_source=google', referrer: 'www.google.com', first: Date.parse('2026-11-22T10:02:11Z'), last: 0 },
  ua: 'Mozilla/5.0',
  hints: { mobile: true, model: 'Pixel 8' },
  touchPoints: 5,
  locale: 'en-GB',
  timeZone: 'Europe/London',
  redact: []
}

describe('schemas of platform-api.md', () => {
  it("accept the contract's own examples, unchanged", () => {
    expect(CallbackRequest.parse(contractExample)).toEqual(contractExample)
    expect(SiteConfig.parse(configExample)).toEqual(configExample)
    expect(CallbackResponse.parse({ id: 'x', status: 'scheduled', scheduledFor: '2026-11-23T09:00:00.000Z' })).toBeTruthy()
    expect(ErrorBody.parse({ error: { code: 'invalid_phone', message: 'No', fields: { phone: 'too short' } } })).toBeTruthy()
  })

  it('round-trip what the SDK builds: JSON out, schema in, equal', () => {
    const request = buildRequest(
      'demo',
      {
        channel: 'form',
        phone: '+447400123456',
        schedule: { type: 'asap' },
        contact: { name: '  Sam  ', email: '', message: 'x'.repeat(LIMITS.message + 50) },
        form: { id: 'contact', action: 'https://acme.example/thanks?session=1' }
      },
      raw
    )
    const parsed = CallbackRequest.parse(JSON.parse(JSON.stringify(request)))
    expect(parsed).toEqual(request)
    expect(parsed.contact).toEqual({ name: 'Sam', message: 'x'.repeat(LIMITS.message) })
    expect(parsed.page.url).toBe('https://acme.example/pricing?token=redacted&plan=pro')
    expect(parsed.form?.action).toBe('https://acme.example/thanks?session=redacted')
    expect(parsed.source).toMatchObject({ medium: 'paid', clickIds: { gclid: 'abc' }, utm: { source: 'google', medium: 'cpc' } })
    expect(parsed.requestedAt).toBe('2026-11-22T10:05:42.120Z')
  })

  it('leave unknown parts out instead of sending empty strings', () => {
    const request = buildRequest(
      'demo',
      { channel: 'widget', phone: '+447400123456', schedule: { type: 'asap' } },
      { ...raw, title: '', referrer: '', hints: undefined, visit: undefined }
    )
    const json = JSON.stringify(request)
    expect(json).not.toContain('""')
    expect(request).not.toHaveProperty('form')
    expect(request).not.toHaveProperty('contact')
    expect(request.page).toEqual({ url: 'https://acme.example/pricing?token=redacted&plan=pro' })
  })

  it.each([
    ['a phone number that is not E.164', { phone: '07400123456' }],
    ['an id that is not a UUID v4', { id: 'abc' }],
    ['an unknown channel', { channel: 'sms' }],
    ['a slot without a time', { schedule: { type: 'slot' } }],
    ['a slot time with an offset instead of UTC', { schedule: { type: 'slot', at: '2026-11-23T09:00:00+01:00' } }],
    ['an empty string', { locale: '' }],
    ['an unknown medium', { source: { medium: 'tv' } }],
    ['an oversized message', { contact: { message: 'x'.repeat(LIMITS.message + 1) } }]
  ])('refuse %s', (_, change) => {
    expect(CallbackRequest.safeParse({ ...contractExample, ...change }).success).toBe(false)
  })

  it('refuse a policy link that is not http(s), since the widget renders it as a link', () => {
    const bad = { ...configExample, privacy: { ...configExample.privacy, policyUrl: 'javascript:alert(1)' } }
    expect(SiteConfig.safeParse(bad).success).toBe(false)
  })
})
