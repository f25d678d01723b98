import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createOutbox, LEASE_MS } from '../../src/core/createOutbox'
import type { OutboxEntry } from '../../src/core/outboxEntry'
import { memoryStore, type Store } from '../../src/core/safeStorage'
import type { Reply } from '../../src/core/transport'

const guard =
  <A extends unknown[], R>(fn: (...args: A) => R) =>
  (...args: A) =>
    fn(...args)

/** Web Locks as the browser gives them, for tabs sharing one origin. */
function fakeLocks() {
  const held = new Set<string>()
  return {
    held,
    request(name: string, options: { ifAvailable?: boolean }, callback: (lock: unknown) => unknown) {
      if (held.has(name)) return Promise.resolve(callback(null))
      held.add(name)
      return Promise.resolve(callback({ name })).finally(() => held.delete(name))
    }
  } as unknown as LockManager & { held: Set<string> }
}

/** One tab's outbox on a shared store; `hang` keeps its sends in flight until `release()`. */
function tab(store: Store, options: { locks?: LockManager; hang?: boolean; online?: () => boolean } = {}) {
  const sent: string[] = []
  const beacons: string[] = []
  const acked: OutboxEntry[] = []
  let release: (reply: Reply) => void = () => undefined
  const outbox = createOutbox({
    store,
    guard,
    locks: options.locks,
    online: options.online,
    random: () => 0.5,
    send: (_url, id) => {
      sent.push(id)
      return options.hang ? new Promise<Reply>((resolve) => (release = resolve)) : Promise.resolve({ status: 201 })
    },
    beacon: (_url, body) => (beacons.push(body), true),
    hooks: { acknowledged: (entry) => acked.push(entry), failed: () => undefined }
  })
  return { outbox, sent, beacons, acked, release: (reply: Reply = { status: 201 }) => release(reply) }
}

const entry = (id: string) => ({ id, url: 'https://api.example/v1/callbacks', body: JSON.stringify({ id }), channel: 'widget' as const })

describe('outbox across tabs', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-11-22T10:00:00Z'))
  })
  afterEach(() => vi.useRealTimers())

  it('without Web Locks: a lease keeps a second tab off an entry in flight, until the first tab is gone too long', async () => {
    const store = memoryStore()
    const a = tab(store, { hang: true })
    a.outbox.add(entry('x'))
    const b = tab(store)
    b.outbox.flush()
    await vi.advanceTimersByTimeAsync(LEASE_MS - 1)
    expect(a.sent).toEqual(['x'])
    expect(b.sent).toEqual([])
    // Tab A never came back (closed mid-send): B takes over with the same id.
    await vi.advanceTimersByTimeAsync(2)
    expect(b.sent).toEqual(['x'])
    expect(b.acked.map((e) => e.id)).toEqual(['x'])
  })

  it('with Web Locks: only the tab holding the lock sends; the other looks again and finds it done', async () => {
    const store = memoryStore()
    const locks = fakeLocks()
    const a = tab(store, { locks, hang: true })
    const b = tab(store, { locks })
    a.outbox.add(entry('y'))
    await vi.advanceTimersByTimeAsync(0)
    b.outbox.flush()
    await vi.advanceTimersByTimeAsync(0)
    expect(b.sent).toEqual([])
    a.release()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(a.sent).toEqual(['y'])
    expect(b.sent).toEqual([])
    expect(store.keys('ringback:o:')).toEqual([])
  })

  it('with Web Locks: a tab that died mid-send (its lock released) is taken over at once, lease or not', async () => {
    const store = memoryStore()
    const locks = fakeLocks()
    const a = tab(store, { locks, hang: true })
    a.outbox.add(entry('z'))
    await vi.advanceTimersByTimeAsync(0)
    a.outbox.stop()
    locks.held.clear()
    const b = tab(store, { locks })
    b.outbox.flush()
    await vi.advanceTimersByTimeAsync(0)
    expect(b.sent).toEqual(['z'])
  })

  it('where Web Locks are refused (blocked third-party storage), falls back to leases and still sends', async () => {
    const store = memoryStore()
    const refused = { request: () => Promise.reject(new DOMException('The request was denied.', 'SecurityError')) } as unknown as LockManager
    const a = tab(store, { locks: refused })
    a.outbox.add(entry('w'))
    await vi.advanceTimersByTimeAsync(0)
    expect(a.sent).toEqual(['w'])
    expect(a.acked).toHaveLength(1)
  })

  it('a hidden tab does not beacon an entry another tab is sending', async () => {
    const store = memoryStore()
    const a = tab(store, { hang: true })
    a.outbox.add(entry('v'))
    await vi.advanceTimersByTimeAsync(0)
    const b = tab(store)
    b.outbox.leave()
    expect(b.beacons).toEqual([])
  })

  it('beacons once when a leaving page fires both visibilitychange and pagehide, and retries later if it comes back', async () => {
    const store = memoryStore()
    const replies = [{ status: 503 }]
    const sent: string[] = []
    const beacons: string[] = []
    const outbox = createOutbox({
      store,
      guard,
      random: () => 0.5,
      send: async (_url, id) => (sent.push(id), replies.shift() || { status: 201 }),
      beacon: (_url, body) => (beacons.push(body), true),
      hooks: { acknowledged: () => undefined, failed: () => undefined }
    })
    outbox.add(entry('u'))
    await vi.advanceTimersByTimeAsync(0)
    outbox.leave()
    outbox.leave()
    expect(beacons).toHaveLength(1)
    // The page stayed (a tab switch, not a close): the beacon's answer is unknown, so it is sent again.
    await vi.advanceTimersByTimeAsync(15_000)
    expect(sent).toEqual(['u', 'u'])
    expect(store.keys('ringback:o:')).toEqual([])
  })

  it('two tabs adding at once never overwrite each other: one key per entry', async () => {
    const store = memoryStore()
    const a = tab(store, { hang: true })
    const b = tab(store, { hang: true })
    a.outbox.add(entry('a1'))
    b.outbox.add(entry('b1'))
    expect(store.keys('ringback:o:').sort()).toEqual(['ringback:o:a1', 'ringback:o:b1'])
  })

  it('offline: nothing is sent or counted as a try; flush once online sends it', async () => {
    const store = memoryStore()
    let online = false
    const a = tab(store, { online: () => online })
    a.outbox.add(entry('o'))
    await vi.advanceTimersByTimeAsync(60_000)
    expect(a.sent).toEqual([])
    expect(JSON.parse(store.get('ringback:o:o')!).tries).toBe(0)
    a.outbox.leave()
    expect(a.beacons).toEqual([])
    online = true
    a.outbox.flush()
    await vi.advanceTimersByTimeAsync(0)
    expect(a.sent).toEqual(['o'])
  })
})
