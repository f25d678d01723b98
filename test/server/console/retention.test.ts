import { describe, expect, it } from 'vitest'
import { demoRequest, dentalRequest, startConsole } from './consoleHarness'

const DAY = 24 * 3600000

describe('retention', () => {
  it('the job deletes each site’s requests, call events and errors older than its retentionDays', async () => {
    const c = await startConsole()
    const now = c.clock.now
    const demoOld = demoRequest()
    const demoKept = demoRequest()
    const dentalOld = dentalRequest()
    const dentalKept = dentalRequest()
    c.store(demoOld, now - 91 * DAY) // demo keeps 90 days
    c.store(demoKept, now - 60 * DAY)
    c.store(dentalOld, now - 31 * DAY) // acme-dental keeps 30
    c.store(dentalKept, now - 29 * DAY)
    const db = c.receiver.db
    db.db.prepare("INSERT INTO call_events (request_id, site_id, type, at) VALUES (?, 'demo', 'missed', ?)").run(demoOld.id, now - 91 * DAY)
    db.logError('acme-dental', 'invalid_phone', 422, now - 40 * DAY)
    db.logError('acme-dental', 'invalid_phone', 422, now - 10 * DAY)
    db.logError('demo', 'rate_limited', 429, now - 40 * DAY)
    db.logError(undefined, 'site_not_found', 404, now - 100 * DAY)

    // Two requests (their call event goes with them), an acme-dental error, the site-less error.
    expect(c.receiver.console.purge()).toBe(4)
    expect(db.get(demoOld.id)).toBeUndefined()
    expect(db.get(dentalOld.id)).toBeUndefined()
    expect(db.get(demoKept.id)).toBeDefined()
    expect(db.get(dentalKept.id)).toBeDefined()
    expect(db.db.prepare('SELECT COUNT(*) AS n FROM call_events').get()).toEqual({ n: 0 })
    expect(db.db.prepare('SELECT site_id, created_at FROM errors ORDER BY id').all()).toEqual([
      { site_id: 'acme-dental', created_at: now - 10 * DAY },
      { site_id: 'demo', created_at: now - 40 * DAY }
    ])
    // Time passes: the kept ones go in their turn.
    c.clock.now += 2 * DAY
    expect(c.receiver.console.purge()).toBe(1)
    expect(db.get(dentalKept.id)).toBeUndefined()
  })

  it('purges what a site removed from sites.json left behind, after the default 90 days', async () => {
    const c = await startConsole()
    const now = c.clock.now
    const gone = demoRequest({ siteId: 'closed-shop' })
    const recent = demoRequest({ siteId: 'closed-shop' })
    c.store(gone, now - 91 * DAY)
    c.store(recent, now - 10 * DAY)
    const db = c.receiver.db
    db.db.prepare("INSERT INTO call_events (request_id, site_id, type, at) VALUES (?, 'closed-shop', 'missed', ?)").run(gone.id, now - 91 * DAY)
    db.logError('closed-shop', 'invalid_phone', 422, now - 91 * DAY)
    db.logError('closed-shop', 'invalid_phone', 422, now - 10 * DAY)
    expect(c.receiver.console.purge()).toBe(2)
    expect(db.get(gone.id)).toBeUndefined()
    expect(db.get(recent.id)).toBeDefined()
    expect(db.db.prepare('SELECT COUNT(*) AS n FROM call_events').get()).toEqual({ n: 0 })
    expect(db.db.prepare("SELECT created_at FROM errors WHERE site_id = 'closed-shop'").all()).toEqual([{ created_at: now - 10 * DAY }])
  })

  it('purges the refused leads and access log of a site removed from sites.json, after the default 90 days', async () => {
    const c = await startConsole()
    const now = c.clock.now
    const db = c.receiver.db.db
    const refused = db.prepare(
      `INSERT INTO refused_leads (site_id, request_id, phone, channel, page_url, reason, attempts, first_at, last_at)
       VALUES ('closed-shop', ?, '+44740•••0001', 'form', 'https://closed.example/', 'rate_limited', 1, ?, ?)`
    )
    refused.run('old', now - 91 * DAY, now - 91 * DAY)
    refused.run('recent', now - 10 * DAY, now - 10 * DAY)
    const access = db.prepare(
      "INSERT INTO console_access_log (site_id, at, action, subject, session, ip, agent) VALUES ('closed-shop', ?, 'reveal', '+44740•••0001', 'abcd1234', '203.0.113.0', 'Firefox')"
    )
    access.run(now - 91 * DAY)
    access.run(now - 10 * DAY)
    expect(c.receiver.console.purge()).toBe(2)
    expect(db.prepare("SELECT request_id FROM refused_leads WHERE site_id = 'closed-shop'").all()).toEqual([{ request_id: 'recent' }])
    expect(db.prepare("SELECT at FROM console_access_log WHERE site_id = 'closed-shop'").all()).toEqual([{ at: now - 10 * DAY }])
  })

  it('runs when the receiver starts, on what an earlier run stored', async () => {
    const a = await startConsole()
    const old = demoRequest()
    a.store(old, a.clock.now - 100 * DAY)
    await a.receiver.close()
    const b = await startConsole({ dbPath: a.dbPath, clock: a.clock })
    expect(b.receiver.db.get(old.id)).toBeUndefined()
  })

  it('runs on its own on a timer', async () => {
    const c = await startConsole({ console: { purgeEveryMs: 20 } })
    const old = demoRequest()
    c.store(old, c.clock.now - 100 * DAY)
    await expect.poll(() => c.receiver.db.get(old.id), { timeout: 2000 }).toBeUndefined()
  })
})
