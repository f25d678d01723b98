import { maskPhone } from '../../../src/contract/maskPhone'
import type { DeliveryRow } from '../receiver/webhook/openWebhookQueue'

/** A webhook delivery as it leaves the server for the console: times as ISO strings, the number masked. */
export interface PresentedDelivery {
  id: number
  eventId: string
  requestId: string
  phone: string
  receivedAt: string
  state: DeliveryRow['state']
  attempts: number
  nextAt?: string
  deliveredAt?: string
  log: { at: string; status?: number; note?: string; ms: number }[]
}

const iso = (ms: number) => new Date(ms).toISOString()

export function presentDelivery(d: DeliveryRow): PresentedDelivery {
  return {
    id: d.id,
    eventId: d.eventId,
    requestId: d.requestId,
    phone: maskPhone(d.phone),
    receivedAt: iso(d.receivedAt),
    state: d.state,
    attempts: d.attempts,
    ...(d.nextAt !== undefined && { nextAt: iso(d.nextAt) }),
    ...(d.deliveredAt !== undefined && { deliveredAt: iso(d.deliveredAt) }),
    log: d.log.map((a) => ({ ...a, at: iso(a.at) }))
  }
}
