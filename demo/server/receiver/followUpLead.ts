import type { Answer } from './handleCallback'
import type { RefusedLeads } from './openRefusedLeads'
import type { Webhooks } from './webhook/createWebhooks'

/**
 * What follows an answer to `POST /v1/callbacks`: a refused lead is logged
 * (once per request id), and a stored one clears an earlier refusal of the
 * same request and wakes the webhook worker (its delivery was enqueued with
 * the row).
 */
export function followUpLead(ctx: { refused: RefusedLeads; webhooks: Webhooks; now: () => number }) {
  return (answer: Answer): void => {
    if (!answer.siteId) return
    if (answer.refused) ctx.refused.record(answer.siteId, answer.refused, ctx.now())
    else if (answer.status === 201) {
      ctx.refused.accepted(answer.siteId, (answer.body as { id: string }).id, ctx.now())
      ctx.webhooks.kick()
    }
  }
}
