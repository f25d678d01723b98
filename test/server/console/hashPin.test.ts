import { describe, expect, it } from 'vitest'
import { hashPin, verifyPin } from '../../../demo/server/console/hashPin'
import { type Attempt, createAttemptLimit } from '../../../demo/server/console/createAttemptLimit'
import { PINS, startConsole } from './consoleHarness'

describe('PIN hashes', { timeout: 30000 }, () => {
  it('are salted scrypt hashes that verify the PIN and nothing else', async () => {
    const a = await hashPin('482913')
    const b = await hashPin('482913')
    expect(a).toMatch(/^scrypt\$[\w-]{22}\$[\w-]{43}$/)
    expect(a).not.toBe(b) // a fresh salt each time
    expect(a).not.toContain('482913')
    expect(await verifyPin('482913', a)).toBe(true)
    expect(await verifyPin('482913', b)).toBe(true)
    expect(await verifyPin('482914', a)).toBe(false)
    expect(await verifyPin('', a)).toBe(false)
  })

  it('refuses a missing or malformed hash', async () => {
    expect(await verifyPin('482913', undefined)).toBe(false)
    expect(await verifyPin('482913', 'plain$482913')).toBe(false)
    expect(await verifyPin('482913', 'scrypt$abc')).toBe(false)
    expect(await verifyPin('482913', '482913')).toBe(false)
  })

  it('the demo sites file holds hashes of the documented PINs', async () => {
    const { receiver, signIn } = await startConsole()
    expect(receiver).toBeDefined()
    for (const siteId of Object.keys(PINS)) expect((await signIn(siteId)).status).toBe(200)
  })
})

describe('sign-in attempts', { timeout: 30000 }, () => {
  /** Seconds the key must wait (0: an attempt may be made), without keeping an attempt. */
  const waitOf = (limit: ReturnType<typeof createAttemptLimit>, key: string) => {
    const attempt = limit.reserve(key)
    if (typeof attempt === 'number') return attempt
    attempt.cancel()
    return 0
  }

  it('counts failures only, per key, in a window', () => {
    const clock = { now: 0 }
    const limit = createAttemptLimit({ max: 3, windowMs: 60000, forgetFailures: true }, () => clock.now)
    const fail = (key: string) => (limit.reserve(key) as Attempt).fail()
    fail('a')
    fail('a')
    expect(waitOf(limit, 'a')).toBe(0)
    fail('a')
    expect(waitOf(limit, 'a')).toBe(60)
    expect(waitOf(limit, 'b')).toBe(0)
    clock.now += 30000
    expect(waitOf(limit, 'a')).toBe(30)
    clock.now += 30000
    expect(waitOf(limit, 'a')).toBe(0)
    fail('b')
    ;(limit.reserve('b') as Attempt).succeed()
    fail('b')
    fail('b')
    expect(waitOf(limit, 'b')).toBe(0) // a success forgets earlier failures
  })

  it('counts attempts under way as failures until they settle: parallel guesses cannot all pass', () => {
    const limit = createAttemptLimit({ max: 3, windowMs: 60000 }, () => 0)
    const pending = [limit.reserve('a'), limit.reserve('a'), limit.reserve('a')] as Attempt[]
    expect(pending.every((a) => typeof a === 'object')).toBe(true)
    expect(limit.reserve('a')).toBe(60)
    // Given back (never checked): the place is free again; settling twice changes nothing.
    pending[0]!.cancel()
    pending[0]!.cancel()
    const next = limit.reserve('a') as Attempt
    expect(typeof next).toBe('object')
    // Without forgetFailures, a success frees only its own place.
    pending[1]!.fail()
    pending[2]!.succeed()
    next.fail()
    expect(waitOf(limit, 'a')).toBe(0)
    ;(limit.reserve('a') as Attempt).fail()
    expect(waitOf(limit, 'a')).toBe(60)
  })

  it('after five wrong PINs the site is locked for this IP, even for the right PIN, until the window passes', async () => {
    const { signIn, clock } = await startConsole()
    for (let i = 0; i < 5; i++) {
      const res = await signIn('demo', '000000')
      expect(res.status).toBe(401)
      expect((await res.json()).error.code).toBe('invalid_credentials')
    }
    const locked = await signIn('demo')
    expect(locked.status).toBe(429)
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0)
    // Another site is another key.
    expect((await signIn('acme-dental')).status).toBe(200)
    clock.now += 15 * 60000
    expect((await signIn('demo')).status).toBe(200)
  })

  it('answers an unknown Client ID exactly like a wrong PIN', async () => {
    const { signIn } = await startConsole()
    const unknown = await signIn('no-such-site', '482913')
    const wrong = await signIn('demo', '482914')
    expect(unknown.status).toBe(401)
    expect(wrong.status).toBe(401)
    expect(await unknown.json()).toEqual(await wrong.json())
  })

  it('sets no cookie, ever', async () => {
    const { signIn, call } = await startConsole()
    const res = await signIn('demo')
    expect(res.headers.get('set-cookie')).toBeNull()
    const page = await call('/console', undefined)
    expect(page.headers.get('set-cookie')).toBeNull()
  })
})
