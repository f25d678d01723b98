import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { send, STALL_MS, TIMEOUT_MS } from '../../src/core/transport'

/** An XMLHttpRequest the test answers (or never does). */
class FakeXhr {
  static sent: FakeXhr[] = []
  status = 0
  responseText = ''
  timeout = 0
  body: unknown
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  ontimeout: (() => void) | null = null
  open() {}
  setRequestHeader() {}
  getResponseHeader() {
    return null
  }
  send(body: unknown) {
    this.body = body
    FakeXhr.sent.push(this)
  }
  answer(status: number, body: unknown) {
    this.status = status
    this.responseText = JSON.stringify(body)
    this.onload!()
  }
}

const URL_ = 'https://api.example/v1/callbacks'
const BODY = JSON.stringify({ id: 'a', phone: '+447400123456' })
const created = (id = 'a') => new Response(JSON.stringify({ id, status: 'calling' }), { status: 201 })

describe('send: a page whose fetch misbehaves', () => {
  let beacons: string[]
  let signals: AbortSignal[]
  beforeEach(() => {
    vi.useFakeTimers()
    FakeXhr.sent = []
    beacons = []
    signals = []
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    vi.stubGlobal('navigator', { sendBeacon: (_url: string, body: string) => (beacons.push(body), true) })
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  /** A page's fetch that never settles; it records the signal the SDK passed. */
  const hang = () =>
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      signals.push(init.signal!)
      return new Promise(() => undefined)
    })

  it('a fetch that answers in time: no XHR, no beacon', async () => {
    vi.stubGlobal('fetch', async () => created())
    const reply = send(URL_, 'a', BODY, true)
    await vi.advanceTimersByTimeAsync(0)
    expect(await reply).toMatchObject({ status: 201 })
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS)
    expect(FakeXhr.sent).toHaveLength(0)
    expect(beacons).toEqual([])
  })

  it('a fetch that never settles: XHR takes over after STALL_MS, its answer wins, the fetch is aborted', async () => {
    hang()
    let reply: unknown
    void send(URL_, 'a', BODY, true).then((r) => (reply = r))
    await vi.advanceTimersByTimeAsync(STALL_MS - 1)
    expect(FakeXhr.sent).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(FakeXhr.sent.map((x) => x.body)).toEqual([BODY])
    FakeXhr.sent[0]!.answer(201, { id: 'a', status: 'calling' })
    await vi.advanceTimersByTimeAsync(0)
    expect(reply).toMatchObject({ status: 201, body: { id: 'a' } })
    expect(signals[0]!.aborted).toBe(true)
    expect(beacons).toEqual([])
  })

  it('a fetch that answers after XHR did: the first answer stands, nothing is sent a third time', async () => {
    let late: (response: Response) => void = () => undefined
    vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => (late = resolve)))
    const reply = send(URL_, 'a', BODY, true)
    await vi.advanceTimersByTimeAsync(STALL_MS)
    FakeXhr.sent[0]!.answer(201, { id: 'a', status: 'scheduled' })
    late(new Response('{}', { status: 500 }))
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS)
    expect(await reply).toMatchObject({ status: 201, body: { status: 'scheduled' } })
    expect(FakeXhr.sent).toHaveLength(1)
    expect(beacons).toEqual([])
  })

  it('fetch and XHR both never settle: a beacon after another STALL_MS, and a failure (status 0) at TIMEOUT_MS for the outbox to retry', async () => {
    hang()
    let reply: unknown
    void send(URL_, 'a', BODY, true).then((r) => (reply = r))
    await vi.advanceTimersByTimeAsync(2 * STALL_MS - 1)
    expect(beacons).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(beacons).toEqual([BODY])
    // XHR may still answer until the timeout; then it is a failure, and no second beacon.
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS - 2 * STALL_MS - 1)
    expect(reply).toBeUndefined()
    await vi.advanceTimersByTimeAsync(1)
    expect(reply).toEqual({ status: 0 })
    expect(beacons).toHaveLength(1)
  })

  it('fetch never settles and XHR fails at once: the beacon goes then, not at the timeout', async () => {
    hang()
    let reply: unknown
    void send(URL_, 'a', BODY, true).then((r) => (reply = r))
    await vi.advanceTimersByTimeAsync(STALL_MS)
    FakeXhr.sent[0]!.onerror!()
    expect(beacons).toEqual([BODY])
    await vi.advanceTimersByTimeAsync(0)
    expect(reply).toEqual({ status: 0 })
  })

  it("the browser's own fetch failing on the network: status 0 at once, no XHR and no beacon (an outage is not a broken page)", async () => {
    const native = () => Promise.reject(new TypeError('Failed to fetch'))
    native.toString = () => 'function fetch() {\n    [native code]\n}'
    vi.stubGlobal('fetch', native)
    const reply = send(URL_, 'a', BODY, true)
    await vi.advanceTimersByTimeAsync(0)
    expect(await reply).toEqual({ status: 0 })
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS)
    expect(FakeXhr.sent).toHaveLength(0)
    expect(beacons).toEqual([])
  })
})
