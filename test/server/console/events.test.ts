import { describe, expect, it } from 'vitest'
import type { Metrics } from '../../../demo/server/console/buildMetrics'
import type { PresentedRow } from '../../../demo/server/console/presentRow'
import { demoRequest, dentalRequest, startConsole } from './consoleHarness'

describe('POST /v1/callbacks/{id}/events', () => {
  it('records attempted, connected, missed and opted_out for the token’s own site', async () => {
    const c = await startConsole()
    const r = demoRequest()
    await c.seed(r)
    const dialler = c.receiver.console.issue('events', 'demo', 3600000)
    for (const type of ['attempted', 'missed', 'attempted', 'connected', 'opted_out']) {
      const res = await c.call(`/v1/callbacks/${r.id}/events`, dialler, { body: { type } })
      expect(res.status).toBe(201)
      expect(await res.json()).toEqual({ id: r.id, type, at: new Date(c.clock.now).toISOString() })
    }
    const at = '2026-11-23T10:05:00.000Z'
    expect(await (await c.call(`/v1/callbacks/${r.id}/events`, dialler, { body: { type: 'attempted', at } })).json()).toMatchObject({ at })
    const stored = c.receiver.db.db.prepare('SELECT type, site_id FROM call_events WHERE request_id = ? ORDER BY id').all(r.id)
    expect(stored.map((e) => (e as { type: string }).type)).toEqual(['attempted', 'missed', 'attempted', 'connected', 'opted_out', 'attempted'])
  })

  it('refuses a missing or wrong token, another site’s request, an unknown type', async () => {
    const c = await startConsole()
    const r = demoRequest()
    await c.seed(r)
    const path = `/v1/callbacks/${r.id}/events`
    expect((await c.call(path, undefined, { body: { type: 'missed' } })).status).toBe(401)
    expect((await c.call(path, c.receiver.console.issue('link', 'demo', 60000), { body: { type: 'missed' } })).status).toBe(401)
    expect((await c.call(path, c.receiver.console.issue('events', 'demo', 0, c.clock.now - 1), { body: { type: 'missed' } })).status).toBe(401)
    expect((await c.call(path, c.receiver.console.issue('events', 'acme-dental', 60000), { body: { type: 'missed' } })).status).toBe(404)
    const dialler = c.receiver.console.issue('events', 'demo', 60000)
    expect((await c.call(path, dialler, { body: { type: 'voicemail' } })).status).toBe(400)
    expect((await c.call(path, dialler, { body: 'not json' })).status).toBe(400)
    expect((await c.call(`/v1/callbacks/nope/events`, dialler, { body: { type: 'missed' } })).status).toBe(404)
    expect(c.receiver.db.db.prepare('SELECT COUNT(*) AS n FROM call_events').get()).toEqual({ n: 0 })
  })

  it('gives the console real response times, missed calls and opt-outs', async () => {
    const c = await startConsole()
    const t0 = c.clock.now // Monday 10:00 London, open: requests are "calling"
    const a = demoRequest()
    const b = demoRequest({ channel: 'form', phone: '+353851234567', source: { medium: 'paid', utm: { campaign: 'boilers' } } })
    const d = demoRequest({ device: { type: 'desktop' } })
    await c.seed(a, b, d)
    await c.seed(dentalRequest())
    const token = await c.session('demo')
    const event = (id: string, type: string, afterSeconds: number) =>
      c.call(`/v1/callbacks/${id}/events`, token, { body: { type, at: new Date(t0 + afterSeconds * 1000).toISOString() } })
    await event(a.id, 'attempted', 20)
    await event(a.id, 'connected', 25)
    await event(b.id, 'attempted', 40)
    await event(b.id, 'missed', 70)
    await event(d.id, 'attempted', 90)
    await event(d.id, 'opted_out', 95)

    const m = await c.getJson<Metrics>('/console/api/metrics?days=7', token)
    expect(m).toMatchObject({
      days: 7,
      total: 3,
      channel: { widget: 2, form: 1 },
      medium: { organic: 2, paid: 1 },
      campaign: { boilers: 1 },
      device: { mobile: 2, desktop: 1 },
      schedule: { asap: 3 },
      outcome: { attempted: 3, connected: 1, missed: 1, opted_out: 1 },
      response: { count: 3, medianSeconds: 40, p90Seconds: 90 }
    })
    expect(m.perDay).toHaveLength(7)
    expect(m.perDay.at(-1)).toEqual({ date: '2026-11-23', widget: 2, form: 1 })

    const missed = await c.getJson<{ rows: PresentedRow[] }>('/console/api/missed', token)
    expect(missed.rows.map((r) => r.id)).toEqual([b.id])
    expect(missed.rows[0]).toMatchObject({ phone: '+35385•••4567', outcome: 'missed', firstAttemptSeconds: 40 })
    // Called back and connected: no longer missed.
    await event(b.id, 'connected', 600)
    expect((await c.getJson<{ rows: PresentedRow[] }>('/console/api/missed', token)).rows).toEqual([])
  })

  it('buckets days in the business’s time zone, not the server’s', async () => {
    // 03:30 UTC on 24 Nov is still 23 Nov in New York.
    const c = await startConsole({ clock: { now: Date.parse('2026-11-24T12:00:00Z') } })
    c.store(dentalRequest(), Date.parse('2026-11-24T03:30:00Z'))
    c.store(dentalRequest({ channel: 'form' }), Date.parse('2026-11-24T05:30:00Z'))
    const m = await c.getJson<Metrics>('/console/api/metrics?days=2', await c.session('acme-dental'))
    expect(m.perDay).toEqual([
      { date: '2026-11-23', widget: 1, form: 0 },
      { date: '2026-11-24', widget: 0, form: 1 }
    ])
  })
})

describe('deletion', () => {
  it('erases a visitor by phone number, as typed nationally or in E.164, on the signed-in site only', async () => {
    const c = await startConsole()
    const mine = [demoRequest(), demoRequest({ channel: 'form' })]
    const other = demoRequest({ phone: '+353851234567' })
    await c.seed(...mine, other)
    const token = await c.session('demo')
    await c.call(`/v1/callbacks/${mine[0]!.id}/events`, token, { body: { type: 'missed' } })
    const erase = (phone: string) => c.call('/console/api/erase', token, { body: { phone } })
    expect(await (await erase('07400 123456')).json()).toEqual({ deleted: 2 })
    expect(await (await erase('+44 7400 123456')).json()).toEqual({ deleted: 0 })
    expect((await erase('12')).status).toBe(422)
    for (const r of mine) expect(c.receiver.db.get(r.id)).toBeUndefined()
    expect(c.receiver.db.get(other.id)).toBeDefined()
    expect(c.receiver.db.db.prepare('SELECT COUNT(*) AS n FROM call_events').get()).toEqual({ n: 0 })
    const row = c.receiver.db.db.prepare("SELECT COUNT(*) AS n FROM requests WHERE body LIKE '%7400123456%'").get()
    expect(row).toEqual({ n: 0 })
  })

  it('deletes one request, or all of a site’s data when confirmed with its Client ID', async () => {
    const c = await startConsole()
    const [a, b] = [demoRequest(), demoRequest()]
    const dental = dentalRequest()
    await c.seed(a, b, dental)
    await c.post({ ...demoRequest(), phone: 'nope' }) // an error log entry
    const token = await c.session('demo')
    expect((await c.call('/console/api/requests/' + a.id, token, { method: 'DELETE' })).status).toBe(200)
    expect((await c.call('/console/api/requests/' + a.id, token, { method: 'DELETE' })).status).toBe(404)
    expect(c.receiver.db.get(a.id)).toBeUndefined()
    expect((await c.getJson<{ rows: unknown[] }>('/console/api/errors', token)).rows).toEqual([
      { code: 'invalid_request', status: 400, at: new Date(c.clock.now).toISOString() }
    ])

    expect((await c.call('/console/api/data', token, { method: 'DELETE' })).status).toBe(400)
    const all = await c.call('/console/api/data?confirm=demo', token, { method: 'DELETE' })
    expect(await all.json()).toEqual({ requests: 1, errors: 1, refused: 0 })
    expect(c.receiver.db.listBySite('demo')).toEqual([])
    expect((await c.getJson<{ rows: unknown[] }>('/console/api/errors', token)).rows).toEqual([])
    expect(c.receiver.db.get(dental.id)).toBeDefined()
  })
})
