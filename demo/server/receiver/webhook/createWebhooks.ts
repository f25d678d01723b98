import type Database from 'better-sqlite3'
import type { SiteRecord } from '../loadSites'
import { buildWebhookEvent, LEAD_CREATED } from './buildWebhookEvent'
import { openWebhookQueue } from './openWebhookQueue'
import { postWebhook, type PostResult } from './postWebhook'
import { MAX_ATTEMPTS, retryDelay } from './retryDelay'
import { signWebhook } from './signWebhook'

export interface WebhookOptions {
  db: Database.Database
  sites: Map<string, SiteRecord>
  now: () => number
  log?: (line: string) => void
  /** Deliveries on the wire at once, over all sites (default 4). */
  maxInFlight?: number
  /** Time limit of one attempt (default 10 s). */
  timeoutMs?: number
  /** The HTTP POST (tests may wrap it). */
  post?: typeof postWebhook
}

/** A claimed delivery is leased this long: an attempt that a crash cut short is made again after it. */
const LEASE_MS = 2 * 60000
/** However far off the next due delivery is, the queue is looked at again after this long (a clock moved, rows added by hand). */
const MAX_SLEEP_MS = 60000

/**
 * New-lead webhooks: the persistent queue and the worker that empties it.
 * Each lead of a site with a `webhook` in sites.json is POSTed to its URL,
 * signed, at least once: retried with exponential backoff on any answer but
 * a 2xx (or none), up to `MAX_ATTEMPTS`, then marked failed; a restart picks
 * up where the last process stopped. Few deliveries run at once, and a slow
 * sink holds one of them for at most `timeoutMs`.
 */
export function createWebhooks(options: WebhookOptions) {
  const { sites, now } = options
  const queue = openWebhookQueue(options.db)
  const maxInFlight = options.maxInFlight ?? 4
  const timeoutMs = options.timeoutMs ?? 10000
  const post = options.post || postWebhook
  const log = options.log || (() => undefined)
  const inFlight = new Map<number, { abort: AbortController; done: Promise<void> }>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false

  const syncSites = () => queue.setSites([...sites.values()].filter((s) => s.webhook).map((s) => s.config.siteId))
  syncSites()

  const busy = () => [...inFlight.keys()]
  /** The queue is the database's: a failure there is logged, never thrown from a timer (it would end the process); the lease brings the delivery back. */
  const failed = (error: unknown) => log('webhook worker: ' + String(error))
  const safePump = () => {
    try {
      pump()
    } catch (error) {
      failed(error)
    }
  }

  /** Starts as many due deliveries as there is room for, then sleeps until the next one is due. */
  function pump(): void {
    if (stopped) return
    while (inFlight.size < maxInFlight) {
      const delivery = queue.claim(now(), now() + LEASE_MS, busy())
      if (!delivery) break
      const webhook = sites.get(delivery.siteId)?.webhook
      if (!webhook) {
        queue.fail(delivery.id, now(), 'the site has no webhook in sites.json any more')
        continue
      }
      const abort = new AbortController()
      const body = buildWebhookEvent(delivery.eventId, delivery.siteId, delivery.request, delivery.response, delivery.receivedAt)
      const headers = {
        'User-Agent': 'ringback-webhook/1',
        'Ringback-Event-Id': delivery.eventId,
        'Ringback-Event-Type': LEAD_CREATED,
        'Ringback-Delivery-Attempt': String(delivery.attempt),
        'Ringback-Signature': signWebhook(webhook.secret, body, now() / 1000)
      }
      const done = post(webhook.url, body, headers, { timeoutMs, signal: abort.signal })
        .then((result) => {
          inFlight.delete(delivery.id)
          if (!abort.signal.aborted) settle(delivery.id, delivery.eventId, delivery.attempt, result)
          pump()
        })
        .catch(failed)
      inFlight.set(delivery.id, { abort, done })
    }
    sleep()
  }

  function settle(id: number, eventId: string, attempt: number, result: PostResult): void {
    const at = now()
    const record = { at, ...(result.status !== undefined && { status: result.status }), ...(result.note && { note: result.note }), ms: result.ms }
    const ok = result.status !== undefined && result.status >= 200 && result.status < 300
    if (ok) queue.settle(id, record, { state: 'delivered' })
    else if (attempt >= MAX_ATTEMPTS) queue.settle(id, record, { state: 'failed' })
    else queue.settle(id, record, { state: 'pending', nextAt: at + retryDelay(attempt, result.retryAfter) })
    log(`webhook ${eventId} attempt ${attempt}: ${result.status ?? result.note}${ok ? '' : attempt >= MAX_ATTEMPTS ? ', failed' : ', will retry'}`)
  }

  function sleep(): void {
    if (timer) clearTimeout(timer)
    timer = undefined
    // Full: a delivery that ends starts the next one.
    if (stopped || inFlight.size >= maxInFlight) return
    const next = queue.nextDue(busy())
    const wait = next === undefined ? MAX_SLEEP_MS : Math.min(MAX_SLEEP_MS, Math.max(0, next - now()))
    timer = setTimeout(safePump, wait)
    timer.unref()
  }

  /** Looks at the queue now (a lead was just stored). */
  const kick = () => {
    if (!stopped) setImmediate(safePump)
  }

  return {
    ...queue,
    kick,
    /** Resolves once nothing is due and nothing is on the wire (tests; a graceful stop). */
    async drain(): Promise<void> {
      for (;;) {
        pump()
        if (!inFlight.size) return
        await Promise.all([...inFlight.values()].map((d) => d.done))
      }
    },
    /**
     * A pending or failed delivery of the site, made due at once with a fresh
     * schedule; resolves when its attempt is over (or at once when all slots
     * are taken: it goes next). `busy` while an attempt of it is on the wire.
     */
    async retryNow(siteId: string, id: number): Promise<'ok' | 'busy' | 'not_found'> {
      if (inFlight.has(id)) return 'busy'
      if (stopped || !queue.retry(siteId, id, now())) return 'not_found'
      pump()
      await inFlight.get(id)?.done
      return 'ok'
    },
    /** Sites gained or lost a webhook (sites.json is read at start; tests change it at run time). */
    syncSites,
    /** Stops the worker: no new attempts, and those on the wire are cut off (they are made again after their lease). */
    async stop(): Promise<void> {
      stopped = true
      if (timer) clearTimeout(timer)
      for (const d of inFlight.values()) d.abort.abort()
      await Promise.all([...inFlight.values()].map((d) => d.done))
    }
  }
}
export type Webhooks = ReturnType<typeof createWebhooks>
