import { describe, expect, it } from 'vitest'
import { demoRequest, startConsole } from '../console/consoleHarness'

const DAY = 24 * 3600000

interface RefusedAnswer {
  counts: { refused: number; byReason: [string, number][]; acceptedLater: number; unlisted: number }
  rows: { requestId: string; phone: string; pageUrl: string; pageTitle?: string; reason: string; detail?: string; attempts: number; acceptedAt?: string }[]
}

describe('refused leads', () => {
  it('a lead refused by a rate limit is logged once per request id, masked, with its page and reason, however often it is retried', async () => {
    const c = await startConsole({ limits: { perNumber: 1, perIp: 1000, perSite: 1000 } })
    await c.seed(demoRequest())
    const lead = demoRequest({ channel: 'form', page: { url: 'https://acme.example/contact', title: 'Contact us' } })
    // The SDK retries a 429 with the same id: six tries.
    for (let i = 0; i < 6; i++) expect((await c.post(lead)).status).toBe(429)
    const token = await c.session('demo')
    const answer = await c.getJson<RefusedAnswer>('/console/api/refused?days=7', token)
    expect(answer.rows).toEqual([
      expect.objectContaining({
        requestId: lead.id,
        phone: '+44740•••3456',
        pageUrl: 'https://acme.example/contact',
        pageTitle: 'Contact us',
        channel: 'form',
        reason: 'rate_limited',
        detail: 'number',
        attempts: 6
      })
    ])
    expect(answer.counts).toEqual({ refused: 1, byReason: [['rate_limited', 1]], acceptedLater: 0, unlisted: 0 })
    // Not six anonymous rows in the error log, and no full number anywhere.
    expect((await c.getJson<{ rows: unknown[] }>('/console/api/errors', token)).rows).toEqual([])
    expect(JSON.stringify(c.receiver.db.db.prepare('SELECT * FROM refused_leads').all())).not.toContain('7400123456')

    // Ten minutes later a retry gets through: the lead was not lost after all.
    c.clock.now += 10 * 60000
    expect((await c.post(lead)).status).toBe(201)
    const later = await c.getJson<RefusedAnswer>('/console/api/refused?days=7', token)
    expect(later.rows[0]).toMatchObject({ attempts: 6, acceptedAt: new Date(c.clock.now).toISOString() })
    expect(later.counts).toEqual({ refused: 0, byReason: [], acceptedLater: 1, unlisted: 0 })
  })

  it('counts each reason (number, slot, limit), and keeps to the site and the period', async () => {
    const c = await startConsole()
    // A valid US number: the demo business calls GB and IE only. A slot that is not open. A premium-rate number.
    await c.post(demoRequest({ phone: '+12025550143' }))
    await c.post(demoRequest({ schedule: { type: 'slot', at: '2026-11-23T03:00:00.000Z' } }))
    await c.post(demoRequest({ phone: '+449098790000' }))
    await c.post({ ...demoRequest(), siteId: 'acme-dental', phone: '+447400123456', locale: 'en-US' })
    const token = await c.session('demo')
    const answer = await c.getJson<RefusedAnswer>('/console/api/refused?days=1', token)
    expect(answer.counts).toEqual({
      refused: 3,
      byReason: [
        ['invalid_phone', 2],
        ['slot_unavailable', 1]
      ],
      acceptedLater: 0,
      unlisted: 0
    })
    expect(answer.rows.map((r) => [r.phone, r.detail]).sort()).toEqual(
      [
        ['+1202•••0143', 'this business only calls numbers in GB, IE'],
        ['+44740•••3456', '2026-11-23T03:00:00.000Z'],
        ['+44909•••0000', 'premium-rate numbers cannot be called back']
      ].sort()
    )
    // A week later, "last day" counts none of them; the list still shows them until retention.
    c.clock.now += 7 * DAY
    const later = await c.session('demo')
    expect((await c.getJson<RefusedAnswer>('/console/api/refused?days=1', later)).counts.refused).toBe(0)
    expect((await c.getJson<RefusedAnswer>('/console/api/refused', later)).rows).toHaveLength(3)
    const dental = await c.session('acme-dental')
    expect((await c.getJson<RefusedAnswer>('/console/api/refused', dental)).rows.map((r) => r.phone)).toEqual(['+44740•••3456'])
  })

  it('under a flood of parallel refusals, at most 30 new rows a minute per site are listed; the rest are counted', async () => {
    const c = await startConsole({ limits: { perNumber: 1000, perIp: 1, perSite: 1000 } })
    await c.seed(demoRequest())
    const statuses = await Promise.all(Array.from({ length: 80 }, (_, i) => c.post(demoRequest({ phone: '+4474001234' + String(10 + i) })).then((r) => r.status)))
    expect(statuses.every((s) => s === 429)).toBe(true)
    const token = await c.session('demo')
    const answer = await c.getJson<RefusedAnswer>('/console/api/refused', token)
    expect(answer.rows).toHaveLength(30)
    expect(answer.counts).toMatchObject({ refused: 30, unlisted: 50 })
    expect(c.receiver.db.db.prepare('SELECT COUNT(*) AS n FROM refused_leads').get()).toEqual({ n: 31 })
  })

  it('go with an erasure of the number, with delete-all, and with the retention period', async () => {
    const c = await startConsole()
    await c.post(demoRequest({ phone: '+12025550143' }))
    await c.post(demoRequest({ phone: '+14155552671' }))
    const token = await c.session('demo')
    await c.call('/console/api/erase', token, { body: { phone: '+1 202 555 0143' } })
    expect((await c.getJson<RefusedAnswer>('/console/api/refused', token)).rows.map((r) => r.phone)).toEqual(['+1415•••2671'])
    expect(await (await c.call('/console/api/data?confirm=demo', token, { method: 'DELETE' })).json()).toEqual({ requests: 0, errors: 0, refused: 1 })
    await c.post(demoRequest({ phone: '+14155552671' }))
    c.clock.now += 91 * DAY
    expect(c.receiver.console.purge()).toBe(1)
    expect((await c.getJson<RefusedAnswer>('/console/api/refused', await c.session('demo'))).rows).toEqual([])
  })
})
