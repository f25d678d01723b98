import type { CallbackRequest } from '../schema'
import type { Emitter } from './createEmitter'
import { createOutbox, type Outbox, type OutboxFailure } from './createOutbox'
import type { Reporter } from './createReporter'
import { pick } from './fetchConfig'
import { maskPhone } from '../contract/maskPhone'
import { OUTBOX_KEY, outboxEntry, type OutboxEntry } from './outboxEntry'
import { parseStored, type Store } from './safeStorage'
import { SAME_NUMBER_MS } from './sameNumber'
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
  return {
    ...outbox,
    deliver(request) {
      // This page's repeats never get here (`sameNumber`). What the page cannot
      // know is a form request for the same number still waiting in the outbox
      // from another tab or an earlier page: a classic form posted again after
      // the site's validation said no, before the first one's answer came (or
      // while offline). Within the form window that is the same lead, and the
      // waiting one goes out (its id makes a replay harmless). Widget requests
      // are not compared: the panel waits for the answer to the one it sent.
      const now = Date.now()
      if (
        request.channel === 'form' &&
        outbox
          .pending()
          .some(
            (entry) =>
              entry.id !== request.id && entry.channel === 'form' && now - entry.created < SAME_NUMBER_MS.form && pick(parseStored(entry.body), 'phone') === request.phone
          )
      ) {
        // The first file may have written it already, waiting for this file.
        store.remove(OUTBOX_KEY + request.id)
        return
      }
      outbox.add(outboxEntry(api, request, now))
      emit('submit', { id: request.id, channel: request.channel, phone: request.phone, schedule: request.schedule }, maskPhone(request.phone))
    }
  }
}
