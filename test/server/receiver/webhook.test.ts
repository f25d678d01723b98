import { createHmac } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { loadSites, WebhookSchema } from '../../../demo/server/receiver/loadSites'
import type { WebhookEvent } from '../../../demo/server/receiver/webhook/buildWebhookEvent'
import { postWebhook } from '../../../demo/server/receiver/webhook/postWebhook'
import { MAX_ATTEMPTS, retryDelay } from '../../../demo/server/receiver/webhook/retryDelay'
import { demoRequest, startConsole } from '../console/consoleHarness'
import { startSink, type Sink } from './startSink'

const SECRET = 'whsec_3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e'
const MINUTE = 60000

let sinks: Sink[] = []
afterEach(async () => {
  for (const s of sinks) await s.close()
  sinks = []
})
const sink = async (...args: Parameters<typeof startSink>) => {
  const s = await startSink(...args)
  sinks.push(s)
  return s
}

/** The demo sites, the demo one with a webhook to `url` (as sites.json would have it). */
const sitesWithWebhook = (url: string) => loadSites('demo/sites.json').map((s) => (s.config.siteId === 'demo' ? { ...s, webhook: { url, secret: SECRET } } : s))

/** A receiver whose demo site posts its leads to a sink. */
async function setUp(answer?: Parameters<typeof startSink>[0]) {
  const s = await sink(answer)
  const c = await startConsole({ sites: sitesWithWebhook(s.url) })
  const deliveries = () =>
    c.receiver.db.db.prepare('SELECT * FROM webhook_deliveries ORDER BY id').all() as { id: number; state: string; attempts: number; next_at: number; event_id: string }[]
  return { s, c, deliveries }
}

/** What a business's endpoint checks: the signature over "t.body" with the shared secret. */
function verify(header: string | string[] | undefined, body: string, secret = SECRET) {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(header))
  if (!match) return undefined
  return createHmac('sha256', secret).update(`${match[1]}.${body}`).digest('hex') === match[2] ? Number(match[1]) : undefined
}

describe('new-lead webhooks', () => {
  it('posts each accepted lead, signed; retries with backoff from a sink that fails, then recovers; one event id throughout', async () => {
    const { s, c, deliveries } = await setUp()
    s.answer({ status: 500, body: 'CRM is down' }, { status: 503, body: 'maintenance' })
    const lead = demoRequest({
      channel: 'form',
      contact: { name: 'Alex Morgan', email: 'alex@example.com', message: 'Radiator leaks' },
      signals: { fillMs: 5400, honeypot: false }
    })
    const t0 = c.clock.now
    await c.seed(lead)
    await c.receiver.webhooks.drain()
    expect(s.received).toHaveLength(1)
    expect(deliveries()).toMatchObject([{ state: 'pending', attempts: 1, next_at: t0 + 30000 }])

    // Not due yet: nothing is sent however often the worker looks.
    await c.receiver.webhooks.drain()
    expect(s.received).toHaveLength(1)
    c.clock.now += 30000
    await c.receiver.webhooks.drain()
    expect(s.received).toHaveLength(2)
    expect(deliveries()).toMatchObject([{ state: 'pending', attempts: 2, next_at: c.clock.now + 60000 }])
    c.clock.now += 60000
    await c.receiver.webhooks.drain()
    expect(s.received).toHaveLength(3)
    expect(deliveries()).toMatchObject([{ state: 'delivered', attempts: 3 }])
    c.clock.now += 24 * 60 * MINUTE
    await c.receiver.webhooks.drain()
    expect(s.received).toHaveLength(3)

    // The same bytes and event id each time, a fresh signature per attempt, the attempt number counted.
    const [first] = s.received
    const event = JSON.parse(first!.body) as WebhookEvent
    expect(event.id).toMatch(/^evt_[0-9a-f]{32}$/)
    s.received.forEach((r, i) => {
      expect(r.body).toBe(first!.body)
      expect(r.headers['content-type']).toBe('application/json')
      expect(r.headers['ringback-event-id']).toBe(event.id)
      expect(r.headers['ringback-event-type']).toBe('lead.created')
      expect(r.headers['ringback-delivery-attempt']).toBe(String(i + 1))
      expect(verify(r.headers['ringback-signature'], r.body)).toBe(Math.floor([t0, t0 + 30000, t0 + 90000][i]! / 1000))
      expect(verify(r.headers['ringback-signature'], r.body, SECRET.replace('3f', '4f'))).toBeUndefined()
      expect(verify(r.headers['ringback-signature'], r.body.replace('Radiator', 'Boiler'))).toBeUndefined()
    })
    // What a CRM needs: the full number, what the visitor typed, the platform's answer; not the bot signals.
    expect(event).toMatchObject({
      type: 'lead.created',
      siteId: 'demo',
      createdAt: new Date(t0).toISOString(),
      data: {
        id: lead.id,
        receivedAt: new Date(t0).toISOString(),
        status: 'calling',
        etaSeconds: 30,
        channel: 'form',
        phone: '+447400123456',
        contact: { name: 'Alex Morgan', email: 'alex@example.com', message: 'Radiator leaks' },
        page: lead.page,
        source: lead.source,
        device: lead.device,
        requestedAt: lead.requestedAt
      }
    })
    expect(event.data).not.toHaveProperty('signals')
    expect(event.data).not.toHaveProperty('siteId')

    // The delivery log keeps each attempt: status, what the sink said, how long it took.
    const token = await c.session('demo')
    const log = await c.getJson<{ endpoint: string; counts: object; rows: { state: string; phone: string; log: { status: number; note?: string }[] }[] }>(
      '/console/api/webhook',
      token
    )
    expect(log.endpoint).toBe(new URL(s.url).origin + '/…')
    expect(log.counts).toEqual({ pending: 0, delivered: 1, failed: 0 })
    expect(log.rows).toMatchObject([{ state: 'delivered', phone: '+44740•••3456' }])
    expect(log.rows[0]!.log.map((a) => [a.status, a.note])).toEqual([
      [500, 'CRM is down'],
      [503, 'maintenance'],
      [200, undefined]
    ])
    expect(JSON.stringify(log)).not.toContain('7400123456')
    expect(JSON.stringify(log)).not.toContain(SECRET)
  })

  it('gives up after the last attempt (about 14.5 hours of backoff), honours Retry-After, and Retry now starts over', async () => {
    const { s, c, deliveries } = await setUp({ status: 503, headers: { 'Retry-After': '5' } })
    await c.seed(demoRequest())
    const t0 = c.clock.now
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await c.receiver.webhooks.drain()
      expect(s.received).toHaveLength(attempt)
      if (attempt < MAX_ATTEMPTS) {
        expect(deliveries()[0]!.next_at - c.clock.now).toBe(retryDelay(attempt))
        c.clock.now = deliveries()[0]!.next_at
      }
    }
    expect(deliveries()).toMatchObject([{ state: 'failed', attempts: MAX_ATTEMPTS }])
    // 30 s + 1 + 2 + … + 256 min, then 6 hours: the last attempt 14 h 31 min 30 s after the first.
    expect(c.clock.now - t0).toBe(52290 * 1000)
    c.clock.now += 48 * 60 * MINUTE
    await c.receiver.webhooks.drain()
    expect(s.received).toHaveLength(MAX_ATTEMPTS)

    // A Retry-After longer than the backoff is honoured (capped at 6 hours).
    expect(retryDelay(1, 3600)).toBe(60 * MINUTE)
    expect(retryDelay(1, 10 ** 9)).toBe(6 * 60 * MINUTE)

    // The owner fixed their endpoint: Retry now answers with the attempt's outcome.
    s.always({ status: 204 })
    const token = await c.session('demo')
    const id = deliveries()[0]!.id
    const retried = await c.call(`/console/api/webhook/deliveries/${id}/retry`, token, { method: 'POST' })
    expect(retried.status).toBe(200)
    expect(await retried.json()).toMatchObject({ state: 'delivered', attempts: 1 })
    expect(s.received).toHaveLength(MAX_ATTEMPTS + 1)
    // Delivered is final; another site's session cannot touch it; ids are checked.
    expect((await c.call(`/console/api/webhook/deliveries/${id}/retry`, token, { method: 'POST' })).status).toBe(404)
    const dental = await c.session('acme-dental')
    expect((await c.call(`/console/api/webhook/deliveries/${id}/retry`, dental, { method: 'POST' })).status).toBe(404)
    expect((await c.call(`/console/api/webhook/deliveries/1e3/retry`, token, { method: 'POST' })).status).toBe(404)
    expect((await c.getJson<{ rows: unknown[] }>('/console/api/webhook', dental)).rows).toEqual([])
  })

  it('survives a restart of the receiver: a failed attempt and one cut off on the wire are made again', async () => {
    const s = await sink({ status: 500 })
    const sites = sitesWithWebhook(s.url)
    const a = await startConsole({ sites })
    const lead = demoRequest()
    await a.seed(lead)
    await a.receiver.webhooks.drain()
    expect(s.received).toHaveLength(1)
    const eventId = s.received[0]!.headers['ringback-event-id']
    await a.receiver.dispose()

    // The next process: the sink now hangs, and the receiver stops while the attempt is on the wire.
    s.always('hold')
    const b = await startConsole({ sites, dbPath: a.dbPath, clock: a.clock })
    a.clock.now += 30000
    b.receiver.webhooks.kick()
    await expect.poll(() => s.held).toBe(1)
    await b.receiver.dispose()

    // A third: the attempt cut off is leased for two minutes, then made again, and this time answered.
    s.always({ status: 200 })
    const c = await startConsole({ sites, dbPath: a.dbPath, clock: a.clock })
    await c.receiver.webhooks.drain()
    expect(s.received).toHaveLength(2)
    a.clock.now += 2 * MINUTE
    await c.receiver.webhooks.drain()
    expect(s.received).toHaveLength(3)
    expect(s.received.map((r) => r.headers['ringback-event-id'])).toEqual([eventId, eventId, eventId])
    expect(s.received.map((r) => r.headers['ringback-delivery-attempt'])).toEqual(['1', '2', '3'])
    expect(c.receiver.db.db.prepare('SELECT state FROM webhook_deliveries').all()).toEqual([{ state: 'delivered' }])
  })

  it('erasing a number, deleting all data or the end of retention removes the leads’ deliveries and their log: nothing more is sent', async () => {
    const { s, c, deliveries } = await setUp({ status: 500, body: 'CRM is down' })
    const [gb, ie, other] = [demoRequest(), demoRequest({ phone: '+353851234567' }), demoRequest({ phone: '+447400123457' })]
    await c.seed(gb, ie, other)
    await c.receiver.webhooks.drain()
    expect(s.received).toHaveLength(3)
    const token = await c.session('demo')
    const [erased] = c.receiver.db.db.prepare('SELECT id FROM webhook_deliveries WHERE request_id = ?').all(gb.id) as { id: number }[]
    expect(await (await c.call('/console/api/erase', token, { body: { phone: '07400 123456' } })).json()).toEqual({ deleted: 1 })
    expect(deliveries()).toHaveLength(2)
    expect(c.receiver.db.db.prepare('SELECT COUNT(*) AS n FROM webhook_deliveries WHERE request_id = ?').get(gb.id)).toEqual({ n: 0 })
    expect(c.receiver.db.db.prepare('SELECT COUNT(*) AS n FROM webhook_attempts WHERE delivery_id = ?').get(erased!.id)).toEqual({ n: 0 })
    c.clock.now += 30000
    await c.receiver.webhooks.drain()
    expect(
      s.received
        .slice(3)
        .map((r) => (JSON.parse(r.body) as WebhookEvent).data.id)
        .sort()
    ).toEqual([ie.id, other.id].sort())

    expect((await c.call('/console/api/data?confirm=demo', token, { method: 'DELETE' })).status).toBe(200)
    expect(deliveries()).toEqual([])
    expect(c.receiver.db.db.prepare('SELECT COUNT(*) AS n FROM webhook_attempts').get()).toEqual({ n: 0 })
    c.clock.now += 60 * MINUTE
    await c.receiver.webhooks.drain()
    expect(s.received).toHaveLength(5)

    // The retention period ends a lead's deliveries with it.
    await c.seed(demoRequest())
    await c.receiver.webhooks.drain()
    expect(deliveries()).toHaveLength(1)
    c.clock.now += 91 * 24 * 60 * MINUTE
    c.receiver.console.purge()
    expect(deliveries()).toEqual([])
  })

  it('follows no redirect, and nothing a visitor sends decides where a delivery goes', async () => {
    const elsewhere = await sink()
    const { s, c, deliveries } = await setUp({ status: 307, headers: { Location: elsewhere.url } })
    await c.seed(demoRequest({ page: { url: elsewhere.url, referrer: elsewhere.url }, form: { action: elsewhere.url }, channel: 'form' }))
    await c.receiver.webhooks.drain()
    expect(s.received).toHaveLength(1)
    expect(elsewhere.received).toHaveLength(0)
    expect(deliveries()).toMatchObject([{ state: 'pending', attempts: 1 }])
    const note = c.receiver.db.db.prepare('SELECT status, note FROM webhook_attempts').get()
    expect(note).toEqual({ status: 307, note: `redirect to ${elsewhere.url} (not followed)` })
  })

  it('sends at most four at once, and gives up on a sink that does not answer in time', async () => {
    const { s, c, deliveries } = await setUp('hold')
    const leads = Array.from({ length: 10 }, (_, i) => demoRequest({ phone: '+4474001234' + String(10 + i) }))
    await Promise.all(leads.map((l) => c.post(l)))
    c.receiver.webhooks.kick()
    await expect.poll(() => s.held).toBe(4)
    s.always({ status: 200 })
    s.release()
    await c.receiver.webhooks.drain()
    expect(s.received).toHaveLength(10)
    expect(s.maxOpen).toBe(4)
    expect(deliveries().every((d) => d.state === 'delivered')).toBe(true)

    const slow = await sink('hold')
    const result = await postWebhook(slow.url, '{}', {}, { timeoutMs: 200 })
    expect(result).toMatchObject({ note: 'no answer in time (0.2 s)' })
    expect(result.status).toBeUndefined()
    const refused = await postWebhook('http://127.0.0.1:9/', '{}', {}, { timeoutMs: 2000 })
    expect(refused).toMatchObject({ note: 'ECONNREFUSED' })
  })

  it('takes the URL from the sites file only: https, or http on a loopback host; a secret of 24 characters at least', () => {
    for (const url of ['https://crm.example/hooks/ringback', 'http://127.0.0.1:3000/x', 'http://localhost/x', 'http://[::1]:8080/']) {
      expect(WebhookSchema.safeParse({ url, secret: SECRET }).success, url).toBe(true)
    }
    for (const url of ['http://crm.example/hooks', 'ftp://crm.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'http://127.0.0.1.evil.example/']) {
      expect(WebhookSchema.safeParse({ url, secret: SECRET }).success, url).toBe(false)
    }
    expect(WebhookSchema.safeParse({ url: 'https://crm.example/', secret: 'short' }).success).toBe(false)
  })
})
