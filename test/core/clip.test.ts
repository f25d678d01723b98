import { describe, expect, it } from 'vitest'
import { buildRequest } from '../../src/core/buildRequest'
import { clip, compact } from '../../src/core/clip'
import type { RawContext } from '../../src/core/readContext'
import { CallbackRequest, LIMITS } from '../../src/schema'

const raw = (change: Partial<RawContext> = {}): RawContext => ({
  href: 'https://acme.example/contact',
  title: 'Contact',
  referrer: '',
  at: Date.parse('2026-11-23T10:00:00Z'),
  ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  touchPoints: 0,
  locale: 'en-GB',
  timeZone: 'Europe/London',
  redact: [],
  ...change
})

describe('input limits', () => {
  it('trims, cuts to the limit, and never splits a surrogate pair', () => {
    expect(clip('  Sam  ', 10)).toBe('Sam')
    expect(clip('abcdef', 3)).toBe('abc')
    // '😀' is two UTF-16 units: cutting inside it would send half a character.
    expect(clip('ab😀', 3)).toBe('ab')
    expect(clip('ab😀', 4)).toBe('ab😀')
  })

  it('leaves out what is empty or not a string, instead of sending ""', () => {
    expect(clip('   ', 10)).toBeUndefined()
    expect(clip(42, 10)).toBeUndefined()
    expect(clip(undefined, 10)).toBeUndefined()
    expect(compact({ a: undefined, b: 1 })).toEqual({ b: 1 })
    expect(compact({ a: undefined })).toBeUndefined()
  })

  it('builds a request within every documented limit from oversized input, and it passes the schema', () => {
    const huge = (n: number) => 'x'.repeat(n)
    const request = buildRequest(
      'demo',
      {
        channel: 'form',
        phone: '+447400123456',
        schedule: { type: 'asap' },
        contact: { name: huge(10_000), email: huge(1000) + '@example.com', message: huge(100_000) + '😀' },
        form: { id: huge(500), name: huge(500), action: 'https://acme.example/' + huge(5000) }
      },
      raw({
        href: 'https://acme.example/?q=' + huge(10_000),
        title: huge(1000),
        referrer: 'https://www.google.com/' + huge(5000),
        locale: huge(100),
        timeZone: huge(100)
      })
    )
    expect(request.contact!.name).toHaveLength(LIMITS.name)
    expect(request.contact!.email!.length).toBeLessThanOrEqual(LIMITS.email)
    expect(request.contact!.message).toHaveLength(LIMITS.message)
    expect(request.form!.id).toHaveLength(LIMITS.name)
    expect(request.page.url.length).toBeLessThanOrEqual(LIMITS.url)
    expect(request.page.title).toHaveLength(LIMITS.title)
    expect(request.page.referrer!.length).toBeLessThanOrEqual(LIMITS.url)
    expect(CallbackRequest.safeParse(request).success).toBe(true)
    // The whole body stays well inside the keepalive budget (64 KiB).
    expect(JSON.stringify(request).length).toBeLessThan(60_000)
  })
})
