import type { CallbackRequest } from '../schema'
import { outboxEntry, type OutboxEntry, writeEntry } from './outboxEntry'
import { retryable } from './retryable'
import type { Store } from './safeStorage'
import type { Delivery } from './startDelivery'

/**
 * Delivery as the first file holds it. The outbox and its transports are a
 * lazy file, fetched with the first file a visitor reaches for; a request
 * made before it arrives must not wait in memory alone.
 *
 * Its fields start with `_`: they never leave the first file, whose build
 * gives them one-letter names (rollup.config.mjs).
 */
export interface EarlyDelivery {
  /** The delivery file's outbox, once it has arrived. */
  _ready?: Delivery
  /** Requests made before it arrived, until it takes them over: a page that leaves sooner beacons them. */
  _early: OutboxEntry[]
  /** Fetches the delivery file and starts it, once (again after a failure). */
  _load(): Promise<Delivery>
  /**
   * Hands a finished request to the outbox. Synchronous once loaded: a page
   * that navigates right after a submit must already have the request in
   * the outbox and on the wire.
   */
  _deliver(request: CallbackRequest): void
}

/** Early delivery: `start` fetches the delivery file and starts the outbox over `store`. */
export function createEarlyDelivery(api: string, store: Store, start: () => Promise<Delivery>, report: (error: unknown) => void): EarlyDelivery {
  const delivery: EarlyDelivery = {
    _early: [],
    _load: retryable(() => start().then((ready) => (delivery._ready = ready))),
    _deliver(request) {
      if (delivery._ready) return delivery._ready.deliver(request)
      // Until the delivery file arrives the request waits in the outbox's
      // storage, in the outbox's shape: if the file cannot load (offline, a
      // CDN failure) the next page sends it; if the page goes first, the
      // page-leave beacons (sendOnLeave).
      const entry = outboxEntry(api, request, Date.now())
      writeEntry(store, entry)
      delivery._early.push(entry)
      delivery._load().then((ready) => {
        delivery._early = []
        ready.deliver(request)
      }, report)
    }
  }
  return delivery
}
