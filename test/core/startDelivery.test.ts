import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { memoryStore } from '../../src/core/safeStorage'
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

  const start = () =>
    startDelivery({ api: 'https://api.example', store: memoryStore(), emit: (name, payload) => void events.push([name, payload]), guard: (fn) => fn })

  it('sends JSON with the Idempotency-Key, then says submit and success', async () => {
    const delivery = start()
    const r = request()
    delivery.deliver(r)
    await vi.waitFor(() => expect(events.map((e) => e[0])).toEqual(['submit', 'success']))
    expect(posts).toEqual([{ id: r.id, body: JSON.stringify(r) }])
    expect(events[1]![1]).toMatchObject({ id: r.id, status: 'calling', etaSeconds: 30 })
  })

  it('sends a double-submitted form once, but the same number again with other content', async () => {
    const delivery = start()
    const first = request()
    delivery.deliver(first)
    delivery.deliver({ ...first, id: crypto.randomUUID(), requestedAt: new Date(Date.now() + 300).toISOString() })
    delivery.deliver(request({ contact: { name: 'Sam', message: 'Also the boiler' } }))
    await vi.waitFor(() => expect(posts).toHaveLength(2))
    expect(posts[0]!.id).toBe(first.id)
  })

  it('does not merge widget requests: the widget guards its own submits', async () => {
    const delivery = start()
    const first = request({ channel: 'widget', contact: undefined })
    delivery.deliver(first)
    delivery.deliver({ ...first, id: crypto.randomUUID() })
    await vi.waitFor(() => expect(posts).toHaveLength(2))
  })
})
