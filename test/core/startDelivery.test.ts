import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { OUTBOX_KEY, outboxEntry } from '../../src/core/outboxEntry'
import { memoryStore } from '../../src/core/safeStorage'
import { SAME_NUMBER_MS } from '../../src/core/sameNumber'
import { startDelivery } from '../../src/core/startDelivery'
import type { CallbackRequest } from '../../src/schema'

const request = (change: Partial<CallbackRequest> = {}): CallbackRequest => ({
  id: crypto.randomUUID(),
  siteId: 'demo',
  channel: 'form',
  phone: '+447400123456',
  schedule: { type: 'asap' },
  contact: { name: 'Sam' },
  page: { url: 'https://acme.example/contact' },
  requestedAt: new Date().toISOString(),
  ...change
})

describe('startDelivery', () => {
  let posts: { id: string; body: string }[]
  let events: [string, unknown][]
  beforeEach(() => {
    posts = []
    events = []
    vi.stubGlobal('navigator', { onLine: true, sendBeacon: () => true })
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      const id = (init.headers as Record<string, string>)['Idempotency-Key']!
      posts.push({ id, body: String(init.body) })
      return new Response(JSON.stringify({ id, status: 'calling', etaSeconds: 30 }), { status: 201 })
    })
  })
  afterEach(() => vi.unstubAllGlobals())

  const start = (store = memoryStore()) =>
    startDelivery({ api: 'https://api.example', store, emit: (name, payload) => void events.push([name, payload]), guard: (fn) => fn })

  it('sends JSON with the Idempotency-Key, then says submit and success', async () => {
    const delivery = start()
    const r = request()
    delivery.deliver(r)
    await vi.waitFor(() => expect(events.map((e) => e[0])).toEqual(['submit', 'success']))
    expect(posts).toEqual([{ id: r.id, body: JSON.stringify(r) }])
    expect(events[1]![1]).toMatchObject({ id: r.id, status: 'calling', etaSeconds: 30 })
  })

  it('does not send a form request for a number another tab or an earlier page left waiting in the outbox', async () => {
    const store = memoryStore()
    const delivery = start(store)
    // Written by another tab (or the page before): the same number, not acknowledged yet, retried later.
    const waiting = outboxEntry('https://api.example', request(), Date.now() - 60_000)
    store.set(OUTBOX_KEY + waiting.id, JSON.stringify({ ...waiting, tries: 1, next: Date.now() + 60_000 }))
    const again = request({ contact: { name: 'Sam', message: 'Also the boiler' } })
    // The first file wrote it early, while this file was on its way.
    store.set(OUTBOX_KEY + again.id, JSON.stringify(outboxEntry('https://api.example', again, Date.now())))
    delivery.deliver(again)
    expect(store.get(OUTBOX_KEY + again.id)).toBeNull()
    // Another number, and the same number in the widget, are other requests.
    const other = request({ phone: '+4915123456789' })
    delivery.deliver(other)
    const widget = request({ channel: 'widget', contact: undefined })
    delivery.deliver(widget)
    await vi.waitFor(() => expect(posts.map((p) => p.id).sort()).toEqual([other.id, widget.id].sort()))
    expect(events.filter((e) => e[0] === 'submit').map((e) => (e[1] as { id: string }).id)).not.toContain(again.id)
  })

  it('sends the same number again once the waiting request is older than the form window', async () => {
    const store = memoryStore()
    const delivery = start(store)
    const waiting = outboxEntry('https://api.example', request(), Date.now() - SAME_NUMBER_MS.form - 1)
    store.set(OUTBOX_KEY + waiting.id, JSON.stringify({ ...waiting, tries: 1, next: Date.now() + 60_000 }))
    const later = request()
    delivery.deliver(later)
    await vi.waitFor(() => expect(posts.map((p) => p.id)).toEqual([later.id]))
  })

  it('does not compare widget requests: the panel guards its own submits (sameNumber)', async () => {
    const delivery = start()
    const first = request({ channel: 'widget', contact: undefined })
    delivery.deliver(first)
    delivery.deliver({ ...first, id: crypto.randomUUID() })
    await vi.waitFor(() => expect(posts).toHaveLength(2))
  })
})
