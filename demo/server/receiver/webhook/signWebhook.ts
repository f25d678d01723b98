import { createHmac } from 'node:crypto'

/**
 * The `Ringback-Signature` header of one delivery attempt:
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as Stripe signs
 * its webhooks. The timestamp is signed with the body, so that a captured
 * delivery cannot be replayed later than the receiver's tolerance; `v1`
 * names the scheme, so that another can be added beside it.
 */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  const t = Math.floor(unixSeconds)
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`
}
