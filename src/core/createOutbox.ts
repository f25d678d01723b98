import { backoff } from './backoff'
import { AFTER_BEACON_MS, OUTBOX_KEY, type OutboxEntry, writeEntry } from './outboxEntry'
import { parseStored, type Store } from './safeStorage'
import { type Reply, type Send, STALL_MS } from './transport'

/** Why delivery stopped, or that it will be tried again. */
export interface OutboxFailure {
  reply: Reply
  /** `true`: given up, the entry is gone. */
  final: boolean
  /** `expired`, `too_many_tries`, `outbox_full`, or undefined for the platform's own answer. */
  reason?: string
}

export interface OutboxHooks {
  acknowledged(entry: OutboxEntry, reply: Reply): void
  failed(entry: OutboxEntry, failure: OutboxFailure): void
}

export interface OutboxOptions {
  store: Store
  send: Send
  beacon: (url: string, body: string) => boolean
  hooks: OutboxHooks
  /** Runs timer callbacks inside the SDK's guard. */
  guard: <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A) => R | undefined
  now?: () => number
  random?: () => number
  locks?: LockManager
  online?: () => boolean
}

export interface Outbox {
  /** Persists a new request, then sends it at once. */
  add(entry: Pick<OutboxEntry, 'id' | 'url' | 'body' | 'channel'>): void
  /** Entries waiting for the platform, oldest first, from every tab. */
  pending(): OutboxEntry[]
  /** Sends every entry that is due, from this tab or any other. */
  flush(): void
  /** The page is being hidden: hands entries waiting for a retry to `sendBeacon`. */
  leave(): void
  /** Removes every entry (the visitor asked to be forgotten). */
  clear(): void
  /** Stops timers; entries stay for the next page. */
  stop(): void
}

/** An entry older than this is dropped unsent: a day-old callback is no callback. */
export const MAX_AGE_MS = 24 * 60 * 60 * 1000
/** At most this many entries wait; the oldest goes first. */
export const MAX_ENTRIES = 20
/** Tries before giving up: with backoff capped at 30 s, five to ten minutes of trying (an outage a lead should outlast). */
export const MAX_TRIES = 24
/** Where Web Locks are missing, a tab that went quiet this long is taken over. */
export const LEASE_MS = 40000
/** An entry whose lock another tab holds is looked at again after this long. */
const LOCK_RETRY_MS = 3000

/**
 * The delivery policy: persist first, send, and keep each request until the
 * platform acknowledges it (2xx) or refuses it for good (a 4xx other than
 * 408 and 429). Network failures, 408, 429 and 5xx are retried with backoff,
 * honouring `Retry-After`, with the same `id` and body. Transport and storage
 * are injected, so the policy is tested without a browser.
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const { store, send, beacon, hooks, guard } = options
  const now = options.now || Date.now
  const random = options.random || Math.random
  const online = options.online || (() => true)
  const locks = options.locks
  const me = Math.random().toString(36).slice(2)
  /** Entries this tab is sending, and when each send began. */
  const sending = new Map<string, number>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let timerAt = Infinity
  let stopped = false

  const read = (id: string) => parseStored<OutboxEntry>(store.get(OUTBOX_KEY + id))
  const write = (entry: OutboxEntry) => writeEntry(store, entry)
  const remove = (id: string) => store.remove(OUTBOX_KEY + id)
  const all = () => {
    const entries: OutboxEntry[] = []
    for (const key of store.keys(OUTBOX_KEY)) {
      const entry = parseStored<OutboxEntry>(store.get(key))
      if (entry && typeof entry.body === 'string' && typeof entry.id === 'string') entries.push(entry)
      else store.remove(key)
    }
    return entries.sort((a, b) => a.created - b.created)
  }

  const schedule = (at: number) => {
    if (stopped || at >= timerAt) return
    clearTimeout(timer)
    timerAt = at
    timer = setTimeout(
      guard(() => {
        timerAt = Infinity
        flush()
      }),
      Math.max(0, at - now())
    )
  }

  const settle = (entry: OutboxEntry, reply: Reply) => {
    const status = reply.status
    if (status >= 200 && status < 300) {
      remove(entry.id)
      hooks.acknowledged(entry, reply)
    } else if (status === 0 || status === 408 || status === 429 || status >= 500 || (status >= 300 && status < 400)) {
      if (entry.tries >= MAX_TRIES) {
        remove(entry.id)
        hooks.failed(entry, { reply, final: true, reason: 'too_many_tries' })
        return
      }
      entry.next = now() + backoff(entry.tries, random, reply.retryAfter)
      entry.lease = 0
      write(entry)
      hooks.failed(entry, { reply, final: false })
      schedule(entry.next)
    } else {
      remove(entry.id)
      hooks.failed(entry, { reply, final: true })
    }
  }

  /**
   * Sends one entry unless another tab is sending it; re-reads it first, as
   * another tab may have finished it. `locked`: this tab holds the entry's
   * Web Lock, which outranks any lease (a tab that died released its lock).
   */
  const attempt = async (id: string, locked: boolean) => {
    const entry = read(id)
    if (!entry || entry.next > now() || sending.has(id)) return
    if (!locked && entry.owner !== me && (entry.lease || 0) > now()) return schedule(entry.lease!)
    // The lease is written with locks too: `leave()` of other tabs reads it.
    entry.owner = me
    entry.lease = now() + LEASE_MS
    entry.tries++
    write(entry)
    sending.set(id, now())
    try {
      const reply = await send(entry.url, entry.id, entry.body, true)
      if (read(id)) settle(entry, reply)
    } finally {
      sending.delete(id)
    }
  }

  const trySend = (id: string) => {
    if (!online()) return
    const report = (error: unknown) =>
      guard(() => {
        throw error
      })()
    if (!locks) return void attempt(id, false).catch(report)
    locks
      .request(OUTBOX_KEY + id, { ifAvailable: true }, (lock) => {
        if (lock) return attempt(id, true).catch(report)
        // Another tab (or a page still unloading) holds it: look again
        // later, in case that tab goes away before it is done.
        schedule(now() + LOCK_RETRY_MS)
        return undefined
      })
      // Locks refused (third-party frames where storage is blocked): leases alone then.
      .catch(() => attempt(id, false).catch(report))
  }

  const flush = () => {
    if (stopped) return
    for (const entry of all()) {
      if (now() - entry.created > MAX_AGE_MS) {
        remove(entry.id)
        hooks.failed(entry, { reply: { status: 0 }, final: true, reason: 'expired' })
      } else if (entry.next > now()) schedule(entry.next)
      else trySend(entry.id)
    }
  }

  return {
    add(fields) {
      const entries = all()
      for (let i = 0; i <= entries.length - MAX_ENTRIES; i++) {
        const oldest = entries[i]!
        remove(oldest.id)
        hooks.failed(oldest, { reply: { status: 0 }, final: true, reason: 'outbox_full' })
      }
      const entry: OutboxEntry = { ...fields, created: now(), tries: 0, next: 0 }
      write(entry)
      trySend(entry.id)
    },
    pending: all,
    flush,
    leave() {
      if (!online()) return
      for (const entry of all()) {
        // In flight here or in another tab, or beaconed a moment ago (pagehide
        // and visibilitychange both come when a page is left): it may well
        // arrive. Not a send of this tab that has stalled (a page's broken
        // `fetch`): leaving is its last chance.
        const began = sending.get(entry.id)
        const busy = began === undefined ? (entry.lease || 0) > now() : now() - began < STALL_MS || entry.next > now()
        if (busy || now() - entry.created > MAX_AGE_MS) continue
        if (beacon(entry.url, entry.body)) {
          entry.tries++
          entry.owner = me
          entry.lease = entry.next = now() + AFTER_BEACON_MS
          write(entry)
        }
      }
    },
    clear() {
      for (const key of store.keys(OUTBOX_KEY)) store.remove(key)
    },
    stop() {
      stopped = true
      clearTimeout(timer)
    }
  }
}
