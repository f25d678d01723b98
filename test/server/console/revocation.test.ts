import { describe, expect, it } from 'vitest'
import { hashPin } from '../../../demo/server/console/hashPin'
import { loadSites } from '../../../demo/server/receiver/loadSites'
import { demoRequest, startConsole } from './consoleHarness'

const HOUR = 3600000

describe('revoking console access', { timeout: 60000 }, () => {
  it('sign out everywhere ends every session and unused link of the site, and nothing of another site', async () => {
    const c = await startConsole()
    const phone = await c.session('demo')
    const laptop = await c.session('demo')
    const dental = await c.session('acme-dental')
    const link = (await (await c.call('/console/api/links', laptop, { body: { hours: 24 } })).json()).path.split('token=')[1]
    const printed = c.receiver.console.issue('link', 'demo', 24 * HOUR)

    const res = await c.call('/console/api/signout-everywhere', laptop, { method: 'POST' })
    expect(res.status).toBe(204)
    for (const token of [phone, laptop]) expect((await c.call('/console/api/me', token)).status).toBe(401)
    for (const token of [link, printed]) {
      const exchange = await c.call('/console/api/exchange', undefined, { body: { token } })
      expect(exchange.status).toBe(401)
      expect((await exchange.json()).error.code).toBe('link_invalid')
    }
    expect((await c.call('/console/api/me', dental)).status).toBe(200)
    // The owner signs in again as usual, and new links work.
    const again = await c.session('demo')
    expect((await c.call('/console/api/me', again)).status).toBe(200)
    const fresh = (await (await c.call('/console/api/links', again, { body: {} })).json()).path.split('token=')[1]
    expect((await c.call('/console/api/exchange', undefined, { body: { token: fresh } })).status).toBe(200)
  })

  it('a link dies when the session that made it signs out; a session already made from it goes on', async () => {
    const c = await startConsole()
    const owner = await c.session('demo')
    const linkOf = async (token: string) => (await (await c.call('/console/api/links', token, { body: { hours: 4 } })).json()).path.split('token=')[1]
    const used = await linkOf(owner)
    const unused = await linkOf(owner)
    const colleague = (await (await c.call('/console/api/exchange', undefined, { body: { token: used } })).json()).token
    expect((await c.call('/console/api/signout', owner, { method: 'POST' })).status).toBe(204)
    const late = await c.call('/console/api/exchange', undefined, { body: { token: unused } })
    expect(late.status).toBe(401)
    expect((await late.json()).error.code).toBe('link_invalid')
    expect((await c.call('/console/api/me', colleague)).status).toBe(200)
  })

  it('a revoked session can no longer record call events; the dialler’s own token still can', async () => {
    const c = await startConsole()
    const r = demoRequest()
    await c.seed(r)
    const session = await c.session('demo')
    const dialler = c.receiver.console.issue('events', 'demo', HOUR)
    expect((await c.call('/console/api/signout-everywhere', session, { method: 'POST' })).status).toBe(204)
    expect((await c.call(`/v1/callbacks/${r.id}/events`, session, { body: { type: 'missed' } })).status).toBe(401)
    expect((await c.call(`/v1/callbacks/${r.id}/events`, dialler, { body: { type: 'missed' } })).status).toBe(201)
  })

  it('survives a restart: revocation is stored, not kept in memory', async () => {
    const a = await startConsole({ console: { secret: 'kept secret' } })
    const session = await a.session('demo')
    const other = await a.session('demo')
    expect((await a.call('/console/api/signout-everywhere', other, { method: 'POST' })).status).toBe(204)
    await a.receiver.close()
    const b = await startConsole({ console: { secret: 'kept secret' }, dbPath: a.dbPath })
    expect((await b.call('/console/api/me', session)).status).toBe(401)
  })

  it('a PIN change in the sites file ends every session and link minted under the old PIN', async () => {
    const a = await startConsole({ console: { secret: 'kept secret' } })
    const session = await a.session('demo')
    const link = a.receiver.console.issue('link', 'demo', 24 * HOUR)
    const dentalSession = await a.session('acme-dental')
    await a.receiver.close()

    const pinHash = await hashPin('604217')
    const sites = loadSites('demo/sites.json').map((site) => (site.config.siteId === 'demo' ? { ...site, pinHash } : site))
    const b = await startConsole({ console: { secret: 'kept secret' }, dbPath: a.dbPath, sites })
    expect((await b.call('/console/api/me', session)).status).toBe(401)
    expect((await b.call('/console/api/exchange', undefined, { body: { token: link } })).status).toBe(401)
    // The other site's PIN did not change: its session goes on.
    expect((await b.call('/console/api/me', dentalSession)).status).toBe(200)
    expect((await b.signIn('demo', '604217')).status).toBe(200)
  })

  it('links cannot outlive the session that made them, and chaining them ends when the first session would', async () => {
    const c = await startConsole()
    const first = await c.signIn('demo')
    const { token, expiresAt } = (await first.json()) as { token: string; expiresAt: string }
    const end = Date.parse(expiresAt)
    expect(end).toBe(c.clock.now + 8 * HOUR)

    const week = await (await c.call('/console/api/links', token, { body: { hours: 24 * 7 } })).json()
    expect(Date.parse(week.expiresAt)).toBe(end)

    // Seven hours later a colleague opens it: their session ends with the first one, not eight hours on.
    c.clock.now += 7 * HOUR
    const colleague = await (await c.call('/console/api/exchange', undefined, { body: { token: week.path.split('token=')[1] } })).json()
    expect(Date.parse(colleague.expiresAt)).toBe(end)
    const chained = await (await c.call('/console/api/links', colleague.token, { body: { hours: 24 } })).json()
    expect(Date.parse(chained.expiresAt)).toBe(end)
    const third = await (await c.call('/console/api/exchange', undefined, { body: { token: chained.path.split('token=')[1] } })).json()
    expect(Date.parse(third.expiresAt)).toBe(end)

    c.clock.now = end
    for (const t of [token, colleague.token, third.token]) expect((await c.call('/console/api/me', t)).status).toBe(401)
  })
})
