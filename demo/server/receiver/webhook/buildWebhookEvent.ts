import type { CallbackRequest, CallbackResponse } from '../../../../src/schema'

/** The one event type so far: a lead the receiver accepted and stored. */
export const LEAD_CREATED = 'lead.created'

/** A lead as the webhook delivers it: the request as the SDK sent it, with the platform's answer and time of receipt. */
export type WebhookLead = { id: string; receivedAt: string; status: CallbackResponse['status']; scheduledFor?: string; etaSeconds?: number } & Omit<
  CallbackRequest,
  'id' | 'siteId' | 'signals'
>

/** The JSON body of a webhook delivery (docs/webhooks.md). */
export interface WebhookEvent {
  /** Stable across every attempt of this delivery: the receiver's key for deduplication. */
  id: string
  type: typeof LEAD_CREATED
  siteId: string
  /** When the event was created: when the lead was received. */
  createdAt: string
  data: WebhookLead
}

/**
 * The body of a `lead.created` delivery, built from the stored row each time
 * it is sent: the queue keeps no copy of the lead, so that erasing the lead
 * leaves nothing of it to send. The stored row never changes, so every
 * attempt sends the same bytes. The number is in full: the business's own
 * system is going to dial it. The SDK's bot `signals` stay with the receiver.
 */
export function buildWebhookEvent(eventId: string, siteId: string, request: CallbackRequest, response: CallbackResponse, receivedAt: number): string {
  const { id, siteId: _site, signals: _signals, ...rest } = request
  const event: WebhookEvent = {
    id: eventId,
    type: LEAD_CREATED,
    siteId,
    createdAt: new Date(receivedAt).toISOString(),
    data: {
      id,
      receivedAt: new Date(receivedAt).toISOString(),
      status: response.status,
      ...(response.scheduledFor !== undefined && { scheduledFor: response.scheduledFor }),
      ...(response.etaSeconds !== undefined && { etaSeconds: response.etaSeconds }),
      ...rest
    }
  }
  return JSON.stringify(event)
}
