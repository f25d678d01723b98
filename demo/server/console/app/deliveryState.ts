import type { PresentedDelivery } from '../presentDelivery'

/** A webhook delivery's state in words: delivered when, retrying when, or failed. */
export function deliveryState(d: PresentedDelivery, time: (iso: string | undefined) => string): string {
  if (d.state === 'delivered') return 'Delivered ' + time(d.deliveredAt)
  if (d.state === 'failed') return `Failed after ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}`
  return d.attempts ? 'Retrying, next attempt ' + time(d.nextAt) : 'Waiting to be sent'
}

/** What an attempt came to: the HTTP status and what the endpoint said, or why no answer came. */
export const attemptText = (a: PresentedDelivery['log'][number]): string => [a.status !== undefined && 'HTTP ' + a.status, a.note].filter(Boolean).join(' · ')

/** What the last attempt came to. */
export function lastAnswer(d: PresentedDelivery): string {
  const last = d.log[d.log.length - 1]
  return last ? attemptText(last) : '—'
}
