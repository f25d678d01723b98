import type { CallbackRequest } from '../schema'
import type { OutboxEntry } from './createOutbox'
import { PREFIX } from './safeStorage'

/** Each unsent request lives under its own key, so that tabs never overwrite each other's. */
export const OUTBOX_KEY = PREFIX + 'o:'

/**
 * After a beacon, pages wait this long before sending the same entry again:
 * a beacon's fate is unknown, and a replay of the id costs only a request.
 */
export const AFTER_BEACON_MS = 3000

/**
 * A request as the outbox keeps it before its first try: the first file
 * writes it when the delivery file has not arrived yet, the outbox when it has.
 */
export const outboxEntry = (api: string, request: CallbackRequest, now: number): OutboxEntry => ({
  id: request.id,
  url: api + '/v1/callbacks',
  body: JSON.stringify(request),
  channel: request.channel,
  created: now,
  tries: 0,
  next: 0
})
