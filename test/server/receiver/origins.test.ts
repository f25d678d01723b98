import { describe, expect, it } from 'vitest'
import { request, startEachTest, type startReceiver } from './startReceiver'

const start = startEachTest()

const errorRows = (r: Awaited<ReturnType<typeof startReceiver>>) =>
  r.receiver.db.db.prepare("SELECT code, status FROM errors WHERE site_id = 'demo'").all() as { code: string; status: number }[]

describe('Origin: null (a sandboxed frame on any website)', () => {
  it('is refused, not taken for a server without Origin: fetch, sendBeacon, preflight and config', async () => {
    const r = await start()
    const body = request()
    const json = await r.post(body, { Origin: 'null' })
    expect(json.status).toBe(403)
    expect((await json.json()).error.code).toBe('origin_not_allowed')
    const beacon = await r.post(JSON.stringify(request()), { Origin: 'null', 'Content-Type': 'text/plain;charset=UTF-8' })
    expect(beacon.status).toBe(403)
    const preflight = await fetch(r.origin + '/v1/callbacks', { method: 'OPTIONS', headers: { Origin: 'null', 'Access-Control-Request-Method': 'POST' } })
    expect(preflight.status).toBe(403)
    expect((await fetch(r.origin + '/v1/sites/demo/config', { headers: { Origin: 'null' } })).status).toBe(403)
    expect(r.receiver.db.listBySite('demo')).toEqual([])
    // A server (no Origin at all) still may.
    expect((await r.post(request())).status).toBe(201)
  })
})

describe('the error log cannot be flooded', () => {
  it('checks the origin before the body: a foreign page’s garbage is a 403, not a 400', async () => {
    const r = await start()
    const res = await r.post({ siteId: 'demo', phone: 'nonsense' }, { Origin: 'https://evil.example' })
    expect(res.status).toBe(403)
    expect((await res.json()).error.code).toBe('origin_not_allowed')
    expect((await r.post('not json', { Origin: 'https://evil.example' })).status).toBe(403)
    // From a registered origin the body is checked as before.
    expect((await r.post({ siteId: 'demo', phone: 'nonsense' }, { Origin: 'http://localhost:8080' })).status).toBe(400)
  })

  it('keeps at most 10 rows per origin and minute: 50 parallel bad posts from one page, 50 from one server', async () => {
    const r = await start()
    const bad = () => ({ ...request(), channel: 'sms' })
    const fromPage = await Promise.all(Array.from({ length: 50 }, () => r.post(bad(), { Origin: 'https://evil.example' })))
    expect(fromPage.every((res) => res.status === 403)).toBe(true)
    expect(errorRows(r)).toHaveLength(10)
    const fromServer = await Promise.all(Array.from({ length: 50 }, () => r.post(bad())))
    expect(fromServer.every((res) => res.status === 400)).toBe(true)
    expect(errorRows(r)).toHaveLength(20)
    // A minute later the log takes rows again.
    r.clock.now += 60000
    expect((await r.post(bad())).status).toBe(400)
    expect(errorRows(r)).toHaveLength(21)
  })
})
