import { describe, expect, it } from 'vitest'
import { createTokens } from '../../../demo/server/console/createTokens'
import { startConsole } from './consoleHarness'

const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1)

describe('signed tokens', () => {
  const clock = { now: 1_000_000 }
  const tokens = createTokens('k'.repeat(32), () => clock.now)

  it('verify for their own purpose until they expire', () => {
    const { token, claims } = tokens.issue('link', 'demo', 60000)
    expect(tokens.verify(token, 'link')).toEqual({ ok: true, claims })
    expect(claims).toMatchObject({ purpose: 'link', siteId: 'demo', expiresAt: 1_060_000 })
    clock.now = 1_059_999
    expect(tokens.verify(token, 'link').ok).toBe(true)
    clock.now = 1_060_000
    expect(tokens.verify(token, 'link')).toEqual({ ok: false, reason: 'expired' })
    clock.now = 1_000_000
  })

  it('refuse another purpose: a link is not a session, a session is not a link', () => {
    const link = tokens.issue('link', 'demo', 60000).token
    const session = tokens.issue('session', 'demo', 60000).token
    expect(tokens.verify(link, 'session')).toEqual({ ok: false, reason: 'purpose' })
    expect(tokens.verify(session, 'link')).toEqual({ ok: false, reason: 'purpose' })
    expect(tokens.verify(session, 'events')).toEqual({ ok: false, reason: 'purpose' })
  })

  it('refuse any change to the claims or the signature, and another key', () => {
    const { token } = tokens.issue('session', 'demo', 60000)
    const [body, mac] = token.split('.') as [string, string]
    // Another site in the same claims, re-encoded: the signature no longer matches.
    const forged = Buffer.from(Buffer.from(body, 'base64url').toString().replace('"demo"', '"acme-dental"')).toString('base64url')
    expect(tokens.verify(forged + '.' + mac, 'session')).toEqual({ ok: false, reason: 'signature' })
    expect(tokens.verify(flip(body, 5) + '.' + mac, 'session')).toEqual({ ok: false, reason: 'signature' })
    expect(tokens.verify(body + '.' + flip(mac, 3), 'session')).toEqual({ ok: false, reason: 'signature' })
    expect(tokens.verify(body + '.', 'session').ok).toBe(false)
    expect(tokens.verify(body, 'session')).toEqual({ ok: false, reason: 'malformed' })
    expect(tokens.verify(token + '.x', 'session')).toEqual({ ok: false, reason: 'malformed' })
    expect(createTokens('other key', () => clock.now).verify(token, 'session')).toEqual({ ok: false, reason: 'signature' })
  })
})

describe('token links and sessions on the receiver', () => {
  it('a link signs in once; a used, tampered, expired or session-purpose token is refused', async () => {
    const { receiver, call, clock, session } = await startConsole()
    const link = receiver.console.issue('link', 'demo', 3600000)
    const first = await call('/console/api/exchange', undefined, { body: { token: link } })
    expect(first.status).toBe(200)
    const { token } = await first.json()
    expect((await call('/console/api/me', token)).status).toBe(200)

    const again = await call('/console/api/exchange', undefined, { body: { token: link } })
    expect(again.status).toBe(401)
    expect((await again.json()).error.code).toBe('link_used')

    const fresh = receiver.console.issue('link', 'demo', 3600000)
    const tampered = await call('/console/api/exchange', undefined, { body: { token: flip(fresh, fresh.length - 5) } })
    expect(tampered.status).toBe(401)
    expect((await tampered.json()).error.code).toBe('link_invalid')

    const expired = receiver.console.issue('link', 'demo', 0, clock.now - 1)
    const late = await call('/console/api/exchange', undefined, { body: { token: expired } })
    expect(late.status).toBe(401)
    expect((await late.json()).error.code).toBe('link_expired')

    // A session token is not a link, and a link is not a session.
    expect((await call('/console/api/exchange', undefined, { body: { token: await session('demo') } })).status).toBe(401)
    expect((await call('/console/api/me', fresh)).status).toBe(401)
    // The fresh link was never spent by those refusals.
    expect((await call('/console/api/exchange', undefined, { body: { token: fresh } })).status).toBe(200)
  })

  it('a session expires after eight hours and ends at sign-out', async () => {
    const { call, clock, session } = await startConsole()
    const token = await session('demo')
    expect((await call('/console/api/me', token)).status).toBe(200)
    clock.now += 8 * 3600000
    const expired = await call('/console/api/me', token)
    expect(expired.status).toBe(401)
    expect(expired.headers.get('www-authenticate')).toBe('Bearer')

    const other = await session('demo')
    expect((await call('/console/api/signout', other, { method: 'POST' })).status).toBe(204)
    expect((await call('/console/api/me', other)).status).toBe(401)
    expect((await call('/console/api/requests', undefined)).status).toBe(401)
    expect((await call('/console/api/requests', undefined, { headers: { Authorization: 'Basic ZGVtbzo0ODI5MTM=' } })).status).toBe(401)
  })

  it('a signed-in owner can make a one-use link for a colleague, valid at most until the session ends', async () => {
    const { call, session, clock } = await startConsole()
    const token = await session('acme-dental')
    const res = await call('/console/api/links', token, { body: { hours: 24 * 365 } })
    expect(res.status).toBe(201)
    const { path, expiresAt } = await res.json()
    expect(path).toMatch(/^\/console#token=[\w-]+\.[\w-]+$/)
    // Not a year, nor the week it once was: a link cannot outlive the session that made it (see revocation.test.ts).
    expect(Date.parse(expiresAt)).toBe(clock.now + 8 * 3600000)
    const hour = await (await call('/console/api/links', token, { body: { hours: 1 } })).json()
    expect(Date.parse(hour.expiresAt)).toBe(clock.now + 3600000)
    const exchanged = await call('/console/api/exchange', undefined, { body: { token: path.split('token=')[1] } })
    expect((await exchanged.json()).siteId).toBe('acme-dental')
  })

  it('a token signed with the configured secret survives a restart; one from another secret does not', async () => {
    const a = await startConsole({ console: { secret: 'secret one' } })
    const link = a.receiver.console.issue('link', 'demo', 3600000)
    const b = await startConsole({ console: { secret: 'secret one' }, dbPath: a.dbPath })
    const c = await startConsole({ console: { secret: 'secret two' } })
    expect((await c.call('/console/api/exchange', undefined, { body: { token: link } })).status).toBe(401)
    expect((await b.call('/console/api/exchange', undefined, { body: { token: link } })).status).toBe(200)
  })
})
