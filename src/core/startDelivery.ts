import type { CallbackRequest } from '../schema'
import type { Emitter } from './createEmitter'
import { createOutbox, type Outbox, type OutboxFailure } from './createOutbox'
import type { Reporter } from './createReporter'
import { pick } from './fetchConfig'
import { maskPhone } from '../contract/maskPhone'
import { outboxEntry, type OutboxEntry } from './outboxEntry'
import { parseStored, type Store } from './safeStorage'
import { beacon, type Reply, send } from './transport'

export interface DeliveryOptions {
  /** Platform API base, without a trailing slash. */
  api: string
  store: Store
  emit: Emitter['emit']
  guard: Reporter['guard']
  locks?: LockManager
}

export interface Delivery extends Outbox {
  /** Writes a finished request to the outbox, sends it and announces it (`submit`). */
  deliver(request: CallbackRequest): void
}

/** A form submitted again within this long with the same content is the same request. */
const DUPLICATE_MS = 10000

/** What makes two requests the same call: everything but their id, time and signals. */
const sameCall = (request: unknown) =>
  request && typeof request === 'object' ? JSON.stringify({ ...request, id: 0, requestedAt: 0, signals: 0 }) : ''

/**
 * Delivery of callback requests: the outbox, its transports and the events
 * that tell the page how it went. A lazy file: nothing is sent before a
 * visitor interacts, so the first file only fetches this when a form is
 * focused, the panel is wanted, or an earlier page left requests behind.
 */
export function startDelivery({ api, store, emit, guard, locks }: DeliveryOptions): Delivery {
  const outbox = createOutbox({
    store,
    send,
    beacon,
    guard,
    locks,
    online: () => navigator.onLine !== false,
    hooks: {
      acknowledged(entry: OutboxEntry, reply: Reply) {
        const scheduledFor = pick(reply.body, 'scheduledFor')
        const eta = pick(reply.body, 'etaSeconds')
        emit('success', {
          id: entry.id,
          channel: entry.channel,
          status: pick(reply.body, 'status') === 'calling' ? 'calling' : 'scheduled',
          ...(typeof scheduledFor === 'string' && { scheduledFor }),
          ...(typeof eta === 'number' && { etaSeconds: eta })
        })
      },
      failed(entry: OutboxEntry, { reply, final, reason }: OutboxFailure) {
        // While retrying, say so once (first failure), not on every try.
        if (!final && entry.tries > 1) return
        const error = pick(reply.body, 'error')
        emit('error', {
          code: String(reason || pick(error, 'code') || (reply.status ? 'http_' + reply.status : 'network_error')),
          message: String(pick(error, 'message') || (final ? 'The request could not be delivered.' : 'The request will be sent again.')),
          retry: !final,
          id: entry.id,
          channel: entry.channel
        })
      }
    }
  })
  const recent = new Map<string, number>()
  return {
    ...outbox,
    deliver(request) {
      if (request.channel === 'form') {
        // A double click submits a form twice: two requests with their own
        // ids, the same call. The second is dropped while the first is
        // pending (in any tab) or was made moments ago.
        const key = sameCall(request)
        const at = recent.get(key)
        if ((at && Date.now() - at < DUPLICATE_MS) || outbox.pending().some((entry) => entry.id !== request.id && sameCall(parseStored(entry.body)) === key)) return
        recent.set(key, Date.now())
      }
      outbox.add(outboxEntry(api, request, Date.now()))
      emit(
        'submit',
        { id: request.id, channel: request.channel, phone: request.phone, schedule: request.schedule },
        maskPhone(request.phone)
      )
    }
  }
}
