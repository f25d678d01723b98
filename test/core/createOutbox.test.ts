import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createOutbox, MAX_AGE_MS, MAX_ENTRIES, MAX_TRIES, type OutboxFailure } from '../../src/core/createOutbox'
import type { OutboxEntry } from '../../src/core/outboxEntry'
import { memoryStore, type Store } from '../../src/core/safeStorage'
import { type Reply, STALL_MS } from '../../src/core/transport'

const guard =
  <A extends unknown[], R>(fn: (...args: A) => R) =>
  (...args: A) =>
    fn(...args)

function setup(replies: Reply[], store: Store = memoryStore()) {
  const sent: { id: string; body: string }[] = []
  const acked: OutboxEntry[] = []
  const failures: { entry: OutboxEntry; failure: OutboxFailure }[] = []
  const beacons: string[] = []
  const outbox = createOutbox({
    store,
    guard,
    random: () => 0.5,
    send: async (_url, id, body) => {
      sent.push({ id, body })
      return replies.shift() || { status: 201, body: { id, status: 'calling' } }
    },
    beacon: (_url, body) => (beacons.push(body), true),
    hooks: {
      acknowledged: (entry) => acked.push(entry),
      failed: (entry, failure) => failures.push({ entry, failure })
    }
  })
  return { outbox, store, sent, acked, failures, beacons }
}

const entry = (id: string) => ({ id, url: 'https://api.example/v1/callbacks', body: JSON.stringify({ id, phone: '+447400123456' }), channel: 'form' as const })

describe('outbox', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-11-22T10:00:00Z'))
  })
  afterEach(() => vi.useRealTimers())

  it('persists an entry before it is sent, and removes it on acknowledgement', async () => {
    const t = setup([])
    const seenAtSend: string[] = []
    t.outbox.add(entry('a'))
    seenAtSend.push(...t.store.keys('ringback:o:'))
    expect(seenAtSend).toEqual(['ringback:o:a'])
    await vi.runAllTimersAsync()
    expect(t.sent).toHaveLength(1)
    expect(t.acked.map((e) => e.id)).toEqual(['a'])
    expect(t.store.keys('ringback:o:')).toEqual([])
  })

  it('retries 503s with the same id and a byte-identical body, then stops on success', async () => {
    const t = setup([{ status: 503 }, { status: 503 }])
    t.outbox.add(entry('b'))
    await vi.runAllTimersAsync()
    expect(t.sent.map((s) => s.id)).toEqual(['b', 'b', 'b'])
    expect(new Set(t.sent.map((s) => s.body)).size).toBe(1)
    expect(t.acked).toHaveLength(1)
    expect(t.failures.map((f) => f.failure.final)).toEqual([false, false])
  })

  it('does not retry a final 4xx, and reports it', async () => {
    for (const status of [400, 403, 404, 409, 422]) {
      const t = setup([{ status, body: { error: { code: 'x', message: 'no' } } }])
      t.outbox.add(entry('c' + status))
      await vi.runAllTimersAsync()
      expect(t.sent).toHaveLength(1)
      expect(t.failures).toHaveLength(1)
      expect(t.failures[0]!.failure.final).toBe(true)
      expect(t.store.keys('ringback:o:')).toEqual([])
    }
  })

  it('retries network failures, 408 and 429', async () => {
    const t = setup([{ status: 0 }, { status: 408 }, { status: 429 }])
    t.outbox.add(entry('d'))
    await vi.runAllTimersAsync()
    expect(t.sent).toHaveLength(4)
    expect(t.acked).toHaveLength(1)
  })

  it('waits at least Retry-After before the next try', async () => {
    const t = setup([{ status: 429, retryAfter: 2 }])
    t.outbox.add(entry('e'))
    await vi.advanceTimersByTimeAsync(1999)
    expect(t.sent).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(2)
    expect(t.sent).toHaveLength(2)
  })

  it('gives up after MAX_TRIES and says so once, finally', async () => {
    const t = setup(Array.from({ length: MAX_TRIES + 5 }, () => ({ status: 503 })))
    t.outbox.add(entry('f'))
    await vi.runAllTimersAsync()
    expect(t.sent).toHaveLength(MAX_TRIES)
    const last = t.failures[t.failures.length - 1]!
    expect(last.failure).toMatchObject({ final: true, reason: 'too_many_tries' })
    expect(t.store.keys('ringback:o:')).toEqual([])
  })

  it('drops entries older than a day, unsent', async () => {
    const store = memoryStore()
    store.set('ringback:o:old', JSON.stringify({ ...entry('old'), created: Date.now() - MAX_AGE_MS - 1, tries: 1, next: 0 }))
    const t = setup([], store)
    t.outbox.flush()
    await vi.runAllTimersAsync()
    expect(t.sent).toHaveLength(0)
    expect(t.failures[0]!.failure).toMatchObject({ final: true, reason: 'expired' })
  })

  it('keeps at most MAX_ENTRIES, dropping the oldest first', async () => {
    const store = memoryStore()
    for (let i = 0; i < MAX_ENTRIES; i++) {
      store.set('ringback:o:p' + i, JSON.stringify({ ...entry('p' + i), created: Date.now() - 1000 + i, tries: 1, next: Date.now() + 60000 }))
    }
    const t = setup([], store)
    t.outbox.add(entry('new'))
    expect(t.failures.map((f) => [f.entry.id, f.failure.reason])).toEqual([['p0', 'outbox_full']])
    expect(t.store.keys('ringback:o:')).toHaveLength(MAX_ENTRIES)
  })

  it('re-sends what an earlier page left, on flush', async () => {
    const store = memoryStore()
    store.set('ringback:o:left', JSON.stringify({ ...entry('left'), created: Date.now() - 5000, tries: 1, next: 0 }))
    const t = setup([], store)
    t.outbox.flush()
    await vi.runAllTimersAsync()
    expect(t.sent.map((s) => s.id)).toEqual(['left'])
  })

  it('beacons entries waiting for a retry when the page is hidden, not those in flight', async () => {
    const t = setup([{ status: 503 }])
    t.outbox.add(entry('g'))
    await vi.advanceTimersByTimeAsync(0)
    t.outbox.leave()
    expect(t.beacons).toEqual([entry('g').body])
  })

  it('beacons a send of its own that has stalled (a broken page fetch) when the page is left, once; not one that has just begun', async () => {
    const beacons: string[] = []
    const outbox = createOutbox({
      store: memoryStore(),
      guard,
      send: () => new Promise<Reply>(() => undefined),
      beacon: (_url, body) => (beacons.push(body), true),
      hooks: { acknowledged: () => undefined, failed: () => undefined }
    })
    outbox.add(entry('s'))
    await vi.advanceTimersByTimeAsync(STALL_MS - 1)
    outbox.leave()
    expect(beacons).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    outbox.leave()
    outbox.leave()
    expect(beacons).toEqual([entry('s').body])
  })

  it('ignores corrupt storage and keys that would reach prototypes', async () => {
    const store = memoryStore()
    store.set('ringback:o:bad', '{not json')
    store.set('ringback:o:evil', '{"__proto__":{"polluted":1},"id":"evil","url":"u","body":"{}","created":' + Date.now() + ',"tries":0,"next":0}')
    const t = setup([], store)
    t.outbox.flush()
    await vi.runAllTimersAsync()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(t.sent.map((s) => s.id)).toEqual(['evil'])
    expect(store.keys('ringback:o:')).toEqual([])
  })
})
