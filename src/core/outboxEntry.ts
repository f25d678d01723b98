import type { CallbackRequest } from '../schema'
import type { Channel } from './events'
import { PREFIX, type Store } from './safeStorage'

/** Each unsent request lives under its own key, so that tabs never overwrite each other's. */
export const OUTBOX_KEY = PREFIX + 'o:'

/**
 * One request waiting for the platform's acknowledgement. Stored under its
 * own key (`ringback:o:<id>`), so that tabs adding or removing entries at
 * the same moment never overwrite each other's. No arrays: pages that patch
 * `Array.prototype.toJSON` would corrupt them on the way to storage.
 */
export interface OutboxEntry {
  id: string
  /** Endpoint, e.g. `https://api.example.com/v1/callbacks`. */
  url: string
  /** The serialized request: byte-identical on every try. */
  body: string
  channel: Channel
  /** When it was made (ms since the epoch). */
  created: number
  /** Tries so far, across pages and tabs. */
  tries: number
  /** Not to be tried before this time (ms). */
  next: number
  /** The tab that is sending it, and until when it may (where Web Locks are missing, the only guard). */
  owner?: string
  lease?: number
}

/**
 * After a beacon, pages wait this long before sending the same entry again:
 * a beacon's fate is unknown, and a replay of the id costs only a request.
 */
export const AFTER_BEACON_MS = 3000

/**
 * A request as the outbox keeps it before its first try: the first file
 * writes it when the delivery file has not arrived yet, the outbox when it has.
 */
export function outboxEntry(api: string, request: CallbackRequest, now: number): OutboxEntry {
  return {
    id: request.id,
    url: api + '/v1/callbacks',
    body: JSON.stringify(request),
    channel: request.channel,
    created: now,
    tries: 0,
    next: 0
  }
}

/**
 * Writes an entry under its own key: the outbox on every change, the first
 * file for a request made before the delivery file arrived.
 */
export function writeEntry(store: Store, entry: OutboxEntry): void {
  store.set(OUTBOX_KEY + entry.id, JSON.stringify(entry))
}
