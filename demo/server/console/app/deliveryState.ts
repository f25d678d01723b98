import type { PresentedDelivery } from '../presentDelivery'

/** A webhook delivery's state in words: delivered when, retrying when, or failed. */
export function deliveryState(d: PresentedDelivery, time: (iso: string | undefined) => string): string {
  if (d.state === 'delivered') return 'Delivered ' + time(d.deliveredAt)
  if (d.state === 'failed') return `Failed after ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}`
  return d.attempts ? 'Retrying, next attempt ' + time(d.nextAt) : 'Waiting to be sent'
}

/** What the last attempt came to: the HTTP status and what the endpoint said, or why no answer came. */
export function lastAnswer(d: PresentedDelivery): string {
  const last = d.log[d.log.length - 1]
  if (!last) return '—'
  return [last.status !== undefined && 'HTTP ' + last.status, last.note].filter(Boolean).join(' · ')
}
