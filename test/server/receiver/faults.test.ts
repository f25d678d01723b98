import { afterEach, describe, expect, it, vi } from 'vitest'
import { request, startReceiver } from './startReceiver'

let running: Awaited<ReturnType<typeof startReceiver>>[] = []
afterEach(async () => {
  for (const r of running) await r.receiver.dispose()
  running = []
})

/** A receiver with its fault switch on, and a way to arm faults. */
async function start() {
  const r = await startReceiver({ faults: true })
  running.push(r)
  const faults = (body: unknown) => fetch(r.origin + '/__test/faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  const attempts = async () => (await (await fetch(r.origin + '/__test/attempts')).json()) as { id: string; status: number }[]
  return { ...r, faults, attempts }
}

describe('test controls (fault injection for the e2e suites)', () => {
  it('fails the next N posts with a status, Retry-After and a body of any type, and records every attempt', async () => {
    const { post, faults, attempts, receiver } = await start()
    await faults({ callbacks: { count: 2, status: 429, retryAfter: 2, contentType: 'text/html', body: '<p>busy</p>' } })
    const body = request()
    const first = await post(body)
    expect(first.status).toBe(429)
    expect(first.headers.get('retry-after')).toBe('2')
    expect(first.headers.get('content-type')).toBe('text/html')
    expect(await first.text()).toBe('<p>busy</p>')
    expect((await post(body)).status).toBe(429)
    expect((await post(body)).status).toBe(201)
    expect((await attempts()).map((a) => [a.id, a.status])).toEqual([
      [body.id, 429],
      [body.id, 429],
      [body.id, 201]
    ])
    expect(receiver.db.get(body.id)).toBeDefined()
  })

  it('is down for a time window, whatever the count', async () => {
    const { post, faults } = await start()
    // The window is read from the clock: it stands still while two posts are
    // answered (a loaded machine took longer than the window), then moves past it.
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      await faults({ callbacks: { forMs: 300, status: 503 } })
      expect((await post(request())).status).toBe(503)
      expect((await post(request())).status).toBe(503)
      vi.setSystemTime(Date.now() + 300)
      expect((await post(request())).status).toBe(201)
    } finally {
      vi.useRealTimers()
    }
  })

  it('answers a redirect without storing, and a slow pass-through that stores', async () => {
    const { origin, post, faults, receiver } = await start()
    await faults({ callbacks: { count: 1, status: 302, location: 'https://elsewhere.example/', body: '' } })
    const redirected = request()
    const res = await fetch(origin + '/v1/callbacks', { method: 'POST', body: JSON.stringify(redirected), redirect: 'manual' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('https://elsewhere.example/')
    expect(receiver.db.get(redirected.id)).toBeUndefined()
    await faults({ callbacks: { count: 1, delayMs: 200, pass: true } })
    const slow = request()
    const started = Date.now()
    expect((await post(slow)).status).toBe(201)
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
    expect(receiver.db.get(slow.id)).toBeDefined()
  })

  it('serves a replaced config body', async () => {
    const { origin, faults } = await start()
    await faults({ config: { body: { siteId: 'demo', widget: { label: '<b>x</b>' } } } })
    expect(await (await fetch(origin + '/v1/sites/demo/config')).json()).toEqual({ siteId: 'demo', widget: { label: '<b>x</b>' } })
  })
})
