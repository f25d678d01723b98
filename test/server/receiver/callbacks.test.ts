import { afterEach, describe, expect, it } from 'vitest'
import { request, startReceiver } from './startReceiver'

let running: Awaited<ReturnType<typeof startReceiver>>[] = []
const start = async (...args: Parameters<typeof startReceiver>) => {
  const r = await startReceiver(...args)
  running.push(r)
  return r
}
afterEach(async () => {
  for (const r of running) await r.receiver.dispose()
  running = []
})

describe('POST /v1/callbacks', () => {
  it('stores a valid request and answers 201 calling while the business is open', async () => {
    const { post, receiver } = await start()
    const body = request()
    const res = await post(body, { 'Idempotency-Key': body.id })
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ id: body.id, status: 'calling', etaSeconds: 30 })
    expect(receiver.db.get(body.id)?.request).toEqual(body)
  })

  it('schedules the next opening when closed (Friday evening → Monday 09:00 London)', async () => {
    const { post } = await start({ clock: { now: Date.parse('2026-11-27T18:00:00Z') } })
    const res = await post(request())
    expect(await res.json()).toMatchObject({ status: 'scheduled', scheduledFor: '2026-11-30T09:00:00.000Z' })
  })

  it('rejects what does not match the schema with 400 and the fields at fault', async () => {
    const { post } = await start()
    const res = await post({ ...request(), phone: '07400123456', channel: 'sms' })
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.error.code).toBe('invalid_request')
    expect(Object.keys(body.error.fields)).toEqual(expect.arrayContaining(['phone', 'channel']))
    expect((await post('not json')).status).toBe(400)
  })

  it('accepts the sendBeacon form: the same JSON as text/plain, the key from the body', async () => {
    const { post, receiver } = await start()
    const body = request()
    const res = await post(JSON.stringify(body), { 'Content-Type': 'text/plain;charset=UTF-8' })
    expect(res.status).toBe(201)
    expect(receiver.db.get(body.id)).toBeDefined()
  })

  it('replays an id with the same content: 200 and the stored answer, byte for byte', async () => {
    const { post, clock } = await start()
    const body = request()
    const first = await (await post(body)).text()
    clock.now += 60 * 60000 // an hour later the business may be answering differently
    const again = await post({ ...body })
    expect(again.status).toBe(200)
    expect(await again.text()).toBe(first)
  })

  it('refuses the same id with other content: 409 idempotency_conflict', async () => {
    const { post } = await start()
    const body = request()
    await post(body)
    const res = await post({ ...body, phone: '+447400123457' })
    expect(res.status).toBe(409)
    expect((await res.json()).error.code).toBe('idempotency_conflict')
  })

  it('stores one row for concurrent posts of one id', async () => {
    const { post, receiver } = await start()
    const body = request()
    const statuses = (await Promise.all(Array.from({ length: 8 }, () => post(body)))).map((r) => r.status).sort()
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201])
    expect(receiver.db.listBySite('demo')).toHaveLength(1)
  })

  it('refuses an Idempotency-Key that is not the body id', async () => {
    const { post } = await start()
    const res = await post(request(), { 'Idempotency-Key': '6f1e0d6a-3b0d-4c57-9d55-0f3c1f6b2a91' })
    expect(res.status).toBe(400)
  })

  it('validates the number strictly and refuses special-cost numbers with a reason', async () => {
    const { post } = await start()
    const premium = await post(request({ phone: '+449011234567' }))
    expect(premium.status).toBe(422)
    const body = await premium.json()
    expect(body.error.code).toBe('invalid_phone')
    expect(body.error.fields.phone).toMatch(/premium/)
    expect((await post(request({ phone: '+447700900123' }))).status).toBe(422) // a fictional (drama) range
    const elsewhere = await post(request({ phone: '+4915123456789' })) // valid, but the demo calls GB and IE only
    expect(elsewhere.status).toBe(422)
    expect((await elsewhere.json()).error.fields.phone).toMatch(/GB, IE/)
    expect((await post(request({ phone: '+353851234567' }))).status).toBe(201)
  })

  it('404s an unknown site', async () => {
    const { post } = await start()
    const res = await post(request({ siteId: 'nobody' }))
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('site_not_found')
  })

  it('answers a body over 64 KiB with 413, not a reset the SDK would retry', async () => {
    const { post, receiver } = await start()
    const body = request({ page: { url: 'https://acme.example/pricing', title: 'x'.repeat(70 * 1024) } })
    const res = await post(body)
    expect(res.status).toBe(413)
    expect((await res.json()).error.code).toBe('invalid_request')
    expect(receiver.db.get(body.id)).toBeUndefined()
  })
})

describe('slots', () => {
  const monday9 = '2026-11-23T09:00:00.000Z'
  it('accepts an open slot and answers scheduled for it', async () => {
    const { post } = await start({ clock: { now: Date.parse('2026-11-22T20:00:00Z') } }) // Sunday evening
    const res = await post(request({ schedule: { type: 'slot', at: monday9 } }))
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ status: 'scheduled', scheduledFor: monday9 })
  })

  it.each([
    ['outside hours', '2026-11-23T18:00:00.000Z'],
    ['in the lunch break', '2026-11-25T12:15:00.000Z'],
    ['on a closed date', '2026-12-25T10:00:00.000Z'],
    ['misaligned to the slot length', '2026-11-23T09:05:00.000Z'],
    ['in the past', '2026-11-20T10:00:00.000Z'],
    ['beyond the horizon', '2026-12-08T10:00:00.000Z']
  ])('refuses a slot %s with 422 slot_unavailable', async (_, at) => {
    const { post } = await start({ clock: { now: Date.parse('2026-11-22T20:00:00Z') } })
    const res = await post(request({ schedule: { type: 'slot', at } }))
    expect(res.status).toBe(422)
    expect((await res.json()).error.code).toBe('slot_unavailable')
  })

  it('follows British Summer Time: 09:00 in London is 08:00Z after 29 March', async () => {
    const { post } = await start({ clock: { now: Date.parse('2026-03-29T12:00:00Z') } })
    expect((await post(request({ schedule: { type: 'slot', at: '2026-03-30T08:00:00.000Z' } }))).status).toBe(201)
    expect((await post(request({ schedule: { type: 'slot', at: '2026-03-30T09:00:00.000Z' } }))).status).toBe(201)
    expect((await post(request({ schedule: { type: 'slot', at: '2026-03-30T07:45:00.000Z' } }))).status).toBe(422)
  })
})

describe('rate limits', () => {
  it('limits one destination number across sites, with Retry-After', async () => {
    const { post, receiver } = await start()
    receiver.allowOrigin('acme-dental', 'https://dental.example')
    const dental = { ...request(), siteId: 'acme-dental', phone: '+15405551234' }
    expect((await post({ ...dental, id: request().id })).status).toBe(201)
    expect((await post({ ...request({ phone: '+15405551234' }), siteId: 'acme-dental' })).status).toBe(201)
    expect((await post({ ...request({ phone: '+15405551234' }), siteId: 'acme-dental' })).status).toBe(201)
    const limited = await post({ ...request({ phone: '+15405551234' }), siteId: 'acme-dental' })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await limited.json()).error.code).toBe('rate_limited')
  })

  it('limits per IP and per site, and never counts replays', async () => {
    const { post } = await start({ limits: { perIp: 2, perNumber: 100 } })
    const body = request()
    expect((await post(body)).status).toBe(201)
    expect((await post(body)).status).toBe(200)
    expect((await post(body)).status).toBe(200)
    expect((await post(request())).status).toBe(201)
    expect((await post(request())).status).toBe(429)
    const site = await start({ limits: { perSite: 1, perNumber: 100 } })
    expect((await site.post(request())).status).toBe(201)
    expect((await site.post(request())).status).toBe(429)
  })
})

describe('CORS and the config', () => {
  it('answers preflights for registered origins only, and checks the POST against its site', async () => {
    const { origin, post } = await start()
    const preflight = (o: string) =>
      fetch(origin + '/v1/callbacks', {
        method: 'OPTIONS',
        headers: { Origin: o, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' }
      })
    const ok = await preflight('http://localhost:8080')
    expect(ok.status).toBe(204)
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:8080')
    expect(ok.headers.get('access-control-expose-headers')).toMatch(/Retry-After/)
    expect((await preflight('https://evil.example')).status).toBe(403)
    expect((await post(request(), { Origin: 'https://evil.example' })).status).toBe(403)
    expect((await post({ ...request(), siteId: 'acme-dental', phone: '+15405551234' }, { Origin: 'http://localhost:8080' })).status).toBe(403)
    const res = await post(request(), { Origin: 'http://localhost:8080' })
    expect(res.status).toBe(201)
    expect(res.headers.get('set-cookie')).toBeNull()
  })

  it('serves the public config with caching headers and an ETag, never the server-side fields', async () => {
    const { origin } = await start()
    const res = await fetch(origin + '/v1/sites/demo/config', { headers: { Origin: 'http://localhost:8080' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('max-age=300')
    const etag = res.headers.get('etag')!
    const config = await res.json()
    expect(config.siteId).toBe('demo')
    expect(config).not.toHaveProperty('origins')
    expect(JSON.stringify(config)).not.toMatch(/pin/i)
    expect((await fetch(origin + '/v1/sites/demo/config', { headers: { 'If-None-Match': etag } })).status).toBe(304)
    expect((await fetch(origin + '/v1/sites/nobody/config')).status).toBe(404)
  })

  it('answers a path that is not valid percent-encoding with 400, never 500', async () => {
    const { origin } = await start()
    expect((await fetch(origin + '/v1/sites/%E0%A4%A/config')).status).toBe(400)
    expect((await fetch(origin + '/sites/%E0%A4%A/requests', { redirect: 'manual' })).status).toBe(400)
  })
})

describe('storage and operations', () => {
  it('keeps stored requests across a restart', async () => {
    const first = await start()
    const body = request()
    await first.post(body)
    await first.receiver.dispose()
    running = running.filter((r) => r !== first)
    const second = await start({ dbPath: first.dbPath })
    expect(second.receiver.db.get(body.id)?.request).toEqual(body)
    expect((await second.post(body)).status).toBe(200)
  })

  it('stores IPs anonymised and logs rejections without personal data', async () => {
    const lines: string[] = []
    const { post, receiver } = await start({ log: (line) => lines.push(line) })
    const body = request()
    await post(body)
    await post(request({ phone: '+449011234567' }))
    await post({ ...request(), phone: 'nope' })
    const row = receiver.db.db.prepare('SELECT ip FROM requests').get() as { ip: string }
    expect(row.ip).toBe('127.0.0.0')
    expect(lines.join('\n')).not.toMatch(/127\.0\.0\.1/)
    const errors = receiver.db.db.prepare('SELECT * FROM errors').all() as Record<string, unknown>[]
    expect(errors).toEqual([expect.objectContaining({ code: 'invalid_request', status: 400, site_id: 'demo' })])
    // A lead of the site refused for its number is logged apart, its number masked.
    const refused = receiver.db.db.prepare('SELECT * FROM refused_leads').all() as Record<string, unknown>[]
    expect(refused).toEqual([expect.objectContaining({ reason: 'invalid_phone', phone: '+44901•••4567', site_id: 'demo' })])
    expect(JSON.stringify([errors, refused])).not.toMatch(/9011234567/)
  })

  it('keeps the fault switch off unless asked', async () => {
    const { origin } = await start()
    expect((await fetch(origin + '/__test/requests')).status).toBe(404)
    const on = await start({ faults: true })
    expect((await fetch(on.origin + '/__test/requests')).status).toBe(200)
  })

  it('shows a site’s requests only behind the console’s sign-in: the old open list page redirects there', async () => {
    const { post, origin } = await start()
    await post(request({ phone: '+447400123456' }))
    const response = await fetch(origin + '/sites/demo/requests', { redirect: 'manual' })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/console')
    expect(await response.text()).not.toContain('3456')
  })
})
