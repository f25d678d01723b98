import { describe, expect, it } from 'vitest'
import { demoRequest, dentalRequest, startConsole } from './consoleHarness'

const CHROME_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

interface LogEntry {
  at: string
  action: string
  subject: string
  requestId?: string
  session: string
  ip: string
  agent: string
  current: boolean
}

describe('Show number and the access log', () => {
  it('shows one lead’s number in full to its signed-in owner, and logs what, when and from which session', async () => {
    const c = await startConsole()
    const [gb, ie] = [demoRequest(), demoRequest({ phone: '+353851234567' })]
    await c.seed(gb, ie, dentalRequest())
    const token = await c.session('demo')
    const reveal = (id: string, t = token) => c.call(`/console/api/requests/${id}/reveal`, t, { method: 'POST', headers: { 'User-Agent': CHROME_UA } })

    const res = await reveal(ie.id)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual({ id: ie.id, phone: '+353851234567', display: '+353 85 123 4567' })

    // The list stays masked.
    expect(await (await c.call('/console/api/requests', token)).text()).not.toContain('353851234567')

    const log = await c.getJson<{ rows: LogEntry[] }>('/console/api/access-log', token)
    expect(log.rows).toEqual([
      {
        at: new Date(c.clock.now).toISOString(),
        action: 'reveal',
        subject: '+35385•••4567',
        requestId: ie.id,
        session: expect.stringMatching(/^[0-9a-f]{8}$/),
        ip: '127.0.0.0',
        agent: 'Chrome 131 on Windows',
        current: true
      }
    ])
    // The session is named by a hash, never by the token or a part of it.
    expect(token).not.toContain(log.rows[0]!.session)

    // A second session of the same site sees the entry as another session's, and its own as its own.
    const other = await c.session('demo')
    c.clock.now += 60000
    expect((await reveal(gb.id, other)).status).toBe(200)
    const both = await c.getJson<{ rows: LogEntry[] }>('/console/api/access-log', other)
    expect(both.rows.map((r) => [r.subject, r.current])).toEqual([
      ['+44740•••3456', true],
      ['+35385•••4567', false]
    ])
    expect(both.rows[0]!.session).not.toBe(both.rows[1]!.session)
    expect(JSON.stringify(both)).not.toMatch(/447400123456|353851234567/)

    // Another site's lead, a made-up id, no session: refused, and nothing logged.
    const dental = await c.session('acme-dental')
    expect((await reveal(gb.id, dental)).status).toBe(404)
    expect((await reveal('00000000-0000-4000-8000-000000000000')).status).toBe(404)
    expect((await c.call(`/console/api/requests/${gb.id}/reveal`, undefined, { method: 'POST' })).status).toBe(401)
    expect((await c.call(`/console/api/requests/${gb.id}/reveal`, token)).status).toBe(404) // GET is not a way in
    expect((await c.getJson<{ rows: LogEntry[] }>('/console/api/access-log', dental)).rows).toEqual([])
    expect((await c.getJson<{ rows: LogEntry[] }>('/console/api/access-log', token)).rows).toHaveLength(2)
  })

  it('the CSV has full numbers only when asked for, and that export is logged with what it held', async () => {
    const c = await startConsole()
    await c.seed(demoRequest(), demoRequest({ channel: 'form', phone: '+353851234567' }), dentalRequest())
    const token = await c.session('demo')
    const masked = await (await c.call('/console/api/requests.csv?days=30', token)).text()
    expect(masked).not.toMatch(/447400123456|353851234567/)
    expect((await c.getJson<{ rows: LogEntry[] }>('/console/api/access-log', token)).rows).toEqual([])

    const full = await (await c.call('/console/api/requests.csv?days=30&channel=form&phones=full', token)).text()
    const lines = full
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain(`"'+353851234567"`)
    expect(full).not.toContain('12025550143')
    const log = await c.getJson<{ rows: LogEntry[] }>('/console/api/access-log', token)
    expect(log.rows).toEqual([expect.objectContaining({ action: 'export', subject: '1 request (last 30 days, form)', current: true })])
  })

  it('a session takes at most 60 full numbers in ten minutes (shown or exported), however many requests arrive at once; each one is logged', async () => {
    const c = await startConsole()
    const leads = Array.from({ length: 80 }, (_, i) => demoRequest({ phone: '+4474001234' + String(10 + i) }))
    for (const lead of leads) c.store(lead)
    const token = await c.session('demo')
    const statuses = await Promise.all(leads.map((l) => c.call(`/console/api/requests/${l.id}/reveal`, token, { method: 'POST' }).then((r) => r.status)))
    expect(statuses.filter((s) => s === 200)).toHaveLength(60)
    expect(statuses.filter((s) => s === 429)).toHaveLength(20)
    expect((await c.getJson<{ rows: LogEntry[] }>('/console/api/access-log', token)).rows).toHaveLength(60)
    // An export with full numbers counts too: refused now, while the masked one still works.
    expect((await c.call('/console/api/requests.csv?phones=full', token)).status).toBe(429)
    expect((await c.call('/console/api/requests.csv', token)).status).toBe(200)
    // Another session of the same site has its own share.
    const other = await c.session('demo')
    expect((await c.call(`/console/api/requests/${leads[0]!.id}/reveal`, other, { method: 'POST' })).status).toBe(200)
    c.clock.now += 10 * 60000
    expect((await c.call(`/console/api/requests/${leads[79]!.id}/reveal`, token, { method: 'POST' })).status).toBe(200)
  })
})
